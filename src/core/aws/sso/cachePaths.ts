/**
 * Where the AWS CLI and the AWS SDK keep IAM Identity Center tokens: `~/.aws/sso/cache`, always
 * under the home folder, one file per sign-in named by the SHA-1 of the sso-session name (or, for a
 * legacy profile, of its start URL). Light, so the views can watch the files without the cache's writer.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';

/** Whose token a cache file holds: an `[sso-session NAME]`, or a legacy profile's start URL. */
export type TokenOwner = { readonly session: string } | { readonly legacyStartUrl: string };

export function cacheFolder(home: string): string {
  return path.join(home, '.aws', 'sso', 'cache');
}

/** The CLI and the SDK hash the raw UTF-8 bytes of the session name or the start URL. */
export function tokenFile(home: string, owner: TokenOwner): string {
  const id = 'session' in owner ? owner.session : owner.legacyStartUrl;
  return path.join(cacheFolder(home), `${createHash('sha1').update(id, 'utf8').digest('hex')}.json`);
}
