/**
 * Access keys as a person pastes them, and the edit that saves them: shared by the two ways to add
 * keys, Create Credentials Profile and Add a New Connection. They differ only where it is meant,
 * and each difference is named in `KeyForm`.
 */
import * as l10n from '@vscode/l10n';
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

/** Where the two forms differ, on purpose. */
export interface KeyForm {
  /** The command creates profiles, so it refuses a name that exists; the panel updates that profile's keys, and says so first. */
  readonly existingName: 'refuse' | 'updateKeys';
  /**
   * When AWS cannot say whether the keys work (no network, throttled): the command offers to save
   * them anyway; the panel's Continue promises a working connection, so it refuses.
   */
  readonly whenAwsCannotAnswer: 'offerToSave' | 'refuse';
}

export const createCredentialsProfileForm: KeyForm = { existingName: 'refuse', whenAwsCannotAnswer: 'offerToSave' };
export const addConnectionForm: KeyForm = { existingName: 'updateKeys', whenAwsCannotAnswer: 'refuse' };

/** Why a form refuses the name of a profile that exists, or undefined. */
export function existingNameProblem(form: KeyForm, name: string, exists: boolean): string | undefined {
  return exists && form.existingName === 'refuse' ? l10n.t('A profile named {0} already exists: choose another name.', name) : undefined;
}

/**
 * The edit that saves keys under a profile name: a new profile, or (when the form updates an
 * existing one) its keys replaced, with a session token that no longer belongs removed; other lines
 * and comments stay.
 */
export function saveKeysEdit(form: KeyForm, name: string, keys: IamKeys, exists: boolean): ProfileEdit {
  const fixed = {
    aws_access_key_id: keys.accessKeyId,
    aws_secret_access_key: keys.secretAccessKey,
    ...(keys.region ? { region: keys.region } : {}),
  };
  if (exists && form.existingName === 'updateKeys') {
    return { kind: 'change', name, changes: { ...fixed, aws_session_token: keys.sessionToken ?? null } };
  }
  return { kind: 'add', name, settings: keys.sessionToken === undefined ? fixed : { ...fixed, aws_session_token: keys.sessionToken } };
}
