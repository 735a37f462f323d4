/**
 * The messages between the Add a New Connection panel (extension host) and its webview
 * (media/addConnection.js), typed once for both sides. The secret access key and the session
 * token travel only from the webview to the host, never back.
 */

export const fieldNames = ['profileName', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'region'] as const;

export type FieldName = (typeof fieldNames)[number];

export interface ExistingProfile {
  readonly name: string;
  /** The files an update of its keys would change, as people write them (~/.aws/credentials). */
  readonly files: readonly string[];
}

export type IamCredentialForm = Readonly<Record<FieldName, string>>;

export type FieldErrors = Partial<Record<FieldName, string>>;

export const identityCenterFieldNames = ['startUrl', 'ssoRegion', 'sessionName'] as const;

export type IdentityCenterField = (typeof identityCenterFieldNames)[number];

export type IdentityCenterForm = Readonly<Record<IdentityCenterField, string>>;

export type IdentityCenterErrors = Partial<Record<IdentityCenterField, string>>;

/** An `[sso-session]` of the config file: a start URL typed again reuses it. */
export interface KnownSession {
  readonly name: string;
  readonly startUrl: string;
  readonly region: string | undefined;
}

/** A role the signed-in person may use, offered as a profile. */
export interface RoleChoice {
  readonly accountId: string;
  readonly accountName: string;
  readonly roleName: string;
  /** The name the template gives it, free of clashes; the person may change it. */
  readonly profileName: string;
  /** A profile that already uses this role through this session. */
  readonly existingProfile: string | undefined;
}

/** A role chosen, under the name it gets. */
export interface ChosenRole {
  readonly accountId: string;
  readonly roleName: string;
  readonly profileName: string;
}

/** How the browser step of a sign-in goes: a code to confirm, or an approval in a tab opened on this machine. */
export type SignInStep =
  | {
      readonly flow: 'deviceCode';
      readonly userCode: string;
      readonly verificationUri: string;
      readonly verificationUriComplete: string;
      /** ISO date. */
      readonly expiresAt: string;
    }
  | { readonly flow: 'authorizationCode' };

export type HostMessage =
  | {
      readonly type: 'init';
      readonly existing: readonly ExistingProfile[];
      readonly regions: readonly string[];
      readonly credentialsFile: string;
      readonly sessions: readonly KnownSession[];
    }
  | { readonly type: 'checking' }
  /** The panel was hidden: the secrets typed leave the page, as they would with it if it were not kept. */
  | { readonly type: 'hidden' }
  | { readonly type: 'rejected'; readonly errors: FieldErrors; readonly formError?: string }
  | { readonly type: 'connected'; readonly profileName: string; readonly account: string; readonly arn: string }
  /** A sign-in began (from the form, or from Sign In Again with the form filled in by the host). */
  | { readonly type: 'signingIn'; readonly form: IdentityCenterForm; readonly step: SignInStep | undefined }
  | { readonly type: 'signInRejected'; readonly errors: IdentityCenterErrors; readonly formError?: string }
  | { readonly type: 'signedIn'; readonly session: string; readonly listing: boolean }
  | { readonly type: 'roles'; readonly session: string; readonly roles: readonly RoleChoice[]; readonly region: string }
  | { readonly type: 'profilesRejected'; readonly errors: Readonly<Record<string, string>>; readonly formError?: string };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'submit'; readonly form: IamCredentialForm }
  | { readonly type: 'signIn'; readonly form: IdentityCenterForm }
  | { readonly type: 'cancelSignIn' }
  | { readonly type: 'copy'; readonly what: 'code' | 'address' }
  | { readonly type: 'addProfiles'; readonly roles: readonly ChosenRole[]; readonly region: string };

/** The key of a role in `profilesRejected`'s errors. */
export function roleKey(role: { readonly accountId: string; readonly roleName: string }): string {
  return `${role.accountId}/${role.roleName}`;
}

/** What the webview keeps across hide and show: everything but the secrets. */
export interface SavedFormState {
  readonly option: 'iamCredential' | 'identityCenter' | undefined;
  readonly profileName: string;
  readonly accessKeyId: string;
  readonly region: string;
  readonly startUrl?: string;
  readonly ssoRegion?: string;
  readonly sessionName?: string;
}

/** The host trusts nothing that arrives from the webview without this check. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as { type?: unknown; form?: unknown; roles?: unknown; region?: unknown };
  switch (message.type) {
    case 'ready':
    case 'cancelSignIn':
      return true;
    case 'copy':
      return (value as { what?: unknown }).what === 'code' || (value as { what?: unknown }).what === 'address';
    case 'submit':
      return hasStrings(message.form, fieldNames);
    case 'signIn':
      return hasStrings(message.form, identityCenterFieldNames);
    case 'addProfiles':
      return (
        typeof message.region === 'string' &&
        Array.isArray(message.roles) &&
        message.roles.every((role) => hasStrings(role, ['accountId', 'roleName', 'profileName']))
      );
    default:
      return false;
  }
}

function hasStrings(value: unknown, keys: readonly string[]): boolean {
  return typeof value === 'object' && value !== null && keys.every((key) => typeof (value as Record<string, unknown>)[key] === 'string');
}
