/**
 * Signing in to IAM Identity Center through its OIDC service, as the AWS CLI does: register a
 * public client, then the device code flow (a code the person confirms in any browser) or the
 * authorization code flow with PKCE (a browser on this machine redirects to a loopback listener);
 * and the refresh token grant that keeps a sign-in alive. Loaded lazily: it pulls in the AWS SDK.
 */
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
  type CreateTokenCommandOutput,
} from '@aws-sdk/client-sso-oidc';
import * as l10n from '@vscode/l10n';
import { CancelledError } from '../../errors';
import type { Environment } from '../../files/paths';
import type { NetworkRoute } from '../../net/agents';
import { clientConfig, type CallLimits } from '../clients';
import { awaitRedirect, loopbackRedirectUri } from './loopback';
import { codeChallenge, codeVerifier, newState } from './pkce';
import type { SsoToken } from './tokenCache';
import { refreshedToken } from './tokenLifetime';

export interface IdentityCenter {
  readonly startUrl: string;
  /** The region of the Identity Center instance (`sso_region`). */
  readonly region: string;
  readonly scopes: readonly string[];
}

export type SignInFlow = 'deviceCode' | 'authorizationCode';

export interface DeviceCode {
  readonly userCode: string;
  readonly verificationUri: string;
  /** The address with the code filled in. */
  readonly verificationUriComplete: string;
  readonly expiresAt: Date;
}

/** What a sign-in shows the person, and how it is cancelled. */
export interface SignInHooks {
  /** The device code flow: show the code and where to enter it (and open it). */
  readonly showDeviceCode: (code: DeviceCode) => void;
  /** The authorization code flow: open the address in the person's browser. */
  readonly openBrowser: (url: string) => Promise<void>;
  readonly signal: AbortSignal;
}

export interface OidcOptions {
  /** An endpoint override (a profile's `endpoint_url`); otherwise the environment's, then AWS's. */
  readonly endpointUrl?: string | undefined;
  readonly network: NetworkRoute;
  readonly env?: Environment;
  readonly limits?: CallLimits;
  /** When an authorization code redirect stops being awaited. */
  readonly redirectTimeoutMs?: number;
  readonly signal?: AbortSignal;
}

const defaultLimits: CallLimits = { connectMs: 10_000, requestMs: 15_000 };
const clientName = 'aws-credential-manager';
/** The flows poll as the protocol says: every `interval` seconds, 5 more after each SlowDownException. */
const slowDownSeconds = 5;

/** The endpoint calls go to, with the SDK's order of overrides: the profile's, the service's variable, the global one. */
function oidcEndpoint({ endpointUrl, env = process.env }: OidcOptions): string | undefined {
  return endpointUrl || env['AWS_ENDPOINT_URL_SSO_OIDC'] || env['AWS_ENDPOINT_URL'] || undefined;
}

function oidcClient(region: string, options: OidcOptions): SSOOIDCClient {
  return new SSOOIDCClient(clientConfig(region, oidcEndpoint(options), options.network, options.limits ?? defaultLimits));
}

/** Signs in with the flow given; the token holds the registration, so it can be refreshed as the CLI does. */
export async function signIn(center: IdentityCenter, flow: SignInFlow, hooks: SignInHooks, options: OidcOptions): Promise<SsoToken> {
  const client = oidcClient(center.region, options);
  try {
    return flow === 'deviceCode'
      ? await deviceCodeSignIn(client, center, hooks)
      : await authorizationCodeSignIn(client, center, hooks, options);
  } finally {
    client.destroy();
  }
}

interface Registration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly expiresAt: Date | undefined;
}

async function register(client: SSOOIDCClient, center: IdentityCenter, flow: SignInFlow, signal: AbortSignal): Promise<Registration> {
  const answer = await client.send(
    new RegisterClientCommand({
      clientName,
      clientType: 'public',
      scopes: [...center.scopes],
      ...(flow === 'authorizationCode'
        ? { grantTypes: ['authorization_code', 'refresh_token'], redirectUris: [loopbackRedirectUri()], issuerUrl: center.startUrl }
        : {}),
    }),
    { abortSignal: signal },
  );
  if (!answer.clientId || !answer.clientSecret) {
    throw new Error(l10n.t('IAM Identity Center registered no client.'));
  }
  return {
    clientId: answer.clientId,
    clientSecret: answer.clientSecret,
    expiresAt: answer.clientSecretExpiresAt ? new Date(answer.clientSecretExpiresAt * 1000) : undefined,
  };
}

