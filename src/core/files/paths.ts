import * as os from 'node:os';
import * as path from 'node:path';
import type { FileRole } from './roles';

export type SharedFilePaths = Readonly<Record<FileRole, string>>;

export type Environment = Readonly<Record<string, string | undefined>>;

/** The home folder as the AWS SDK for JavaScript finds it: HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then the OS. */
export function homeDirectory(env: Environment = process.env): string {
  if (env['HOME']) {
    return env['HOME'];
  }
  if (env['USERPROFILE']) {
    return env['USERPROFILE'];
  }
  if (env['HOMEPATH']) {
    return `${env['HOMEDRIVE'] ?? `C:${path.sep}`}${env['HOMEPATH']}`;
  }
  return os.homedir();
}

/** Like the SDK, only a leading `~/` is expanded; `~user` and a bare `~` are taken literally. */
export function expandHome(filePath: string, env: Environment = process.env): string {
  return filePath.startsWith('~/') ? path.join(homeDirectory(env), filePath.slice(2)) : filePath;
}

/** `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` when set and not empty, else the files in `~/.aws`. */
export function sharedFilePaths(env: Environment = process.env): SharedFilePaths {
  const home = homeDirectory(env);
  return {
    config: expandHome(env['AWS_CONFIG_FILE'] || path.join(home, '.aws', 'config'), env),
    credentials: expandHome(env['AWS_SHARED_CREDENTIALS_FILE'] || path.join(home, '.aws', 'credentials'), env),
  };
}

/** A path as people write it: `~/.aws/config` rather than `/home/alice/.aws/config`. */
export function displayPath(filePath: string, env: Environment = process.env): string {
  const home = homeDirectory(env);
  return filePath.startsWith(home + path.sep) ? `~${path.sep}${filePath.slice(home.length + 1)}` : filePath;
}
