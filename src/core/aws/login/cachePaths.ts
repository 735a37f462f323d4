/**
 * Where `aws login` (AWS CLI v2.32.0 and later) keeps its sign-ins, and where the AWS SDK and the
 * CLI read them: one file per `login_session` (the signed-in identity's ARN), named by the hex
 * SHA-256 of its UTF-8 bytes, in `AWS_LOGIN_CACHE_DIRECTORY` or `~/.aws/login/cache`. Light, so the
 * token files can be watched without loading the SDK.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { homeDirectory, type Environment } from '../../files/paths';

/**
 * The folder the SDK reads, which the extension connects through: the variable as it is, even
 * empty (the CLI would also expand a `~` in it), else under the home folder.
 */
export function loginCacheFolder(env: Environment = process.env, home: string = homeDirectory(env)): string {
  return env['AWS_LOGIN_CACHE_DIRECTORY'] ?? path.join(home, '.aws', 'login', 'cache');
}

export function loginTokenFileName(session: string): string {
  return `${createHash('sha256').update(session, 'utf8').digest('hex')}.json`;
}

export function loginTokenFile(folder: string, session: string): string {
  return path.join(folder, loginTokenFileName(session));
}
