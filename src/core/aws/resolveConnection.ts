/**
 * Resolves a profile the way the AWS SDK would: credentials from `fromIni` (keys, session tokens,
 * role chains with MFA, credential_source, credential_process, SSO), then STS GetCallerIdentity.
 * An IAM user's keys with `mfa_serial` are exchanged for an MFA session first (GetSessionToken).
 * Loaded lazily: it pulls in the AWS SDK.
 */
import { fromIni } from '@aws-sdk/credential-providers';
import { CancelledError } from '../errors';
import type { SharedFilePaths } from '../files/paths';
import type { MfaSessionRequest } from '../profiles/mfaSession';
import type { NetworkRoute } from '../net/agents';
import { clientConfig, type TemporaryCredentials } from './clients';
import { processCredentials } from './credentialProcess';
import { callerIdentity, type Identity } from './identity';
import { mfaSessionCredentials } from './sessionToken';

export interface ResolveRequest {
  readonly profile: string;
  readonly paths: SharedFilePaths;
  readonly region: string;
  /** The profile's `endpoint_url`, which the SDK does not apply by itself; used for STS too. */
  readonly endpointUrl?: string | undefined;
  /** Every call goes this way, those of the SDK's own credential providers (STS, SSO, Sign-In) too. */
  readonly network: NetworkRoute;
  /** Asked when a role or an MFA session needs an MFA code; rejects (for example when the user cancels) to stop. */
  readonly askMfaCode: (serial: string) => Promise<string>;
  /** The profile's keys are exchanged for this MFA session (see mfaSessionOf). */
  readonly mfaSession?: MfaSessionRequest | undefined;
  /** The profile's own `credential_process`, run here rather than by the SDK, to bound it in time (see credentialProcess). */
  readonly credentialProcess?: { readonly command: string; readonly timeoutMs: number } | undefined;
  /** Credentials of an earlier connect to reuse (a role session), so the user is not asked again. */
  readonly reuse?: TemporaryCredentials | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number;
}

export interface ResolvedConnection {
  readonly identity: Identity;
  readonly credentials: TemporaryCredentials;
}

export async function resolveConnection(request: ResolveRequest): Promise<ResolvedConnection> {
  const timeoutMs = request.timeoutMs ?? 15_000;
  const credentials = request.reuse ?? (await newCredentials(request, timeoutMs));
  const identity = await callerIdentity(credentials, {
    region: request.region,
    endpointUrl: request.endpointUrl,
    network: request.network,
    signal: request.signal,
    timeoutMs,
  });
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = credentials;
  return { identity, credentials: { accessKeyId, secretAccessKey, sessionToken, expiration } };
}

async function newCredentials(request: ResolveRequest, timeoutMs: number): Promise<TemporaryCredentials> {
  const { region, endpointUrl, network, signal, mfaSession, credentialProcess } = request;
  if (credentialProcess) {
    return processCredentials(request.profile, credentialProcess.command, { timeoutMs: credentialProcess.timeoutMs, signal });
  }
  const credentials = await abortable(
    fromIni({
      profile: request.profile,
      filepath: request.paths.credentials,
      configFilepath: request.paths.config,
      ignoreCache: true,
      mfaCodeProvider: request.askMfaCode,
      clientConfig: clientConfig(region, endpointUrl, network, { connectMs: timeoutMs, requestMs: timeoutMs, maxAttempts: 2 }),
    })(),
    signal,
  );
  if (!mfaSession) {
    return credentials;
  }
  const code = await request.askMfaCode(mfaSession.serial);
  return mfaSessionCredentials(credentials, mfaSession, { code, region, endpointUrl, network, signal, timeoutMs });
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) {
    return promise;
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new CancelledError());
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

// For the load ahead of a connect: this chunk is what it loads.
export { warmUpCallerIdentity } from './identity';
