/**
 * Hostile AWS shared files and edits for the fuzzer, drawn from a seeded generator: random bytes,
 * INI soup, huge lines, NUL, BOM, CR/CRLF/LF mixes, `__proto__` and other names every object
 * inherits, thousands of sections, names outside the SDK's characters, lone surrogates, and
 * `[profile X]` in the credentials file. A file is bytes, read back as UTF-8 the way both the SDK
 * and the extension read it (a lone surrogate or a broken sequence becomes U+FFFD).
 */
import type { ProfileEdit } from '../../src/core/profiles/edits';
import type { FileTexts, SettingChanges } from '../../src/core/profiles/editChecks';

export type Random = () => number;

export function below(random: Random, count: number): number {
  return Math.floor(random() * count);
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[below(random, items.length)];
  if (item === undefined) {
    throw new Error('pick from an empty list');
  }
  return item;
}

function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** Names the writer writes. */
const sdkNames: readonly string[] = ['default', 'dev', 'prod', 'a', 'x.y', 'user@corp', 'a:b/c%d+e', 'profile.dev', 'profile'];

/** Names for headers and edits: the SDK's characters, and everything around them. */
export const names: readonly string[] = [
  ...sdkNames,
  'sso-session.corp',
  'services.local',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__proto__',
  '__defineGetter__',
  'isPrototypeOf',
  'a b',
  'dév',
  '\uD800',
  'x\uDFFFy',
  '\uD83D\uDE00',
  'a#b',
  'a ;b',
  'a]b',
  '"dev"',
  "'dev'",
  '',
  ' dev',
  'dev ',
  '\u00A0dev',
  'dev\uFEFF',
  'd\0v',
  'caller',
];

const keys: readonly string[] = [
  'region',
  'output',
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'source_profile',
  'role_arn',
  'credential_source',
  'sso_session',
  'sso_start_url',
  'sso_region',
  'mfa_serial',
  's3',
  'max_concurrent_requests',
  '__proto__',
  'constructor',
  'toString',
  'values',
  'entries',
  'caller',
  'arguments',
  'prototype',
  'name',
  'call',
  'Region',
  'a b',
  'k\uD800',
  'k.sub',
  'ké',
];

const values: readonly string[] = [
  'us-east-1',
  'eu-west-1',
  'json',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'dev',
  'default',
  'profile.dev',
  'arn:aws:iam::123456789012:role/Dev',
  'x # c',
  'a;b',
  'a#b',
  '=',
  'a=b',
  '[x]',
  '[profile dev]',
  ' v ',
  '\uD800',
  'v\uDC00w',
  '\uFEFF',
  '\0',
  'v\r',
  '\u00A0v',
  'ü',
  '',
];

const headerForms: readonly ((name: string) => string)[] = [
  (name) => `[${name}]`,
  (name) => `[profile ${name}]`,
  (name) => `[profile ${name}]`,
  (name) => `[profile "${name}"]`,
  (name) => `[profile '${name}']`,
  (name) => `[sso-session ${name}]`,
  (name) => `[services ${name}]`,
  (name) => `[ ${name} ]`,
  (name) => `[profile  ${name}]`,
  (name) => `[profile\t${name}]`,
  (name) => `[Profile ${name}]`,
  (name) => `[foo ${name}]`,
  (name) => `[profile.${name}]`,
  (name) => `[sso-session.${name}]`,
  (name) => `[${name}] # c`,
  (name) => `[profile ${name}];c`,
  (name) => `  [${name}]  `,
  (name) => `\uFEFF[${name}]`,
  (name) => `[profile ${name}`,
  (name) => `[[${name}]]`,
];

const otherLines: readonly string[] = [
  '',
  '',
  '   ',
  '# comment',
  '; comment',
  '  # indented comment',
  '#[profile dev]',
  'no equals here',
  '=orphan',
  'key: value',
  '  continued',
  '\t',
  '\0',
  '\uFEFF',
  '\uFEFF# bom comment',
  '[',
  ']',
  '[]',
  '\u2028',
];

const lineBreaks: readonly string[] = ['\n', '\n', '\n', '\n', '\r\n', '\r\n', '\r', ''];

function someName(random: Random): string {
  return chance(random, 0.6) ? pick(random, sdkNames) : pick(random, names);
}

function someValue(random: Random): string {
  return chance(random, 0.6) ? pick(random, values.slice(0, 9)) : pick(random, values);
}

function keyLine(random: Random): string {
  const indent = pick(random, ['', '', '', ' ', '  ', '\t']);
  const before = pick(random, ['', ' ', ' ', '  ']);
  const after = pick(random, ['', ' ', ' ', '\t']);
  const comment = chance(random, 0.1) ? pick(random, [' # note', ';x', ' ;x', '#x']) : '';
  const value = chance(random, 0.1) ? '' : someValue(random);
  return `${indent}${pick(random, keys)}${before}=${after}${value}${comment}`;
}

