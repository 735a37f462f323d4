/**
 * Access keys as a person pastes them, and the edit that saves them: shared by the two ways to add
 * keys, Create Credentials Profile and Add a New Connection. The one difference between them is
 * meant: the command creates profiles, so it refuses a name that exists (see ExistingName); the
 * panel updates the keys of an existing profile and says so before Continue.
 */
import { isTemporaryAccessKeyId } from './accessKeys';
import type { ProfileEdit } from './edits';

export interface IamKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Only with a temporary key (ASIA...), which works with nothing else. */
  readonly sessionToken: string | undefined;
  readonly region: string | undefined;
}

/** What a form holds: every field as typed, a session token field that only a temporary key needs. */
export interface KeyFields {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly region: string | undefined;
}

/** The keys of a form: its session token only with a temporary key, no region for an empty one. */
export function keysFrom(fields: KeyFields): IamKeys {
  return {
    accessKeyId: fields.accessKeyId,
    secretAccessKey: fields.secretAccessKey,
    sessionToken: isTemporaryAccessKeyId(fields.accessKeyId) ? fields.sessionToken : undefined,
    region: fields.region || undefined,
  };
}

/** What a form does with the name of a profile that exists already. */
export type ExistingName = 'refuse' | 'updateKeys';

/**
 * The edit that saves keys under a profile name: a new profile, or the keys of an existing one
 * replaced, with a session token that no longer belongs removed (other lines and comments stay).
 */
export function saveKeysEdit(name: string, keys: IamKeys, exists: boolean): ProfileEdit {
  const fixed = {
    aws_access_key_id: keys.accessKeyId,
    aws_secret_access_key: keys.secretAccessKey,
    ...(keys.region ? { region: keys.region } : {}),
  };
  if (exists) {
    return { kind: 'change', name, changes: { ...fixed, aws_session_token: keys.sessionToken ?? null } };
  }
  return { kind: 'add', name, settings: keys.sessionToken === undefined ? fixed : { ...fixed, aws_session_token: keys.sessionToken } };
}
