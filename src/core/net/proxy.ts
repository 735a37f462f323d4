/**
 * Which proxy a request goes through, by VS Code's rules: `http.noProxy` when it lists anything
 * (otherwise `NO_PROXY`), then `http.proxy`, then the environment's proxy variables; localhost is
 * always reached directly. The proxy's user name and password never leave this module's URL objects:
 * anything shown uses `shownProxy`.
 */
import { KnownError } from '../errors';
import type { Environment } from '../files/paths';

/** VS Code's settings of the same names. */
export interface ProxySettings {
  /** `http.proxy`: empty when unset. */
  readonly proxy: string;
  /** `http.proxyStrictSSL`: whether certificates seen through a proxy are verified. */
  readonly strictSSL: boolean;
  /** `http.noProxy`: hosts reached directly. */
  readonly noProxy: readonly string[];
}

export interface Proxy {
  readonly url: URL;
  /** Where it was set: `http.proxy` or the variable's name. */
  readonly source: string;
}

export interface Target {
  readonly hostname: string;
  readonly port: number;
}

/** The proxy variables in the order VS Code reads them: one proxy for every request. */
const proxyVariables = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
const localHosts = new Set(['localhost', '127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** A proxy setting that cannot be used; its message names the setting and never its password. */
export class ProxySettingInvalid extends KnownError<'proxy'> {
  readonly reason = 'proxy';
  override readonly name = 'ProxySettingInvalid';
}

/** The proxy for a request to `target`, or undefined to connect directly. */
export function proxyFor(target: Target, settings: ProxySettings, env: Environment): Proxy | undefined {
  const hostname = target.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (localHosts.has(hostname)) {
    return undefined;
  }
  // As VS Code: the setting's list replaces the variable's, it is not added to it.
  const bypass = settings.noProxy.length > 0 ? settings.noProxy : (env['no_proxy'] || env['NO_PROXY'] || '').split(',');
  if (bypasses(hostname, target.port, bypass)) {
    return undefined;
  }
  const configured = settings.proxy.trim()
    ? { value: settings.proxy.trim(), source: 'http.proxy' }
    : proxyVariables.map((name) => ({ value: (env[name] ?? '').trim(), source: name })).find(({ value }) => value !== '');
  return configured && { url: proxyUrl(configured.value, configured.source), source: configured.source };
}

/** `*`, a host, or a domain (`example.com` and `.example.com` both match its subdomains), each with an optional `:port`. */
function bypasses(hostname: string, port: number, entries: readonly string[]): boolean {
  return entries.some((entry) => {
    const [name = '', entryPort] = entry.trim().toLowerCase().split(':', 2);
    if (name === '*') {
      return true;
    }
    if (name === '' || (entryPort !== undefined && Number(entryPort) !== port)) {
      return false;
    }
    const domain = name.startsWith('.') ? name : `.${name}`;
    return `.${hostname}`.endsWith(domain);
  });
}

function proxyUrl(value: string, source: string): URL {
  let url: URL | undefined;
  try {
    // `host:port` without a scheme is an HTTP proxy, as curl and the AWS CLI take it.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    const shown = url?.hostname ? shownProxy(url) : 'its value';
    throw new ProxySettingInvalid(
      `The proxy in ${source} cannot be used (${shown}): write it as http://host:port or https://host:port, with user:password@ before the host if the proxy asks for them.`,
    );
  }
  return url;
}

/** The proxy as it may be shown and logged: scheme, host and port, never the user name or password. */
export function shownProxy(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** A user name or password as written when it is not valid percent-encoding (`pa%ss`), as curl takes it. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The `Proxy-Authorization` header the proxy's URL asks for (Basic), if it names a user. */
export function proxyAuthorization(url: URL): string | undefined {
  if (!url.username && !url.password) {
    return undefined;
  }
  const credentials = `${decoded(url.username)}:${decoded(url.password)}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}
