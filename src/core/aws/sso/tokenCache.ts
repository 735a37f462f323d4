/**
 * The IAM Identity Center token cache, shared with the AWS CLI and the AWS SDK: one JSON file per
 * sign-in in `~/.aws/sso/cache`, named by the SHA-1 of the sso-session name (or, for a legacy
 * profile, of its start URL), with the CLI's fields and date format. Written private (0600) through
 * the checked atomic writer, so a token is never readable by others, nor half written.
 */
import { promises as fs } from 'node:fs';
import { withLocks } from '../../files/lock';
import { replaceTextFile, removeFile } from '../../files/replace';
import { readTextFile } from '../../files/textFile';
import { privateFileMode, removeStaleTemporaries } from '../../files/temporary';
import { cacheFolder, tokenFile, type TokenOwner } from './cachePaths';

export interface SsoToken {
  readonly startUrl: string | undefined;
  readonly region: string | undefined;
  readonly accessToken: string;
  readonly expiresAt: Date;
  readonly refreshToken: string | undefined;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly registrationExpiresAt: Date | undefined;
}

/** A token as it was read, with the text it was read from: a rewrite keeps the fields it does not know. */
export interface CachedToken {
  readonly token: SsoToken;
  readonly file: string;
  readonly text: string;
}

/** Reads both date forms: the CLI's `2026-12-01T10:00:00Z` and the SDK's `toISOString()`. */
function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The token of a cache file's text, or undefined when it holds no usable access token. */
export function parseToken(text: string): SsoToken | undefined {
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof fields !== 'object' || fields === null) {
    return undefined;
  }
  const record = fields as Record<string, unknown>;
  const accessToken = textOf(record['accessToken']);
  const expiresAt = dateOf(record['expiresAt']);
  if (accessToken === undefined || expiresAt === undefined) {
    return undefined;
  }
  return {
    startUrl: textOf(record['startUrl']),
    region: textOf(record['region']),
    accessToken,
    expiresAt,
    refreshToken: textOf(record['refreshToken']),
    clientId: textOf(record['clientId']),
    clientSecret: textOf(record['clientSecret']),
    registrationExpiresAt: dateOf(record['registrationExpiresAt']),
  };
}

/** The CLI's form of a date: seconds, no milliseconds, `Z`. */
export function cliDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * The text of a cache file for `token`, in the CLI's field order and date form. The fields of
 * `previous` it does not set are kept; a refresh token the new token lacks is dropped, as the SDK does.
 */
export function tokenText(token: SsoToken, previous?: string): string {
  let kept: Record<string, unknown> = {};
  try {
    const parsed: unknown = previous === undefined ? {} : JSON.parse(previous);
    kept = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    // An unreadable file is replaced whole.
  }
  const fields: Record<string, string | undefined> = {
    startUrl: token.startUrl,
    region: token.region,
    accessToken: token.accessToken,
    expiresAt: cliDate(token.expiresAt),
    clientId: token.clientId,
    clientSecret: token.clientSecret,
    registrationExpiresAt: token.registrationExpiresAt && cliDate(token.registrationExpiresAt),
    refreshToken: token.refreshToken,
  };
  const merged: Record<string, unknown> = { ...fields };
  for (const [key, value] of Object.entries(kept)) {
    if (!(key in fields)) {
      merged[key] = value;
    }
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) {
      delete merged[key];
    }
  }
  return JSON.stringify(merged);
}

export async function readToken(home: string, owner: TokenOwner): Promise<CachedToken | undefined> {
  const file = tokenFile(home, owner);
  const text = await readTextFile(file).catch(() => undefined);
  const token = text === undefined ? undefined : parseToken(text);
  return token && text !== undefined ? { token, file, text } : undefined;
}

/**
 * Writes a token over the one read (`previous`; undefined: there was none), refusing when the file
 * changed since, as every edit does. A file another writer left readable by others is made private first.
 */
export async function writeToken(home: string, owner: TokenOwner, token: SsoToken, previous: CachedToken | undefined): Promise<void> {
  const file = tokenFile(home, owner);
  if (previous) {
    await fs.chmod(file, privateFileMode).catch(() => undefined);
  }
  await replaceTextFile(file, previous?.text, tokenText(token, previous?.text));
}

/** Removes a sign-in's token file, unless it changed since it was read. */
export async function removeToken(cached: CachedToken): Promise<void> {
  await removeFile(cached.file, cached.text);
}

/**
 * Stores a new sign-in's token over whatever the file held (also a file no tool can read), taking
 * turns with other windows, and removes the temporary files a killed write of the cache left.
 */
export async function storeToken(home: string, owner: TokenOwner, token: SsoToken): Promise<void> {
  const file = tokenFile(home, owner);
  await withLocks([file], async () => {
    await removeStaleTemporaries(cacheFolder(home));
    const text = await readTextFile(file).catch(() => undefined);
    if (text !== undefined) {
      await fs.chmod(file, privateFileMode).catch(() => undefined);
    }
    await replaceTextFile(file, text, tokenText(token, text));
  });
}
