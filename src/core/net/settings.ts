/**
 * VS Code's network settings (`http.*`) read into ProxySettings. A value of the wrong type, which
 * settings.json can hold, reads as the setting's default, as VS Code's own settings editor shows it.
 */
import { proxySupportValues, type ProxySettings, type ProxySupport } from './proxy';

/** What `vscode.workspace.getConfiguration('http')` gives, as far as it is read here. */
export interface SettingsSection {
  get(key: string): unknown;
}

export function proxySettingsOf(http: SettingsSection): ProxySettings {
  const text = (key: string): string | undefined => {
    const value = http.get(key);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const support = text('proxySupport');
  const strictSSL = http.get('proxyStrictSSL');
  const noProxy = http.get('noProxy');
  return {
    support: proxySupportValues.includes(support as ProxySupport) ? (support as ProxySupport) : 'override',
    proxy: text('proxy') ?? '',
    authorization: text('proxyAuthorization'),
    strictSSL: typeof strictSSL === 'boolean' ? strictSSL : true,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((entry): entry is string => typeof entry === 'string') : [],
  };
}
