/**
 * Who a set of credentials belongs to, asked of STS GetCallerIdentity; and the check of pasted keys
 * before anything is saved. Loaded lazily: it pulls in the AWS SDK's STS client.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Readable } from 'node:stream';
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

/** What STS answers GetCallerIdentity, given to the warm-up's client in memory: no call leaves the host. */
const answerInMemory =
  '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::000000000000:user/warm-up</Arn><UserId>AIDAWARMUP</UserId><Account>000000000000</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>';

/**
 * Runs GetCallerIdentity once through the SDK's client, answered in memory. V8 compiles a function
 * when it is first called: without this, the first connect of an extension host took 50 ms more
 * than the next ones even with the code loaded (measured by `npm run bench`). Run by the loads ahead.
 */
export async function warmUpCallerIdentity(): Promise<void> {
  const client = new STSClient({
    region: defaultRegion,
    credentials: { accessKeyId: 'AKIAWARMUP', secretAccessKey: 'warm-up' },
    requestHandler: {
      handle: () => Promise.resolve({ response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from(answerInMemory)]) } }),
    },
  });
  try {
    await client.send(new GetCallerIdentityCommand({}));
  } finally {
    client.destroy();
  }
}