function junk(random: Random, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) {
    text += chance(random, 0.7) ? pick(random, [...'[]=#; \t\r\nab.-"\'']) : String.fromCharCode(below(random, 0x10000));
  }
  return text;
}

function line(random: Random): string {
  const roll = random();
  if (roll < 0.22) {
    return pick(random, headerForms)(someName(random));
  }
  if (roll < 0.7) {
    return keyLine(random);
  }
  if (roll < 0.97) {
    return pick(random, otherLines);
  }
  return junk(random, below(random, 12));
}

function soup(random: Random, lineCount: number): string {
  let text = chance(random, 0.1) ? '\uFEFF' : '';
  const eol = pick(random, lineBreaks.slice(0, 6));
  for (let index = 0; index < lineCount; index++) {
    text += line(random) + (chance(random, 0.85) ? eol : pick(random, lineBreaks));
  }
  return text;
}

function hugeLine(random: Random): string {
  const size = 20_000 + below(random, 200_000);
  const body = pick(random, ['A', 'ab=', '# ', ' ', 'x;'])
    .repeat(Math.ceil(size / 3))
    .slice(0, size);
  return pick(random, [`aws_session_token = ${body}`, `# ${body}`, body, `[profile ${body}]`]);
}

function manySections(random: Random): string {
  const count = 1000 + below(random, 4000);
  const eol = pick(random, ['\n', '\r\n']);
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    parts.push(`${pick(random, ['[profile p', '[p', '[sso-session s'])}${index}]`, `region = r${index}`);
    if (chance(random, 0.01)) {
      parts.push(line(random));
    }
  }
  return parts.join(eol) + eol;
}

function randomBytes(random: Random): Buffer {
  const bytes = Buffer.alloc(below(random, 400));
  const ini = Buffer.from('[]=#; \t\r\nprofile default ');
  for (let index = 0; index < bytes.length; index++) {
    bytes[index] = chance(random, 0.5) ? (ini[below(random, ini.length)] ?? 0) : below(random, 256);
  }
  return bytes;
}

export type FileKind = 'soup' | 'bytes' | 'huge' | 'sections' | 'missing';

/** One file's bytes, or undefined for a missing file. */
function fileBytes(random: Random, kind: FileKind): Buffer | undefined {
  switch (kind) {
    case 'missing':
      return undefined;
    case 'bytes':
      return randomBytes(random);
    case 'huge':
      return Buffer.from(`${soup(random, below(random, 10))}${hugeLine(random)}\n${soup(random, below(random, 10))}`, 'utf8');
    case 'sections':
      return Buffer.from(`${soup(random, below(random, 5))}${manySections(random)}${soup(random, below(random, 5))}`, 'utf8');
    case 'soup':
      return Buffer.from(soup(random, below(random, 40)), 'utf8');
  }
}

function fileKind(random: Random): FileKind {
  const roll = random();
  return roll < 0.002 ? 'sections' : roll < 0.01 ? 'huge' : roll < 0.1 ? 'bytes' : roll < 0.15 ? 'missing' : 'soup';
}

/** The two files of one case, as the SDK and the extension read them. */
export function fuzzTexts(random: Random): FileTexts {
  const [config, credentials] = [fileBytes(random, fileKind(random)), fileBytes(random, fileKind(random))];
  return { config: config?.toString('utf8'), credentials: credentials?.toString('utf8') };
}

function changes(random: Random, allowRemoval: boolean): SettingChanges {
  const result: Record<string, string | null> = {};
  const count = 1 + below(random, 3);
  for (let index = 0; index < count; index++) {
    result[chance(random, 0.8) ? pick(random, keys.slice(0, 13)) : pick(random, keys)] =
      allowRemoval && chance(random, 0.3) ? null : someValue(random);
  }
  return result;
}

/** An edit a user could ask for: of a profile the file lists, most of the time, or of any name. */
export function fuzzEdit(random: Random, listed: readonly string[]): ProfileEdit {
  const name = (): string => (listed.length > 0 && chance(random, 0.6) ? pick(random, listed) : someName(random));
  const newName = (): string => (chance(random, 0.7) ? pick(random, sdkNames) : someName(random));
  const roll = random();
  if (roll < 0.25) {
    return { kind: 'add', name: newName(), settings: changes(random, false) as Readonly<Record<string, string>> };
  }
  if (roll < 0.65) {
    return { kind: 'change', name: name(), changes: changes(random, true) };
  }
  if (roll < 0.85) {
    return { kind: 'delete', name: name() };
  }
  return { kind: 'rename', from: name(), to: newName() };
}
