/**
 * Which credentials may open the AWS Management Console, and how, in AWS's custom identity broker
 * flow: temporary credentials of a role session (a role, an IAM Identity Center role) or of a
 * federated user sign in as they are; an IAM user's long-term keys first become a federated user's
 * with STS GetFederationToken; an IAM user's session (STS GetSessionToken: an MFA session, session
 * keys) is refused by AWS's sign-in endpoint, so it is refused here, in plain words, before any call.
 */
import * as l10n from '@vscode/l10n';
import { hasExpired, type TemporaryCredentials } from '../clients';

export type ConsoleAccess =
  | { readonly kind: 'direct' }
  /** `name` is the federated user's: the IAM user's name, made valid for GetFederationToken. */
  | { readonly kind: 'federationToken'; readonly name: string }
  | { readonly kind: 'refused'; readonly message: string };

/** What `arn:PARTITION:SERVICE::ACCOUNT:RESOURCE` names, for the kinds of identity STS GetCallerIdentity reports. */
function principalKind(arn: string): 'roleSession' | 'federatedUser' | 'user' | 'root' | undefined {
  const resource = /^arn:[\w-]+:(?:iam|sts)::\d{12}:(.+)$/.exec(arn)?.[1] ?? '';
  if (resource.startsWith('assumed-role/')) {
    return 'roleSession';
  }
  if (resource.startsWith('federated-user/')) {
    return 'federatedUser';
  }
  if (resource.startsWith('user/')) {
    return 'user';
  }
  return resource === 'root' ? 'root' : undefined;
}

export function consoleAccess(arn: string, credentials: TemporaryCredentials, now: Date): ConsoleAccess {
  if (hasExpired(credentials, now)) {
    return { kind: 'refused', message: l10n.t('The credentials of the connection have expired. Connect again, then open the console.') };
  }
  const kind = principalKind(arn);
  const temporary = Boolean(credentials.sessionToken);
  if ((kind === 'roleSession' || kind === 'federatedUser') && temporary) {
    return { kind: 'direct' };
  }
  if ((kind === 'user' || kind === 'root') && !temporary) {
    return { kind: 'federationToken', name: federatedUserName(arn) };
  }
  if (kind === 'user' || kind === 'root') {
    return {
      kind: 'refused',
      message: l10n.t(
        "These are an IAM user's session credentials (from STS GetSessionToken: an MFA session, or session keys), and AWS does not let them sign in to the console. Connect with a role (a profile with role_arn, or IAM Identity Center), or with the user's long-term access keys, then open the console.",
      ),
    };
  }
  return {
    kind: 'refused',
    message: l10n.t(
      'AWS names this identity {0}, neither a role session nor an IAM user: its credentials cannot sign in to the console.',
      arn,
    ),
  };
}

/** GetFederationToken takes 2 to 32 of the characters `\w+=,.@-`; an IAM user's name may be 64 long. */
export function federatedUserName(arn: string): string {
  const last = arn.split(/[/:]/).at(-1) ?? '';
  const name = last.replace(/[^\w+=,.@-]/g, '-').slice(0, 32);
  return name.length >= 2 ? name : `${name}-console`;
}
