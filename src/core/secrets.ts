/**
 * What could be a secret, written once: the keys whose values are secrets, the shapes of access
 * key IDs, secret access keys and tokens, and what a message may quote. A message names keys, lines
 * and profiles freely; text it did not write itself (a value, a key or section name read from a
 * file, a name typed by the user) goes through `quoted`, `quotedValue` or `quotedKey`, and text from
 * elsewhere (what a process printed, what a server answered) through `withoutSecrets`.
 */
import * as l10n from '@vscode/l10n';

export const maskedSecret = '********';

/** Keys whose values are secrets: masked wherever settings are shown. */
export const secretKeys: ReadonlySet<string> = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);

/** Secret keys, and keys that look like them (a misspelt secret key still holds a secret). */
export function isSecretKey(key: string): boolean {
  return secretKeys.has(key) || /secret|token|password/i.test(key);
}

/**
 * Runs of the characters keys, secrets and tokens are written in (base64 and base64url), `=` only
 * as trailing padding, so `key=value` stays two runs.
 */
const runPattern = /[A-Za-z0-9+/_-]+=*/g;
/** Shorter runs are not examined: no key, secret or token is that short. */
const shortestSecret = 16;
/** A folder of a path that is a secret is a secret cut at a slash: shorter. */
const shortestFolder = 12;
const accessKeyIdInside = /(?:AKIA|ASIA)[A-Z0-9]{12,}/;
/** The words of a run: `Ec2InstanceMetadata` is Ec, 2, Instance, Metadata; random text is mostly pieces of 1 and 2. */
const piecePattern = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

/**
 * Masks anything shaped like an access key ID (AKIA..., ASIA..., or 16 or more capitals and digits),
 * a secret access key, a session or SSO token or a client secret (random mixed-case runs, or long
 * runs of letters and digits such as a digest). Words, CamelCase names, account IDs, ARNs, dates
 * and paths stay, also when one folder of a path is random (a temporary folder's suffix).
 */
export function withoutSecrets(text: string): string {
  return text.replace(runPattern, (run) => (run.length >= shortestSecret && isSecretRun(run) ? maskedSecret : run));
}

/** Whether withoutSecrets would mask something in the text. */
export function hasSecretShape(text: string): boolean {
  // Most names are short: no regular expression for them.
  if (text.length < shortestSecret) {
    return false;
  }
  for (const [run] of text.matchAll(runPattern)) {
    if (run.length >= shortestSecret && isSecretRun(run)) {
      return true;
    }
  }
  return false;
}

/** A run is masked whole when any part of it (between `_` and `-`, which base64url seldom holds) looks secret. */
function isSecretRun(run: string): boolean {
  return run.split(/[_-]+/).some((part) => part.length >= shortestSecret && isSecretShaped(part));
}

function isSecretShaped(part: string): boolean {
  if (accessKeyIdInside.test(part) || looksLikeKeyId(part) || looksLikeSecretAccessKey(part)) {
    return true;
  }
  // A path (a folder of small letters among its folders) is judged folder by folder, so that one
  // random folder (a temporary one) does not make the path a secret, but a secret folder does.
  const folders = part.split('/');
  const isPath = folders.length > 1 && folders.some((folder) => /^[a-z]{3,}$/.test(folder));
  return isPath ? folders.some((folder) => folder.length >= shortestFolder && looksRandom(folder)) : looksRandom(part);
}

/**
 * Base64 (both cases, in pieces of fewer than 3 on average over some 16 characters), or 40 or more
 * letters and digits in pieces of fewer than 5 (a long token, a digest); names and words are made
 * of longer pieces.
 */
function looksRandom(text: string): boolean {
  const upper = /[A-Z]/.test(text);
  const lower = /[a-z]/.test(text);
  const long = text.length >= 40;
  if (!(upper && lower) && !(long && /\d/.test(text))) {
    return false;
  }
  const pieces = (text.match(piecePattern) ?? []).map((piece) => piece.length);
  const alphanumerics = pieces.reduce((sum, length) => sum + length, 0);
  return (
    (long && alphanumerics < 5 * pieces.length) || (upper && lower && hasRandomStretch(pieces, Math.min(alphanumerics, shortestSecret)))
  );
}

/** Somewhere, `width` characters in a row made of pieces of fewer than 3 on average. */
function hasRandomStretch(pieces: readonly number[], width: number): boolean {
  let start = 0;
  let covered = 0;
  for (let end = 0; end < pieces.length; end++) {
    covered += pieces[end] ?? 0;
    while (covered - (pieces[start] ?? 0) >= width) {
      covered -= pieces[start] ?? 0;
      start++;
    }
    if (covered >= width && covered < 3 * (end - start + 1)) {
      return true;
    }
  }
  return false;
}

/**
 * 40 characters of base64 in both cases, with a digit or a `+` or `/`: what every secret access key
 * is. Judged whole, before the path rule below, which a key with a short run of small letters
 * between two of its slashes (`.../nszoag`) would otherwise pass as a path; a path that happens to
 * have this shape is masked, which costs a message some words and nothing else.
 */
function looksLikeSecretAccessKey(part: string): boolean {
  return part.length === 40 && /^[A-Za-z0-9+/]+$/.test(part) && /[A-Z]/.test(part) && /[a-z]/.test(part) && /[0-9+/]/.test(part);
}

/** 16 or more capitals and digits, mostly letters, with a digit: an access key ID or a one-time-password seed, not a date. */
function looksLikeKeyId(part: string): boolean {
  if (!/^[A-Z0-9]+$/.test(part) || !/\d/.test(part)) {
    return false;
  }
  return part.replace(/\d/g, '').length * 2 >= part.length;
}

/** What a message quotes verbatim: short, on one line, printable, and shaped like nothing secret. */
const longestQuoted = 64;

function mayQuote(text: string): boolean {
  // Nor a control character, nor half of a UTF-16 pair (a lone surrogate), which would garble the message.
  return text.length <= longestQuoted && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cs}/u.test(text) && !hasSecretShape(text);
}

/** What a message says in place of text it may not quote. */
function described(text: string, what: 'value' | 'name'): string {
  const one = text.length === 1;
  if (what === 'value') {
    return one
      ? l10n.t('(a value of 1 character, not shown because it may be a secret)')
      : l10n.t('(a value of {0} characters, not shown because it may be a secret)', text.length);
  }
  return one
    ? l10n.t('(a name of 1 character, not shown because it may be a secret)')
    : l10n.t('(a name of {0} characters, not shown because it may be a secret)', text.length);
}

/** A name read from a file or typed (a profile, a section, an sso-session), as a message may show it. */
export function quoted(name: string): string {
  return mayQuote(name) ? name : described(name, 'name');
}

/** The value of `key`, as a message may show it: never the value of a secret key. */
export function quotedValue(key: string, value: string): string {
  return !isSecretKey(key) && mayQuote(value) ? value : described(value, 'value');
}

/**
 * The name of a key read from a file, as a message may show it: only a plain key name (letters,
 * digits, _ - .), and none that may be part of a secret, such as the end of a token wrapped onto a
 * line of its own, which reads as a key (the caller knows: see shownKeyName in validation).
 */
export function quotedKey(key: string, mayBePartOfSecret: boolean): string {
  return !mayBePartOfSecret && mayQuote(key) && /^[A-Za-z0-9_.-]+$/.test(key) ? key : described(key, 'name');
}
