/**
 * A tunnel through an HTTP proxy (`CONNECT host:port`), written on the socket by hand: VS Code
 * patches `http.request` in the extension host to route it by its own proxy rules, which would
 * send the CONNECT itself through a proxy.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import { KnownError } from '../errors';
import { proxyAuthorization, shownProxy, type Proxy, type Target } from './proxy';

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
export const proxyAuthenticationRefused =
  'The proxy refused the request (407 Proxy Authentication Required): check the user name and password in http.proxy, written as http://user:password@host:port.';

/** The most of a proxy's answer head read before giving up on it. */
const headLimit = 16 * 1024;

/** A socket connected to `target` through the proxy, ready for TLS (or plain HTTP) to the target. */
export function openTunnel(proxy: Proxy, target: Target, options: TunnelOptions): Promise<net.Socket> {
  const { url } = proxy;
  const shown = `${shownProxy(url)} (${proxy.source})`;
  const secure = url.protocol === 'https:';
  const port = Number(url.port) || (secure ? 443 : 80);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const authority = net.isIPv6(target.hostname) ? `[${target.hostname}]:${target.port}` : `${target.hostname}:${target.port}`;
  const authorization = proxyAuthorization(url);
  const request = `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${authorization ? `Proxy-Authorization: ${authorization}\r\n` : ''}\r\n`;
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
    let head = Buffer.alloc(0);
    let settled = false;
    const timer = setTimeout(
      () =>
        fail(
          `The proxy ${shown} did not answer within ${Math.round(options.timeoutMs / 1000)} s: check that it is running, or the proxy setting.`,
        ),
      options.timeoutMs,
    );
    const settle = (): boolean => {
      if (settled) {
        return false;
      }
      settled = true;
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      return true;
    };
    function fail(message: string): void {
      if (settle()) {
        socket.destroy();
        reject(new ProxyRefused(message));
      }
    }
    const notHttp = `The proxy ${shown} gave an answer that is not HTTP: check that the proxy setting names an HTTP proxy.`;
    const onClose = (): void =>
      fail(`The proxy ${shown} closed the connection before answering: check the proxy setting, or ask whoever runs the proxy.`);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.name;
      fail(
        secure && /CERT|SELF_SIGNED|UNABLE_TO/.test(code)
          ? `The certificate of the proxy ${shown} is not trusted (${code}): add its CA to the CA bundle (AWS_CA_BUNDLE or the profile's ca_bundle), or turn off http.proxyStrictSSL.`
          : `The proxy ${shown} could not be reached (${code}): check the proxy setting, or that the proxy is running.`,
      );
    });
    socket.once('close', onClose);
    socket.once(secure ? 'secureConnect' : 'connect', () => socket.write(request));
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
        fail(refusal(shown, authority, code, status[2] ?? '', url.username !== ''));
        return;
      }
      // The error listener stays, a no-op once settled, until TLS (or the request) takes the socket over.
      settle();
      const rest = head.subarray(end + 4);
      if (rest.length > 0) {
        socket.unshift(rest);
      }
      resolve(socket);
    }
    socket.on('data', onData);
  });
}

function refusal(shown: string, authority: string, code: number, reason: string, withUser: boolean): string {
  const answer = `${code}${reason ? ` ${reason}` : ''}`;
  if (code === 407) {
    return withUser
      ? `The proxy ${shown} refused the user name and password of the proxy setting (${answer}): correct them in the URL, http://user:password@host:port.`
      : `The proxy ${shown} asks for a user name and password (${answer}): give them in the URL, http://user:password@host:port.`;
  }
  return `The proxy ${shown} would not connect to ${authority} (${answer}): ask whoever runs it to allow AWS, or add the host to http.noProxy if it can be reached directly.`;
}