async function deviceCodeSignIn(client: SSOOIDCClient, center: IdentityCenter, { showDeviceCode, signal }: SignInHooks): Promise<SsoToken> {
  const registration = await register(client, center, 'deviceCode', signal);
  const { clientId, clientSecret } = registration;
  const started = Date.now();
  const authorization = await client.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: center.startUrl }), {
    abortSignal: signal,
  });
  const { deviceCode, userCode, verificationUri, verificationUriComplete } = authorization;
  if (!deviceCode || !userCode || !verificationUri) {
    throw new Error(l10n.t('IAM Identity Center gave no device code.'));
  }
  const expiresAt = new Date(started + (authorization.expiresIn ?? 600) * 1000);
  showDeviceCode({ userCode, verificationUri, verificationUriComplete: verificationUriComplete ?? verificationUri, expiresAt });
  let intervalSeconds = authorization.interval ?? 5;
  for (;;) {
    await delay(intervalSeconds * 1000, signal);
    if (Date.now() >= expiresAt.getTime()) {
      throw Object.assign(new Error(l10n.t('The device code expired before the sign-in was approved.')), { name: 'ExpiredTokenException' });
    }
    try {
      const answer = await client.send(
        new CreateTokenCommand({ clientId, clientSecret, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode }),
        { abortSignal: signal },
      );
      return tokenOf(center, registration, answer);
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === 'SlowDownException') {
        intervalSeconds += slowDownSeconds;
      } else if (name !== 'AuthorizationPendingException') {
        throw error;
      }
    }
  }
}

async function authorizationCodeSignIn(
  client: SSOOIDCClient,
  center: IdentityCenter,
  { openBrowser, signal }: SignInHooks,
  options: OidcOptions,
): Promise<SsoToken> {
  const registration = await register(client, center, 'authorizationCode', signal);
  const verifier = codeVerifier();
  const state = newState();
  const endpoint = oidcEndpoint(options) ?? defaultEndpoint(client, center.region);
  const { code, redirectUri } = await awaitRedirect(state, signal, options.redirectTimeoutMs, (redirect) => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: registration.clientId,
      redirect_uri: redirect,
      state,
      code_challenge_method: 'S256',
      scopes: center.scopes.join(' '),
      code_challenge: codeChallenge(verifier),
    });
    return openBrowser(`${endpoint.replace(/\/+$/, '')}/authorize?${query.toString()}`);
  });
  const answer = await client.send(
    new CreateTokenCommand({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      grantType: 'authorization_code',
      code,
      redirectUri,
      codeVerifier: verifier,
    }),
    { abortSignal: signal },
  );
  return tokenOf(center, registration, answer);
}

/** AWS's own endpoint for the region, from the SDK's endpoint rules (so other partitions are right too). */
function defaultEndpoint(client: SSOOIDCClient, region: string): string {
  return client.config.endpointProvider({ Region: region, UseFIPS: false, UseDualStack: false }).url.href;
}

function tokenOf(center: IdentityCenter, registration: Registration, answer: CreateTokenCommandOutput): SsoToken {
  if (!answer.accessToken) {
    throw new Error(l10n.t('IAM Identity Center gave no access token.'));
  }
  return {
    startUrl: center.startUrl,
    region: center.region,
    accessToken: answer.accessToken,
    expiresAt: new Date(Date.now() + (answer.expiresIn ?? 0) * 1000),
    refreshToken: answer.refreshToken || undefined,
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
  };
}

/** A new access token from the refresh token (see tokenLifetime for when), against the token's region. */
export async function refreshAccessToken(token: SsoToken, region: string, options: OidcOptions): Promise<SsoToken> {
  const { clientId, clientSecret, refreshToken } = token;
  if (!clientId || !clientSecret || !refreshToken) {
    throw new Error(l10n.t('This sign-in cannot be refreshed: it has no refresh token or client registration.'));
  }
  const client = oidcClient(region, options);
  try {
    const now = new Date();
    const answer = await client.send(
      new CreateTokenCommand({ clientId, clientSecret, grantType: 'refresh_token', refreshToken }),
      options.signal ? { abortSignal: options.signal } : {},
    );
    if (!answer.accessToken) {
      throw new Error(l10n.t('IAM Identity Center gave no access token.'));
    }
    return refreshedToken(
      token,
      { accessToken: answer.accessToken, expiresInSeconds: answer.expiresIn ?? 0, refreshToken: answer.refreshToken || undefined },
      now,
    );
  } finally {
    client.destroy();
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new CancelledError());
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
