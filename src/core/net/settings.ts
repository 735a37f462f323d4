/**
 * VS Code's network settings (`http.*`) read into ProxySettings. A value of the wrong type, which
 * settings.json can hold, reads as the setting's default, as VS Code's own settings editor shows it;
 * except `http.proxySupport`: the extension host passes its raw value on, and its proxy support acts
 * only on `on`, `fallback` and `override`, so any other value set there is `off`.
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
  const support = http.get('proxySupport');
  const strictSSL = http.get('proxyStrictSSL');
  const noProxy = http.get('noProxy');
  return {
    support: support === undefined ? 'override' : proxySupportValues.includes(support as ProxySupport) ? (support as ProxySupport) : 'off',
    proxy: text('proxy') ?? '',
    authorization: text('proxyAuthorization'),
    strictSSL: typeof strictSSL === 'boolean' ? strictSSL : true,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((entry): entry is string => typeof entry === 'string') : [],
  };
}
