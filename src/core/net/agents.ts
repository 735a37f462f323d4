/**
 * The HTTP agents every AWS client of the extension sends through: each connection goes directly
 * or through the proxy `proxyFor` picks for its host (an https:// target through a CONNECT tunnel,
 * an http:// one as a request in absolute-form), and trusts a company's CA bundle beside Node's own
 * certificates. They are `https.Agent`s, so VS Code's own proxy support in the extension host keeps
 * their CA list when it takes a request over.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import type { Environment } from '../files/paths';
import { pemCertificates } from './caBundle';
import { proxyFor, type ProxySettings } from './proxy';
import { authorityOf, connectToProxy, openTunnel } from './tunnel';

/** How a client reaches AWS: the proxy settings, the environment they fall back to, and the CAs to trust. */
export interface NetworkRoute {
  readonly proxy: ProxySettings;
  readonly env: Environment;
  /** PEM certificates of a CA bundle (see caBundle), trusted beside Node's own. */
  readonly ca?: readonly string[] | undefined;
}

export interface NetworkAgents {
  readonly httpAgent: http.Agent;
  readonly httpsAgent: https.Agent;
}

/**
 * What Node trusts without a `ca` option: its own roots, NODE_EXTRA_CA_CERTS, and the system's
 * (which VS Code adds only to connections that name no `ca`), so naming a bundle drops none of them.
 */
function trustedAlready(): string[] {
  const listed = (tls as { getCACertificates?: (kind: 'default' | 'system') => string[] }).getCACertificates;
  if (listed) {
    return [...new Set([...listed('default'), ...listed('system')])];
  }
  // Node 20 lists only its own roots; the extra file is read as Node reads it.
  const extra = process.env['NODE_EXTRA_CA_CERTS'];
  let extraText = '';
  try {
    extraText = extra ? readFileSync(extra, 'utf8') : '';
  } catch {
    extraText = '';
  }
  return [...tls.rootCertificates, ...pemCertificates(extraText)];
}

type Callback = (error: Error | null, stream: Duplex) => void;

export function networkAgents(route: NetworkRoute, connectMs: number): NetworkAgents {
  // Without a bundle, `ca` stays unset, so VS Code can still add the system's certificates.
  const ca = route.ca && route.ca.length > 0 ? [...trustedAlready(), ...route.ca] : undefined;
  const viaProxy = (options: http.ClientRequestArgs) => {
    const hostname = options.hostname ?? options.host ?? 'localhost';
    const port = Number(options.port) || (options.protocol === 'http:' ? 80 : 443);
    return { target: { hostname, port }, proxy: proxyFor({ hostname, port }, route.proxy, route.env) };
  };
  const tunnelOptions = { timeoutMs: connectMs, ca, rejectUnauthorized: route.proxy.strictSSL };

  class HttpsAgent extends https.Agent {
    override createConnection(options: https.RequestOptions, callback?: Callback): Duplex | null | undefined {
      const { target, proxy } = viaProxy(options);
      if (!proxy) {
        return super.createConnection(options, callback);
      }
      openTunnel(proxy, target, tunnelOptions).then(
        (socket) =>
          callback?.(null, tls.connect({ ...options, socket, rejectUnauthorized: route.proxy.strictSSL } as tls.ConnectionOptions)),
        (error: Error) => callback?.(error, undefined as unknown as Duplex),
      );
      return undefined;
    }
  }

  // Node's Agent has addRequest, but its types do not declare it.
  const addRequest = (http.Agent.prototype as unknown as { addRequest: (request: http.ClientRequest, options: object) => void }).addRequest;

  /** Marks the options of a request sent through a tunnel, which then pools its sockets apart from absolute-form ones. */
  const tunnelled = 'awsTunnelled';

  class HttpAgent extends http.Agent {
    /**
     * Through a proxy, a plain-HTTP request goes in absolute-form (`GET http://host:port/path`), as
     * proxies take it, not through a tunnel: many (Squid by default) allow CONNECT only to port 443.
     * Node writes the head at once of a request with Expect: 100-continue or headers given as an
     * array, before the agent could change its path, so such a request goes through a tunnel.
     */
    addRequest(request: http.ClientRequest, options: http.ClientRequestArgs): void {
      const { target, proxy } = viaProxy({ ...options, protocol: 'http:' });
      if (proxy && request.headersSent) {
        addRequest.call(this, request, { ...options, [tunnelled]: true });
        return;
      }
      if (proxy) {
        request.path = `http://${authorityOf(target)}${request.path}`;
        if (proxy.authorization) {
          request.setHeader('Proxy-Authorization', proxy.authorization.header);
        }
      }
      addRequest.call(this, request, options);
    }

    override getName(options?: http.ClientRequestArgs): string {
      return `${super.getName(options)}${options && tunnelled in options ? ':tunnel' : ''}`;
    }

    override createConnection(options: http.ClientRequestArgs, callback?: Callback): Duplex | null | undefined {
      const { target, proxy } = viaProxy({ ...options, protocol: 'http:' });
      if (!proxy) {
        return super.createConnection(options, callback);
      }
      (tunnelled in options ? openTunnel(proxy, target, tunnelOptions) : connectToProxy(proxy, tunnelOptions)).then(
        (socket) => callback?.(null, socket),
        (error: Error) => callback?.(error, undefined as unknown as Duplex),
      );
      return undefined;
    }
  }

  const pooled = { keepAlive: true, maxSockets: 50 };
  return { httpAgent: new HttpAgent(pooled), httpsAgent: new HttpsAgent({ ...pooled, ...(ca ? { ca } : {}) }) };
}
