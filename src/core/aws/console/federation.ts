/**
 * Signing in to the AWS Management Console with a connection's credentials: for an IAM user's keys
 * a federated user's session from STS GetFederationToken first, then a sign-in token from the
 * federation endpoint, then the address that opens the console with it. Loaded lazily: it pulls in
 * the AWS SDK's STS client.
 */
import { GetFederationTokenCommand } from '@aws-sdk/client-sts';
import * as l10n from '@vscode/l10n';
import { isKnownError, KnownError } from '../../errors';
import type { NetworkRoute } from '../../net/agents';
import type { KeyCredentials, ResourceAccess } from '../clients';
import { withSts } from '../sts';
import type { ConsoleAccess } from './access';
import type { Environment } from '../../files/paths';
import { getText, type Answer } from '../../net/get';
import { proxyAuthenticationRefusal, ProxyRefused } from '../../net/tunnel';
import { federationEndpoint, loginUrl, signinTokenUrl, type ConsoleDestination } from './urls';

/** The federation endpoint answered, but with no sign-in token. */
export class SigninRefused extends KnownError<'signinRefused'> {
  readonly reason = 'signinRefused';
}

export interface ConsoleSignIn {
  /** Opens the console signed in: a credential for 15 minutes, never to be logged. */
  readonly url: string;
  /** Who the console session is: the connection's role session, or the federated user made for an IAM user. */
  readonly arn: string | undefined;
}

export interface ConsoleOptions {
  readonly env?: Environment;
  readonly signal?: AbortSignal;
  /** How long each call may take. */
  readonly timeoutMs?: number;
}

/**
 * Grants the federated user every permission the IAM user has: its permissions are the
 * intersection of the user's and this policy's, and without a policy it would have none.
 */
const allOfTheUsersPermissions = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
/** The federated user's session, and so the console's: an hour, as a role session's by default. */
const federatedSessionSeconds = 3600;

export async function consoleSignIn(
  access: ResourceAccess,
  plan: Exclude<ConsoleAccess, { kind: 'refused' }>,
  destination: ConsoleDestination,
  { env = process.env, signal, timeoutMs = 15_000 }: ConsoleOptions = {},
): Promise<ConsoleSignIn> {
  const session =
    plan.kind === 'federationToken'
      ? await federationToken(access, plan.name, { signal, timeoutMs })
      : { credentials: access.credentials, arn: undefined };
  const endpoint = federationEndpoint(destination.region, access.endpointUrl, env);
  const token = await signinToken(endpoint, session.credentials, access.network, { signal, timeoutMs });
  return { url: loginUrl(endpoint, token, destination), arn: session.arn };
}

function federationToken(
  access: ResourceAccess,
  name: string,
  { signal, timeoutMs }: { signal: AbortSignal | undefined; timeoutMs: number },
): Promise<{ credentials: KeyCredentials; arn: string | undefined }> {
  const options = { region: access.region, endpointUrl: access.endpointUrl, network: access.network, signal, timeoutMs };
  return withSts(access.credentials, options, async (client, sendOptions) => {
    const answer = await client.send(
      new GetFederationTokenCommand({ Name: name, Policy: allOfTheUsersPermissions, DurationSeconds: federatedSessionSeconds }),
      sendOptions,
    );
    const { AccessKeyId, SecretAccessKey, SessionToken } = answer.Credentials ?? {};
    if (!AccessKeyId || !SecretAccessKey || !SessionToken) {
      throw new SigninRefused(l10n.t('STS GetFederationToken gave no credentials.'));
    }
    return {
      credentials: { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken },
      arn: answer.FederatedUser?.Arn,
    };
  });
}

async function signinToken(
  endpoint: string,
  credentials: KeyCredentials,
  network: NetworkRoute,
  { signal, timeoutMs }: { signal: AbortSignal | undefined; timeoutMs: number },
): Promise<string> {
  let response: Answer;
  try {
    response = await getText(signinTokenUrl(endpoint, credentials), network, { signal, timeoutMs });
  } catch (error) {
    // A failure's message can quote the URL, which carries the credentials URL-encoded, past any masking.
    throw withoutUrl(error, endpoint);
  }
  let token: unknown;
  try {
    token = (JSON.parse(response.text) as { SigninToken?: unknown }).SigninToken;
  } catch {
    token = undefined;
  }
  if (response.status === 407) {
    // VS Code's own proxy support lets the proxy's refusal through as the answer.
    throw new ProxyRefused(proxyAuthenticationRefusal());
  }
  if (response.status !== 200 || typeof token !== 'string' || token === '') {
    throw new SigninRefused(
      l10n.t(
        "AWS's sign-in endpoint did not give a sign-in token for these credentials (HTTP {0}). They may have expired or been revoked: connect again, then open the console.",
        response.status,
      ),
    );
  }
  return token;
}

/** The failure as the callers tell it (cancelled, timed out, unreachable), with the endpoint instead of a message that may quote the URL. */
function withoutUrl(error: unknown, endpoint: string): Error {
  if (isKnownError(error, 'proxy') || isKnownError(error, 'certificate')) {
    // Said in plain words already, and never with the URL.
    return error;
  }
  const { name, code, cause } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
    cause?: unknown;
  };
  const causeCode = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  const safe = new Error(l10n.t('The sign-in endpoint {0} could not be reached.', endpoint));
  safe.name = typeof name === 'string' ? name : 'Error';
  const known = typeof code === 'string' ? code : causeCode;
  return typeof known === 'string' ? Object.assign(safe, { code: known }) : safe;
}
