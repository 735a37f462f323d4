/**
 * The socket to an HTTP proxy, and a tunnel through it (`CONNECT host:port`), written on the socket
 * by hand: VS Code patches `http.request` in the extension host to route it by its own proxy rules,
 * which would send the CONNECT itself through a proxy.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import * as l10n from '@vscode/l10n';
import { KnownError } from '../errors';
import { shownOf, unbracketed, type Proxy, type Target } from './proxy';

/** The proxy could not be reached, or would not open the tunnel; the message says which and what to check. */
export class ProxyRefused extends KnownError<'proxy'> {
  readonly reason = 'proxy';
  override readonly name = 'ProxyRefused';
}

export interface TunnelOptions {
  /** How long reaching the proxy and its answer may take. */
  readonly timeoutMs: number;
  /** For an https:// proxy: its certificate is checked against these (Node's own when undefined). */
  readonly ca?: readonly string[] | undefined;
  readonly rejectUnauthorized: boolean;
}

/** What a 407 means, whether the tunnel or the answer of VS Code's own proxy support says it. */
export function proxyAuthenticationRefusal(): string {
  return l10n.t(
    'The proxy refused the request (407 Proxy Authentication Required): check the user name and password in http.proxy, written as http://user:password@host:port, or the value of http.proxyAuthorization.',
  );
}

/** The most of a proxy's answer head read before giving up on it. */
const headLimit = 16 * 1024;

/** `host:port` as a request line writes it, an IPv6 address in brackets. */
export function authorityOf(target: Target): string {
  return net.isIPv6(target.hostname) ? `[${target.hostname}]:${target.port}` : `${target.hostname}:${target.port}`;
}

/**
 * Settles once: `fail` rejects with a ProxyRefused and destroys the socket, `done` resolves; both stop
 * the timer. The error listener stays, a no-op once settled, until TLS (or the request) takes the socket over.
 */
function settling<T>(
  socket: net.Socket,
  proxy: Proxy,
  timeoutMs: number,
  resolve: (value: T) => void,
  reject: (error: Error) => void,
): { fail: (message: string) => void; done: (value: T) => void } {
  let settled = false;
  const shown = shownOf(proxy);
  const secure = proxy.url.protocol === 'https:';
  const timer = setTimeout(
    () =>
      fail(
        l10n.t(
          'The proxy {0} did not answer within {1} s: check that it is running, or the proxy setting.',
          shown,
          Math.round(timeoutMs / 1000),
        ),
      ),
    timeoutMs,
  );
  const settle = (): boolean => {
    if (settled) {
      return false;
    }
    settled = true;
    clearTimeout(timer);
    return true;
  };
  function fail(message: string): void {
    if (settle()) {
      socket.destroy();
      reject(new ProxyRefused(message));
    }
  }
  socket.on('error', (error: NodeJS.ErrnoException) => {
    const code = error.code ?? error.name;
    fail(
      secure && /CERT|SELF_SIGNED|UNABLE_TO/.test(code)
        ? l10n.t(
            "The certificate of the proxy {0} is not trusted ({1}): add its CA to the CA bundle (AWS_CA_BUNDLE or the profile's ca_bundle), or turn off http.proxyStrictSSL.",
            shown,
            code,
          )
        : l10n.t('The proxy {0} could not be reached ({1}): check the proxy setting, or that the proxy is running.', shown, code),
    );
  });
  return {
    fail,
    done: (value) => {
      if (settle()) {
        resolve(value);
      }
    },
  };
}

/** A socket connected to the proxy itself (TLS to an https:// proxy), for a request in absolute-form or a CONNECT. */
export function connectToProxy(proxy: Proxy, options: TunnelOptions): Promise<net.Socket> {
  const { url } = proxy;
  const secure = url.protocol === 'https:';
  const port = Number(url.port) || (secure ? 443 : 80);
  const host = unbracketed(url.hostname);
  return new Promise((resolve, reject) => {
    const socket = secure
      ? tls.connect({
          host,
          port,
          servername: net.isIP(host) ? undefined : host,
          ca: options.ca ? [...options.ca] : undefined,
          rejectUnauthorized: options.rejectUnauthorized,
        })
      : net.connect({ host, port });
    const { done } = settling(socket, proxy, options.timeoutMs, resolve, reject);
    socket.once(secure ? 'secureConnect' : 'connect', () => done(socket));
  });
}

/** A socket connected to `target` through the proxy, ready for TLS to the target. */
export async function openTunnel(proxy: Proxy, target: Target, options: TunnelOptions): Promise<net.Socket> {
  const started = Date.now();
  const socket = await connectToProxy(proxy, options);
  const shown = shownOf(proxy);
  const authority = authorityOf(target);
  const authorization = proxy.authorization ? `Proxy-Authorization: ${proxy.authorization.header}\r\n` : '';
  return new Promise((resolve, reject) => {
    const { fail, done } = settling(socket, proxy, Math.max(options.timeoutMs - (Date.now() - started), 1), resolve, reject);
    let head = Buffer.alloc(0);
    const notHttp = l10n.t('The proxy {0} gave an answer that is not HTTP: check that the proxy setting names an HTTP proxy.', shown);
    const onClose = (): void =>
      fail(l10n.t('The proxy {0} closed the connection before answering: check the proxy setting, or ask whoever runs the proxy.', shown));
    function onData(chunk: Buffer): void {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > headLimit) {
          fail(notHttp);
        }
        return;
      }
      const status = /^HTTP\/1\.[01] (\d{3})(?: ([^\r\n]*))?/.exec(head.subarray(0, end).toString('latin1'));
      if (!status) {
        fail(notHttp);
        return;
      }
      const code = Number(status[1]);
      if (code !== 200) {
        fail(refusal(proxy, authority, code, status[2] ?? ''));
        return;
      }
      socket.off('data', onData);
      socket.off('close', onClose);
      const rest = head.subarray(end + 4);
      if (rest.length > 0) {
        socket.unshift(rest);
      }
      done(socket);
    }
    socket.once('close', onClose);
    socket.on('data', onData);
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${authorization}\r\n`, 'latin1');
  });
}

function refusal(proxy: Proxy, authority: string, code: number, reason: string): string {
  const shown = shownOf(proxy);
  const answer = `${code}${reason ? ` ${reason}` : ''}`;
  if (code === 407) {
    switch (proxy.authorization?.source) {
      case 'http.proxyAuthorization':
        return l10n.t(
          "The proxy {0} refused the Proxy-Authorization of http.proxyAuthorization ({1}): correct that setting's value, or clear it to send the user name and password of the proxy URL.",
          shown,
          answer,
        );
      case 'url':
        return l10n.t(
          'The proxy {0} refused the user name and password of the proxy setting ({1}): correct them in the URL, http://user:password@host:port.',
          shown,
          answer,
        );
      default:
        return l10n.t(
          'The proxy {0} asks for a user name and password ({1}): give them in the URL, http://user:password@host:port.',
          shown,
          answer,
        );
    }
  }
  return l10n.t(
    'The proxy {0} would not connect to {1} ({2}): ask whoever runs it to allow AWS, or add the host to http.noProxy if it can be reached directly.',
    shown,
    authority,
    answer,
  );
}
