/**
 * Who a set of credentials belongs to, asked of STS GetCallerIdentity; and the check of pasted keys
 * before anything is saved. Loaded lazily: it pulls in the AWS SDK's STS client.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { IamKeys } from '../profiles/iamKeys';
import { defaultRegion } from '../profiles/regions';
import { clientConfig, sdkCredentials, type KeyCredentials } from './clients';
import { describeAwsError, type AwsProblem } from './errors';

export interface Identity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

export interface IdentityOptions {
  readonly region: string;
  /** A profile's `endpoint_url`: the SDK does not apply it by itself. */
  readonly endpointUrl?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  /** How long one attempt may take, connecting included. */
  readonly timeoutMs?: number;
}

export async function callerIdentity(credentials: KeyCredentials, options: IdentityOptions): Promise<Identity> {
  const timeout = options.timeoutMs ?? 10_000;
  const client = new STSClient({
    ...clientConfig(options.region, options.endpointUrl, { connectMs: timeout, requestMs: timeout, maxAttempts: 2 }),
    credentials: sdkCredentials(credentials),
  });
  try {
    const answer = await client.send(new GetCallerIdentityCommand({}), options.signal ? { abortSignal: options.signal } : {});
    return { account: answer.Account ?? '', arn: answer.Arn ?? '', userId: answer.UserId ?? '' };
  } finally {
    client.destroy();
  }
}

export type KeyCheck = { readonly valid: true; readonly identity: Identity } | { readonly valid: false; readonly problem: AwsProblem };

/** Asks AWS whose keys were pasted, in their region (or the default one), before they are saved. */
export async function verifyKeys(keys: IamKeys, signal?: AbortSignal): Promise<KeyCheck> {
  try {
    return { valid: true, identity: await callerIdentity(keys, { region: keys.region ?? defaultRegion, signal }) };
  } catch (error) {
    return { valid: false, problem: describeAwsError(error, { withSessionToken: keys.sessionToken !== undefined }) };
  }
}
