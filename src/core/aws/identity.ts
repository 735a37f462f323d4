/**
 * Who a set of credentials belongs to, asked of STS GetCallerIdentity; and the check of pasted keys
 * before anything is saved. Loaded lazily: it pulls in the AWS SDK's STS client.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { NetworkRoute } from '../net/agents';
import type { IamKeys } from '../profiles/iamKeys';
import { defaultRegion } from '../profiles/regions';
import type { KeyCredentials } from './clients';
import { describeAwsError, type AwsProblem } from './errors';
import { withSts, type StsOptions } from './sts';

export interface Identity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

export function callerIdentity(credentials: KeyCredentials, options: StsOptions): Promise<Identity> {
  return withSts(credentials, options, async (client, sendOptions) => {
    const answer = await client.send(new GetCallerIdentityCommand({}), sendOptions);
    return { account: answer.Account ?? '', arn: answer.Arn ?? '', userId: answer.UserId ?? '' };
  });
}

export type KeyCheck = { readonly valid: true; readonly identity: Identity } | { readonly valid: false; readonly problem: AwsProblem };

/** Asks AWS whose keys were pasted, in their region (or the default one), before they are saved. */
export async function verifyKeys(keys: IamKeys, network: NetworkRoute, signal?: AbortSignal): Promise<KeyCheck> {
  try {
    return { valid: true, identity: await callerIdentity(keys, { region: keys.region ?? defaultRegion, network, signal }) };
  } catch (error) {
    return { valid: false, problem: describeAwsError(error, { withSessionToken: keys.sessionToken !== undefined }) };
  }
}
