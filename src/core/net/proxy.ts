/**
 * Which proxy a request goes through, by VS Code's rules: none when `http.proxySupport` is `off`;
 * else `http.noProxy` when it lists anything (otherwise `NO_PROXY`), then `http.proxy`, then the
 * environment's proxy variables; localhost is always reached directly. The proxy's user name and
 * password, and `http.proxyAuthorization`, never leave the `Proxy` objects: anything shown uses `shownProxy`.
 */
import * as net from 'node:net';
import * as l10n from '@vscode/l10n';
import { KnownError } from '../errors';
import type { Environment } from '../files/paths';

/** VS Code's `http.proxySupport`: `off` turns its proxy support for extensions off, and so ours; the others all use the settings. */
export const proxySupportValues = ['off', 'on', 'fallback', 'override'] as const;
export type ProxySupport = (typeof proxySupportValues)[number];

/** VS Code's settings of the same names. */
export interface ProxySettings {
  /** `http.proxySupport`. */
  readonly support: ProxySupport;
  /** `http.proxy`: empty when unset. */
  readonly proxy: string;
  /** `http.proxyAuthorization`: the `Proxy-Authorization` header's value, sent instead of the proxy URL's user. */
  readonly authorization: string | undefined;
  /** `http.proxyStrictSSL`: whether certificates seen through a proxy are verified. */
  readonly strictSSL: boolean;
  /** `http.noProxy`: hosts reached directly. */
  readonly noProxy: readonly string[];
}

export interface Proxy {
  readonly url: URL;
  /** Where it was set: `http.proxy` or the variable's name. */
  readonly source: string;
  /** The `Proxy-Authorization` header sent to it, and where that came from; never shown. */
  readonly authorization: { readonly header: string; readonly source: 'http.proxyAuthorization' | 'url' } | undefined;
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
  const hostname = unbracketed(target.hostname).toLowerCase();
  if (settings.support === 'off' || localHosts.has(hostname)) {
    return undefined;
  }
  // As VS Code: the setting's list replaces the variable's, it is not added to it.
  const bypass = settings.noProxy.length > 0 ? settings.noProxy : (env['no_proxy'] || env['NO_PROXY'] || '').split(',');
  if (bypasses({ hostname, port: target.port }, bypass)) {
    return undefined;
  }
  const configured = settings.proxy.trim()
    ? { value: settings.proxy.trim(), source: 'http.proxy' }
    : proxyVariables.map((name) => ({ value: (env[name] ?? '').trim(), source: name })).find(({ value }) => value !== '');
  if (!configured) {
    return undefined;
  }
  const url = proxyUrl(configured.value, configured.source);
  return { url, source: configured.source, authorization: authorizationOf(url, settings.authorization) };
}

/** A host as a URL or request writes it, an IPv6 address without its brackets. */
export function unbracketed(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}

/** One entry of a no-proxy list, read; entries that cannot be read are ignored, as curl and VS Code ignore them. */
type Bypass =
  | { readonly kind: 'every host' }
  | { readonly kind: 'domain'; readonly domain: string; readonly port: number | undefined }
  | { readonly kind: 'addresses'; readonly addresses: net.BlockList; readonly port: number | undefined };

/**
 * `*` (anywhere in the list, as VS Code reads it); a host or domain, matching itself and its subdomains,
 * with a leading `.` or `*.` and a trailing `.` ignored (VS Code's reading);
 * an IPv4 or IPv6 address or CIDR range (`10.0.0.0/8`, `::1`, `[::1]`, `fd00::/8`), matched only by a
 * target that is a literal address, as curl matches them. Each may end in `:port` (VS Code's reading),
 * an IPv6 address only inside brackets.
 */
export function bypassOf(text: string): Bypass | undefined {
  const entry = text.trim().toLowerCase();
  if (entry === '*') {
    return { kind: 'every host' };
  }
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  const [host = '', portText] = bracketed
    ? [bracketed[1], bracketed[2]]
    : entry.split(':').length > 2
      ? [entry, undefined]
      : entry.split(':');
  if (host === '' || (portText !== undefined && !/^\d+$/.test(portText))) {
    return undefined;
  }
  const port = portText === undefined ? undefined : Number(portText);
  const [address = '', bits, ...more] = host.split('/');
  const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined;
  if (family) {
    const addresses = new net.BlockList();
    try {
      if (bits === undefined) {
        addresses.addAddress(address, family);
      } else if (/^\d+$/.test(bits) && more.length === 0) {
        addresses.addSubnet(address, Number(bits), family);
      } else {
        return undefined;
      }
    } catch {
      // A prefix longer than the address (10.0.0.0/33).
      return undefined;
    }
    return { kind: 'addresses', addresses, port };
  }
  const domain = host.replace(/^\*?\./, '').replace(/\.$/, '');
  return bracketed || bits !== undefined || domain === '' || /[*:]/.test(domain) ? undefined : { kind: 'domain', domain, port };
}

function bypasses(target: Target, entries: readonly string[]): boolean {
  const hostname = target.hostname.replace(/\.$/, '');
  const family = net.isIPv4(hostname) ? 'ipv4' : net.isIPv6(hostname) ? 'ipv6' : undefined;
  return entries.some((text) => {
    const bypass = bypassOf(text);
    if (!bypass || bypass.kind === 'every host') {
      return bypass !== undefined;
    }
    if (bypass.port !== undefined && bypass.port !== target.port) {
      return false;
    }
    return bypass.kind === 'addresses'
      ? family !== undefined && bypass.addresses.check(hostname, family)
      : family === undefined && (hostname === bypass.domain || hostname.endsWith(`.${bypass.domain}`));
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
    throw new ProxySettingInvalid(
      url?.hostname
        ? l10n.t(
            'The proxy in {0} cannot be used ({1}): write it as http://host:port or https://host:port, with user:password@ before the host if the proxy asks for them.',
            source,
            shownProxy(url),
          )
        : l10n.t(
            'The proxy in {0} cannot be used (its value): write it as http://host:port or https://host:port, with user:password@ before the host if the proxy asks for them.',
            source,
          ),
    );
  }
  return url;
}

/** The proxy as it may be shown and logged: scheme, host and port, never the user name or password. */
export function shownProxy(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** How a proxy is named in messages: its address and where it was set, never its user. */
export function shownOf(proxy: Proxy): string {
  return `${shownProxy(proxy.url)} (${proxy.source})`;
}

/** A user name or password as written when it is not valid percent-encoding (`pa%ss`), as curl takes it. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The `Proxy-Authorization` header: `http.proxyAuthorization` when set, else Basic with the URL's user, if it names one. */
function authorizationOf(url: URL, setting: string | undefined): Proxy['authorization'] {
  const value = setting?.trim();
  if (value) {
    // Node's rule for a header value (a line break would start another line of the request); the tunnel writes it the same way.
    if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) {
      throw new ProxySettingInvalid(
        l10n.t(
          'http.proxyAuthorization holds a character a header cannot carry (a line break, another control character, or one beyond Latin-1): write the header value on one line, such as Basic followed by the base64 of user:password.',
        ),
      );
    }
    return { header: value, source: 'http.proxyAuthorization' };
  }
  if (!url.username && !url.password) {
    return undefined;
  }
  const credentials = `${decoded(url.username)}:${decoded(url.password)}`;
  return { header: `Basic ${Buffer.from(credentials).toString('base64')}`, source: 'url' };
}
