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

export type HostMessage =
  | {
      readonly type: 'init';
      readonly existing: readonly ExistingProfile[];
      readonly regions: readonly string[];
      readonly credentialsFile: string;
    }
  | { readonly type: 'checking' }
  | { readonly type: 'rejected'; readonly errors: FieldErrors; readonly formError?: string }
  | { readonly type: 'connected'; readonly profileName: string; readonly account: string; readonly arn: string };

export type WebviewMessage = { readonly type: 'ready' } | { readonly type: 'submit'; readonly form: IamCredentialForm };

/** What the webview keeps across hide and show: everything but the secrets. */
export interface SavedFormState {
  readonly option: 'iamCredential' | undefined;
  readonly profileName: string;
  readonly accessKeyId: string;
  readonly region: string;
}

/** The host trusts nothing that arrives from the webview without this check. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as { type?: unknown; form?: unknown };
  if (message.type === 'ready') {
    return true;
  }
  if (message.type !== 'submit' || typeof message.form !== 'object' || message.form === null) {
    return false;
  }
  const form = message.form as Record<string, unknown>;
  return fieldNames.every((key) => typeof form[key] === 'string');
}
