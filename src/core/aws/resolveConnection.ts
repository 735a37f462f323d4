/**
 * Connects a profile the way the AWS SDK would: credentials from `fromIni` (keys, session tokens,
 * role chains with MFA, credential_source, credential_process, SSO), then STS GetCallerIdentity.
 * Loaded lazily: it pulls in the AWS SDK.
 */
import { fromIni } from '@aws-sdk/credential-providers';
import type { SharedFilePaths } from '../files/paths';
import { callerIdentity, type Identity, type KeyCredentials } from './identity';

export interface TemporaryCredentials extends KeyCredentials {
  readonly expiration?: Date | undefined;
}

export interface ConnectRequest {
  readonly profile: string;
  readonly paths: SharedFilePaths;
  readonly region: string;
  /** The profile's `endpoint_url`, which the SDK does not apply by itself; used for STS too. */
  readonly endpointUrl?: string | undefined;
  /** Asked when a role needs an MFA code; rejects (for example when the user cancels) to stop. */
  readonly askMfaCode: (serial: string) => Promise<string>;
  /** Credentials of an earlier connect to reuse (a role session), so the user is not asked again. */
  readonly reuse?: TemporaryCredentials | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number;
}

export interface Connected {
  readonly identity: Identity;
  readonly credentials: TemporaryCredentials;
}

export async function connectProfile(request: ConnectRequest): Promise<Connected> {
  const timeoutMs = request.timeoutMs ?? 15_000;
  const endpoint = request.endpointUrl ? { endpoint: request.endpointUrl } : {};
  const credentials =
    request.reuse ??
    (await abortable(
      fromIni({
        profile: request.profile,
        filepath: request.paths.credentials,
        configFilepath: request.paths.config,
        ignoreCache: true,
        mfaCodeProvider: request.askMfaCode,
        clientConfig: {
          region: request.region,
          ...endpoint,
          maxAttempts: 2,
          requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs, throwOnRequestTimeout: true },
        },
      })(),
      request.signal,
    ));
  const identity = await callerIdentity(credentials, {
    region: request.region,
    endpointUrl: request.endpointUrl,
    signal: request.signal,
    timeoutMs,
  });
  return {
    identity,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration,
    },
  };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) {
    return promise;
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(Object.assign(new Error('Cancelled.'), { name: 'AbortError' }));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
