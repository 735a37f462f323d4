/**
 * Where `aws login` (AWS CLI v2.32+) keeps the token of a console sign-in: `~/.aws/login/cache`, or
 * `AWS_LOGIN_CACHE_DIRECTORY`, one file per sign-in named by the hex SHA-256 of the profile's
 * `login_session` value (the signed-in identity's ARN). Pure, so the views can share it.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Environment } from '../../files/paths';

/**
 * `AWS_LOGIN_CACHE_DIRECTORY` when set (even empty, as both readers take it), with a leading `~` expanded
 * as the AWS CLI does; the AWS SDK for JavaScript reads the variable literally, so a `~` there is a folder
 * named `~` to it.
 */
export function loginCacheFolder(env: Environment, home: string): string {
  const folder = env['AWS_LOGIN_CACHE_DIRECTORY'];
  if (folder === undefined) {
    return path.join(home, '.aws', 'login', 'cache');
  }
  if (folder === '~') {
    return home;
  }
  return folder.startsWith('~/') || folder.startsWith(`~${path.sep}`) ? path.join(home, folder.slice(2)) : folder;
}

/** `<hex SHA-256 of the UTF-8 bytes of the session>.json`, the name both the CLI and the SDK look for. */
export function loginTokenFileName(session: string): string {
  return `${createHash('sha256').update(session, 'utf8').digest('hex')}.json`;
}

export function loginTokenFile(folder: string, session: string): string {
  return path.join(folder, loginTokenFileName(session));
}
