/**
 * The IAM calls on the caller's own access keys: create, list, delete, deactivate. IAM is a global
 * service signed for us-east-1; a profile's `endpoint_url` (or AWS_ENDPOINT_URL, which the SDK reads
 * itself) is honoured as for every other client. Loaded lazily: it pulls in the AWS SDK's IAM client.
 */
import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  IAMClient,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import * as l10n from '@vscode/l10n';
import type { NetworkRoute } from '../../net/agents';
import { clientConfig, sdkCredentials, type KeyCredentials } from '../clients';
import type { AccessKeyInfo, NewAccessKey } from './rotation';

export interface IamAccess {
  readonly credentials: KeyCredentials;
  readonly endpointUrl: string | undefined;
  readonly network: NetworkRoute;
  /** How long one attempt may take, connecting included. */
  readonly timeoutMs?: number;
}

/** The region IAM's requests are signed for in the aws partition. */
export const iamSigningRegion = 'us-east-1';

async function withClient<T>(access: IamAccess, call: (client: IAMClient) => Promise<T>): Promise<T> {
  const timeout = access.timeoutMs ?? 10_000;
  const client = new IAMClient({
    ...clientConfig(iamSigningRegion, access.endpointUrl, access.network, { connectMs: timeout, requestMs: timeout, maxAttempts: 2 }),
    credentials: sdkCredentials(access.credentials),
  });
  try {
    return await call(client);
  } finally {
    client.destroy();
  }
}

/** A new key for the caller's own user (no UserName: IAM takes the signer's). */
export function createAccessKey(access: IamAccess): Promise<NewAccessKey> {
  return withClient(access, async (client) => {
    const { AccessKey: key } = await client.send(new CreateAccessKeyCommand({}));
    if (!key?.AccessKeyId || !key.SecretAccessKey) {
      throw new Error(l10n.t('IAM answered CreateAccessKey without the new key.'));
    }
    return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey, userName: key.UserName };
  });
}

/** The caller's own keys (a user has two at most, so one page). */
export function listAccessKeys(access: IamAccess): Promise<AccessKeyInfo[]> {
  return withClient(access, async (client) => {
    const { AccessKeyMetadata: keys = [] } = await client.send(new ListAccessKeysCommand({}));
    return keys.map((key) => ({
      accessKeyId: key.AccessKeyId ?? '',
      userName: key.UserName,
      status: key.Status,
      createDate: key.CreateDate,
    }));
  });
}

export function deleteAccessKey(access: IamAccess, accessKeyId: string): Promise<void> {
  return withClient(access, async (client) => {
    await client.send(new DeleteAccessKeyCommand({ AccessKeyId: accessKeyId }));
  });
}

export function deactivateAccessKey(access: IamAccess, accessKeyId: string): Promise<void> {
  return withClient(access, async (client) => {
    await client.send(new UpdateAccessKeyCommand({ AccessKeyId: accessKeyId, Status: 'Inactive' }));
  });
}
