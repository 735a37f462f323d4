/** What every AWS client of the extension is built with: the credentials, the region, the endpoint, the network route and the timeouts. */
import { networkAgents, type NetworkRoute } from '../net/agents';

export interface KeyCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export interface TemporaryCredentials extends KeyCredentials {
  readonly expiration?: Date | undefined;
}

/** Whether temporary credentials have stopped working (long-term keys never expire). */
export function hasExpired({ expiration }: TemporaryCredentials, now: Date): boolean {
  return expiration !== undefined && expiration.getTime() <= now.getTime();
}

/** Where a connection's calls go, and what they are signed with; kept in memory only, never logged. */
export interface ResourceAccess {
  readonly credentials: TemporaryCredentials;
  readonly region: string;
  /** A profile's `endpoint_url`: the SDK does not apply it by itself. */
  readonly endpointUrl: string | undefined;
  readonly network: NetworkRoute;
}

export interface CallLimits {
  /** How long connecting may take. */
  readonly connectMs: number;
  /** How long one attempt may take, connecting included. */
  readonly requestMs: number;
  /** Attempts per call, retries included; the SDK's default (3) when not given. */
  readonly maxAttempts?: number;
}

/** The client options for a region and endpoint, sent along the network route, each attempt bounded in time. */
export function clientConfig(
  region: string,
  endpointUrl: string | undefined,
  network: NetworkRoute,
  { connectMs, requestMs, maxAttempts }: CallLimits,
) {
  return {
    region,
    ...(endpointUrl ? { endpoint: endpointUrl } : {}),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
    requestHandler: {
      connectionTimeout: connectMs,
      requestTimeout: requestMs,
      throwOnRequestTimeout: true,
      ...networkAgents(network, connectMs),
    },
  };
}

/** The credentials as the SDK takes them: no session token field at all when there is none. */
export function sdkCredentials({ accessKeyId, secretAccessKey, sessionToken }: KeyCredentials): {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
} {
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
