/**
 * The messages between the Add a New Connection panel (extension host) and its webview
 * (media/addConnection.js), typed once for both sides. The secret access key travels only from the
 * webview to the host, never back.
 */

export type FieldName = 'profileName' | 'accessKeyId' | 'secretAccessKey' | 'region';

export interface ExistingProfile {
  readonly name: string;
  /** The files an update of its keys would change, as people write them (~/.aws/credentials). */
  readonly files: readonly string[];
}

export interface IamCredentialForm {
  readonly profileName: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** '' for no default region. */
  readonly region: string;
}

export type HostMessage =
  | {
      readonly type: 'init';
      readonly existing: readonly ExistingProfile[];
      readonly regions: readonly string[];
      readonly credentialsFile: string;
    }
  | { readonly type: 'checking' }
  | { readonly type: 'rejected'; readonly errors: Partial<Record<FieldName, string>>; readonly formError?: string }
  | { readonly type: 'connected'; readonly profileName: string; readonly account: string; readonly arn: string };

export type WebviewMessage = { readonly type: 'ready' } | { readonly type: 'submit'; readonly form: IamCredentialForm };

/** What the webview keeps across hide and show: everything but the secret. */
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
  return ['profileName', 'accessKeyId', 'secretAccessKey', 'region'].every((key) => typeof form[key] === 'string');
}
