/**
 * Shared files no tool writes but a reader must survive: a megabyte of lines without `=`, a
 * certificate pasted under a profile, thousands of copies of one key or one section, a chain of
 * thousands of roles, and single keys or values of megabytes (the sizes of issue 13). Each case
 * grows with `size` (lines, sections or characters), so a test can double it and compare; the
 * benchmark reads the same files.
 */
import type { FileRole } from '../../src/core/files/roles';
import { byRecentUse, filesOf, profileDescription } from '../../src/core/present/profileLabels';
import { sharedFile, type SharedFiles } from '../../src/core/profiles/read';
import { snapshotLogLines } from '../../src/core/validation/log';
import type { ProfileSnapshot } from '../../src/core/validation/snapshot';

export interface PathologicalCase {
  readonly name: string;
  readonly role: FileRole;
  /** Its size in issue 13 (or a size of the same order): lines, sections or characters, as `text` counts them. */
  readonly size: number;
  text(size: number): string;
}

/** `count` lines from `line(index)`, each ending with `\n`. */
function lines(count: number, line: (index: number) => string): string {
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    parts.push(line(index));
  }
  return parts.length === 0 ? '' : `${parts.join('\n')}\n`;
}

/** An index of fixed width, so that a case twice as large has lines of the same length, only twice as many. */
const numbered = (index: number): string => String(index).padStart(7, '0');

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A 64-character base64 line (no padding, so no `=`), different for each index. */
function base64Line(index: number): string {
  let line = '';
  let state = index + 1;
  for (let position = 0; position < 64; position++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    line += base64Alphabet[state >>> 26] ?? 'A';
  }
  return line;
}

export const pathologicalCases: readonly PathologicalCase[] = [
  {
    name: 'lines without = in a profile',
    role: 'credentials',
    size: 100_000,
    text: (size) => `[default]\n${lines(size, (index) => `no equals sign ${numbered(index)}`)}`,
  },
  {
    name: 'lines without = outside any section',
    role: 'config',
    size: 100_000,
    text: (size) => lines(size, (index) => `stray line ${numbered(index)}`),
  },
  {
    name: 'base64 lines under one profile',
    role: 'config',
    size: 40_000,
    text: (size) => `[profile pasted]\nregion = eu-west-1\nca_bundle =\n${lines(size, base64Line)}`,
  },
  {
    name: 'one key set again and again in one section',
    role: 'config',
    size: 50_000,
    text: (size) => `[profile again]\n${lines(size, (index) => `region = eu-west-${(index % 3) + 1}`)}`,
  },
  {
    name: 'unknown keys in one section',
    role: 'config',
    size: 50_000,
    text: (size) => `[profile unknown]\n${lines(size, (index) => `setting_${numbered(index)} = value`)}`,
  },
  {
    name: 'sections of the same name',
    role: 'config',
    size: 10_000,
    text: (size) => lines(size, (index) => `[profile same]\nregion = eu-west-1\nkey_${numbered(index)} = value`),
  },
  {
    name: '[default] and [profile default] again and again',
    role: 'config',
    size: 10_000,
    text: (size) => lines(size, (index) => (index % 2 === 0 ? '[default]\nregion = eu-west-1' : '[profile default]\noutput = json')),
  },
  {
    name: 'a chain of roles',
    role: 'config',
    size: 10_000,
    text: (size) =>
      lines(size, (index) =>
        index === size - 1
          ? `[profile p${index}]\ncredential_process = /bin/true`
          : `[profile p${index}]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = p${index + 1}`,
      ),
  },
  {
    name: 'a long secret value',
    role: 'credentials',
    size: 10_000_000,
    text: (size) => `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${'s'.repeat(size)}\n`,
  },
  {
    name: 'a long region value',
    role: 'config',
    size: 12_000_000,
    text: (size) => `[default]\nregion = ${'r'.repeat(size)}\n`,
  },
  {
    name: 'a long credential_source value',
    role: 'config',
    size: 1_000_000,
    text: (size) => `[profile source]\nrole_arn = arn:aws:iam::123456789012:role/R\ncredential_source = ${'e'.repeat(size)}\n`,
  },
  {
    name: 'a long key',
    role: 'config',
    size: 100_000,
    text: (size) => `[default]\n${'k'.repeat(size)} = value\n`,
  },
  {
    name: 'a long line without =',
    role: 'credentials',
    size: 10_000_000,
    text: (size) => `[default]\n${'x'.repeat(size)}\n`,
  },
  {
    name: 'a long section name',
    role: 'config',
    size: 1_000_000,
    text: (size) => `[${'n'.repeat(size)}é]\nregion = eu-west-1\n[profile ${'p'.repeat(size)}é]\nregion = eu-west-1\n`,
  },
  {
    name: 'a long comment',
    role: 'config',
    size: 10_000_000,
    text: (size) => `[default]\nregion = eu-west-1 # ${'c'.repeat(size)}\n`,
  },
];

/** The two files of a case: its text in the file of its role, nothing in the other. */
export function caseFiles(role: FileRole, text: string): SharedFiles {
  const read = (of: FileRole) => ({ text: of === role ? text : undefined, readError: undefined });
  return {
    config: sharedFile('config', '/aws/config', read('config')),
    credentials: sharedFile('credentials', '/aws/credentials', read('credentials')),
  };
}

/** What the extension does with a snapshot besides keeping it: the log lines, and each profile's labels and settings. */
export function showSnapshot(snapshot: ProfileSnapshot): number {
  let shown = snapshotLogLines(snapshot).length;
  for (const report of snapshot.reports) {
    shown += profileDescription(report).length + filesOf(report.profile).length + report.profile.settings.size;
  }
  return shown + byRecentUse(snapshot.reports, []).usable.length;
}
