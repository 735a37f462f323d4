/**
 * The IAM Identity Center portal, with a signed-in access token: the accounts and roles a person
 * may use (every page), a role's temporary credentials, and signing out. Loaded lazily: it pulls
 * in the AWS SDK.
 */
import { GetRoleCredentialsCommand, LogoutCommand, paginateListAccountRoles, paginateListAccounts, SSOClient } from '@aws-sdk/client-sso';
import * as l10n from '@vscode/l10n';
import type { NetworkRoute } from '../../net/agents';
import { clientConfig, type CallLimits, type TemporaryCredentials } from '../clients';

export interface Assignment {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string | undefined;
  readonly roleName: string;
}

export interface PortalOptions {
  readonly endpointUrl?: string | undefined;
  readonly network: NetworkRoute;
  readonly limits?: CallLimits;
  /** Role listings in flight at once: 500 accounts one after another would take seconds. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
}

const defaultLimits: CallLimits = { connectMs: 10_000, requestMs: 15_000 };
const defaultConcurrency = 20;
/** The most the portal returns per page. */
const pageSize = 100;

/** Without an override the SDK applies `AWS_ENDPOINT_URL_SSO` and `AWS_ENDPOINT_URL` itself. */
function portalClient(region: string, { endpointUrl, network, limits = defaultLimits }: PortalOptions): SSOClient {
  return new SSOClient(clientConfig(region, endpointUrl || undefined, network, limits));
}

/** Every account and each of its roles, accounts in the portal's order; roles of one account together. */
export async function listAssignments(accessToken: string, region: string, options: PortalOptions): Promise<Assignment[]> {
  const client = portalClient(region, options);
  const abort = sendOptions(options);
  try {
    const accounts: { accountId: string; accountName: string; emailAddress: string | undefined }[] = [];
    for await (const page of paginateListAccounts({ client, pageSize }, { accessToken, maxResults: pageSize }, abort)) {
      for (const account of page.accountList ?? []) {
        if (account.accountId) {
          accounts.push({
            accountId: account.accountId,
            accountName: account.accountName ?? account.accountId,
            emailAddress: account.emailAddress,
          });
        }
      }
    }
    const roles = await mapConcurrently(accounts, options.concurrency ?? defaultConcurrency, async (account) => {
      const names: string[] = [];
      const pages = paginateListAccountRoles(
        { client, pageSize },
        { accessToken, accountId: account.accountId, maxResults: pageSize },
        abort,
      );
      for await (const page of pages) {
        names.push(...(page.roleList ?? []).flatMap((role) => (role.roleName ? [role.roleName] : [])));
      }
      return names;
    });
    return accounts.flatMap((account, index) => (roles[index] ?? []).map((roleName) => ({ ...account, roleName })));
  } finally {
    client.destroy();
  }
}

/** The temporary credentials of a role of an account (expiration given by the portal in milliseconds). */
export async function roleCredentials(
  accessToken: string,
  region: string,
  accountId: string,
  roleName: string,
  options: PortalOptions,
): Promise<TemporaryCredentials> {
  const client = portalClient(region, options);
  try {
    const { roleCredentials: credentials } = await client.send(
      new GetRoleCredentialsCommand({ accessToken, accountId, roleName }),
      sendOptions(options),
    );
    if (!credentials?.accessKeyId || !credentials.secretAccessKey || !credentials.sessionToken) {
      throw new Error(l10n.t('IAM Identity Center returned no credentials for this role.'));
    }
    return {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration === undefined ? undefined : new Date(credentials.expiration),
    };
  } finally {
    client.destroy();
  }
}

/** Ends the sign-in at IAM Identity Center: the access token (and its refresh token) stop working. */
export async function logout(accessToken: string, region: string, options: PortalOptions): Promise<void> {
  const client = portalClient(region, options);
  try {
    await client.send(new LogoutCommand({ accessToken }), sendOptions(options));
  } finally {
    client.destroy();
  }
}

function sendOptions({ signal }: PortalOptions): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}

/** Maps with at most `limit` calls in flight, keeping the order of `items`; the first failure stops the others from starting more. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await map(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
