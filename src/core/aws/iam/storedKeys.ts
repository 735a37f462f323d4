/**
 * The long-term keys a profile holds in the files, with the texts they were read from, so that an
 * edit made with them later (Rotate Access Key) is refused when either file changed in between.
 * Served by the reader's chunk (see esbuild.mjs): only it can open its snapshots.
 */
import type { FileTexts } from '../../profiles/editChecks';
import { rawSettings } from '../../profiles/model';
import { filesOf, type ProfileSnapshot } from '../../validation/snapshot';
import type { KeyCredentials } from '../clients';

export interface StoredKeys {
  readonly keys: KeyCredentials;
  readonly texts: FileTexts;
}

/** The keys of a profile with access keys (no session token), as the SDK merges the two files; undefined for any other kind. */
export function storedKeysOf(snapshot: ProfileSnapshot, name: string): StoredKeys | undefined {
  const files = filesOf(snapshot);
  const report = snapshot.reports.find((candidate) => candidate.profile.name === name);
  if (!files || report?.profile.kind !== 'staticKeys') {
    return undefined;
  }
  const settings = rawSettings(files, name);
  const accessKeyId = settings['aws_access_key_id'];
  const secretAccessKey = settings['aws_secret_access_key'];
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    return undefined;
  }
  return { keys: { accessKeyId, secretAccessKey }, texts: { config: files.config.text, credentials: files.credentials.text } };
}
