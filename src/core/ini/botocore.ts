/**
 * How the AWS CLI reads a shared file: botocore's configloader on top of Python's configparser
 * (RawConfigParser, strict), line by line. The AWS SDK for JavaScript reads the same bytes
 * differently in places (see `scan`): the validator compares the two line by line and the writer
 * checks that the CLI reads every line it writes as the SDK does. A test holds this model to the
 * real botocore.
 */
import { fileRoles, type FileRole } from '../files/roles';
import { memo, memoPer } from '../memo';
import type { IniScan } from './scan';
import { isWhiteSpace, type SectionPrefix } from './syntax';

/** Why botocore refuses a whole file (it raises ConfigParseError, and every CLI command fails). */
export type CliRefusal =
  | { readonly reason: 'byteOrderMark' }
  | { readonly reason: 'beforeHeader' }
  | { readonly reason: 'duplicateSection'; readonly first: number }
  | { readonly reason: 'duplicateKey'; readonly first: number }
  | { readonly reason: 'noDelimiter' }
  | { readonly reason: 'emptyKey' }
  | { readonly reason: 'nestedWithoutEquals'; readonly option: number };

/** What botocore makes of one line (blank lines and comment lines are nothing to it). */
export type CliLine =
  | { readonly kind: 'header'; readonly section: string; readonly refusal?: CliRefusal }
  | {
      readonly kind: 'option';
      /** The header line of the section the option is filed under. */
      readonly header: number | undefined;
      /** The key, lower-cased as botocore does. */
      readonly key: string;
      /** The value on this line, without the lines that continue it. */
      readonly ownValue: string;
      readonly refusal?: CliRefusal;
    }
  /** A line indented deeper than the option line above it: more of that option's value. */
  | { readonly kind: 'continuation'; readonly option: number; readonly refusal?: CliRefusal }
  /** A line configparser cannot read. */
  | { readonly kind: 'invalid'; readonly refusal: CliRefusal };

/** What a section is to the AWS CLI: a profile, an sso-session or services section, or the defaults of every section. */
export type CliTarget = { readonly kind: SectionPrefix; readonly name: string } | { readonly kind: 'defaults' };

/** What botocore makes of the lines of a file, which does not depend on which file it is. */
export interface CliLines {
  /** What botocore makes of each line of the scan; undefined for blank lines and comments. */
  readonly lines: readonly (CliLine | undefined)[];
  /** Lines that make botocore refuse the file, in order. */
  readonly refusals: readonly number[];
  /** The value botocore returns for the option on line `index`: the line's value and the lines that continue it. */
  valueOf(index: number): string;
  /** The lines that continue the option on line `index`. */
  continuationsOf(index: number): readonly number[];
  /** Whether botocore reads the option on line `index` as a sub-section (`s3 =` and indented `name = value` lines). */
  isNested(index: number): boolean;
  /** The names of the sections, in the order botocore keeps them (first appearance), [DEFAULT] left out. */
  readonly sections: readonly string[];
}

/** What botocore makes of a file: its lines, and what each section is to the CLI. */
export interface CliReading extends CliLines {
  /** What a section is to the CLI, by its name (the text between the brackets). */
  targetOf(section: string): CliTarget | undefined;
  /** The name of the section the CLI reads a target from: the later one when two sections name it. */
  sectionFor(target: CliTarget): string | undefined;
}

/** configparser's default section: its keys join every other section. */
export const cliDefaultSection = 'DEFAULT';

/** botocore's reading of the lines of a scanned text, built once per scan. */
export const cliLines: (scan: IniScan) => CliLines = memo((scan) => linesOf(scan));

const readings = memoPer(fileRoles, (role, scan: IniScan) => withTargets(role, cliLines(scan)));

/** The CLI's reading of a scanned file, built once per scan and role. */
export function cliReading(role: FileRole, scan: IniScan): CliReading {
  return readings(role, scan);
}

function linesOf(scan: IniScan): CliLines {
  const lines: (CliLine | undefined)[] = [];
  const refusals: number[] = [];
  /** Per option line: the values of its lines, '' for a blank line inside it. */
  const parts = new Map<number, string[]>();
  const continuations = new Map<number, number[]>();
  const sectionHeaders = new Map<string, number>();
  const sectionKeys = new Map<string, Map<string, number>>();
  /** Sections in the order botocore's dictionary keeps them (first appearance). */
  const sectionOrder: string[] = [];
  let section: string | undefined;
  let header: number | undefined;
  let option: number | undefined;
  let indentLevel = 0;

  const set = (index: number, line: CliLine): void => {
    lines[index] = line;
    if (line.refusal) {
      refusals.push(index);
    }
  };

  scan.lines.forEach(({ text: raw }, index) => {
    let text = raw;
    let byteOrderMark = false;
    if (index === 0 && text.startsWith('\uFEFF')) {
      // Python reads the BOM as a character, which is neither space nor `[`; the rest is read without it.
      text = text.slice(1);
      byteOrderMark = true;
    }
    const stripped = pyStrip(text);
    if (stripped.startsWith('#') || stripped.startsWith(';')) {
      if (byteOrderMark) {
        set(index, { kind: 'invalid', refusal: { reason: 'byteOrderMark' } });
      }
      return;
    }
    if (stripped === '') {
      if (option !== undefined) {
        parts.get(option)?.push('');
      }
      if (byteOrderMark) {
        set(index, { kind: 'invalid', refusal: { reason: 'byteOrderMark' } });
      }
      return;
    }
    const bom = byteOrderMark ? { refusal: { reason: 'byteOrderMark' } as const } : {};
    const indent = leadingSpace(text);
    if (section !== undefined && option !== undefined && indent > indentLevel) {
      parts.get(option)?.push(stripped);
      let list = continuations.get(option);
      if (!list) {
        list = [];
        continuations.set(option, list);
      }
      list.push(index);
      set(index, { kind: 'continuation', option });
      return;
    }
    indentLevel = indent;
    const name = headerName(stripped);
    if (name !== undefined) {
      option = undefined;
      if (name === cliDefaultSection) {
        section = name;
        header = index;
        set(index, { kind: 'header', section: name, ...bom });
        return;
      }
      const first = sectionHeaders.get(name);
      section = name;
      header = index;
      if (first !== undefined) {
        set(index, { kind: 'header', section: name, refusal: { reason: 'duplicateSection', first } });
        return;
      }
      sectionHeaders.set(name, index);
      sectionOrder.push(name);
      set(index, { kind: 'header', section: name, ...bom });
      return;
    }
    if (section === undefined) {
      // configparser stops at the first such line; the lines after it are read as if it were not there.
      set(index, { kind: 'invalid', refusal: byteOrderMark ? { reason: 'byteOrderMark' } : { reason: 'beforeHeader' } });
      return;
    }
    const delimiter = firstDelimiter(stripped);
    if (delimiter === -1) {
      set(index, { kind: 'invalid', refusal: byteOrderMark ? { reason: 'byteOrderMark' } : { reason: 'noDelimiter' } });
      return;
    }
    const key = pyStrip(stripped.slice(0, delimiter)).toLowerCase();
    const ownValue = pyStrip(stripped.slice(delimiter + 1));
    let keys = sectionKeys.get(section);
    if (!keys) {
      keys = new Map();
      sectionKeys.set(section, keys);
    }
    const first = keys.get(key);
    const refusal: CliRefusal | undefined = byteOrderMark
      ? { reason: 'byteOrderMark' }
      : key === ''
        ? { reason: 'emptyKey' }
        : first !== undefined
          ? { reason: 'duplicateKey', first }
          : undefined;
    if (first === undefined) {
      keys.set(key, index);
    }
    set(index, refusal ? { kind: 'option', header, key, ownValue, refusal } : { kind: 'option', header, key, ownValue });
    parts.set(index, [ownValue]);
    // An option without a name takes no continuation lines (configparser tests the name for truth).
    option = key === '' ? undefined : index;
  });

  const valueOf = (index: number): string => pyRstrip((parts.get(index) ?? []).join('\n'));
  const isNested = (index: number): boolean => valueOf(index).startsWith('\n');

  // botocore parses a value that starts on the next line as `name = value` lines, and fails on any
  // other line; a value of [DEFAULT] only when some section takes it, not having the key itself.
  const isParsed = (index: number): boolean => {
    const line = lines[index];
    if (line?.kind !== 'option' || line.header === undefined || sectionName(lines, line.header) !== cliDefaultSection) {
      return true;
    }
    return sectionOrder.some((name) => !(sectionKeys.get(name)?.has(line.key) ?? false));
  };
  for (const [index, list] of continuations) {
    if (isNested(index) && isParsed(index)) {
      for (const line of list) {
        const stripped = pyStrip(scan.lines[line]?.text ?? '');
        if (!stripped.includes('=') && !lines[line]?.refusal) {
          set(line, { kind: 'continuation', option: index, refusal: { reason: 'nestedWithoutEquals', option: index } });
        }
      }
    }
  }
  refusals.sort((a, b) => a - b);
  return {
    lines,
    refusals,
    valueOf,
    continuationsOf: (index) => continuations.get(index) ?? [],
    isNested,
    sections: sectionOrder,
  };
}

function withTargets(role: FileRole, read: CliLines): CliReading {
  const targetKey = (target: CliTarget): string => (target.kind === 'defaults' ? cliDefaultSection : `${target.kind}\u0000${target.name}`);
  const targets = new Map<string, CliTarget | undefined>();
  const targetOf = (name: string): CliTarget | undefined => {
    if (!targets.has(name)) {
      targets.set(name, sectionTarget(role, name));
    }
    return targets.get(name);
  };
  const readFrom = new Map<string, string>();
  for (const name of read.sections) {
    const target = targetOf(name);
    if (target) {
      readFrom.set(targetKey(target), name);
    }
  }
  if (read.lines.some((line) => line?.kind === 'header' && line.section === cliDefaultSection)) {
    readFrom.set(cliDefaultSection, cliDefaultSection);
  }
  return {
    ...read,
    targetOf,
    sectionFor: (target) => readFrom.get(targetKey(target)),
  };
}

/**
 * botocore's `build_profile_map` for the config file: a section whose name starts with `profile`,
 * `sso-session` or `services` and splits (as a shell would) into two words names the second,
 * `default` is the default profile, anything else is not a profile. In the credentials file every
 * section is the profile of its name.
 */
function sectionTarget(role: FileRole, name: string): CliTarget | undefined {
  if (name === cliDefaultSection) {
    return { kind: 'defaults' };
  }
  if (role === 'credentials') {
    return { kind: 'profile', name };
  }
  for (const kind of ['profile', 'sso-session', 'services'] as const) {
    if (name.startsWith(kind)) {
      const words = shellWords(name);
      return words?.length === 2 ? { kind, name: words[1] ?? '' } : undefined;
    }
  }
  return name === 'default' ? { kind: 'profile', name } : undefined;
}

function sectionName(lines: readonly (CliLine | undefined)[], header: number): string | undefined {
  const line = lines[header];
  return line?.kind === 'header' ? line.section : undefined;
}

/** configparser's section pattern `\[(.+)\]`, matched at the start of the stripped line: up to its last `]`. */
function headerName(stripped: string): string | undefined {
  if (!stripped.startsWith('[')) {
    return undefined;
  }
  const close = stripped.lastIndexOf(']');
  return close > 1 ? stripped.slice(1, close) : undefined;
}

/** configparser splits an option line at its first `=` or `:`. */
function firstDelimiter(text: string): number {
  const equals = text.indexOf('=');
  const colon = text.indexOf(':');
  return equals === -1 ? colon : colon === -1 ? equals : Math.min(equals, colon);
}

/** Python's `str.isspace`: JavaScript's white space (see isWhiteSpace) but the BOM, and also the information separators and NEL. */
function isPySpace(code: number): boolean {
  return (isWhiteSpace(code) && code !== 0xfeff) || (code >= 28 && code <= 31) || code === 0x85;
}

/** Python's `str.strip()`, which differs from `trim()` in what it calls white space. */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPySpace(text.charCodeAt(start))) {
    start++;
  }
  while (end > start && isPySpace(text.charCodeAt(end - 1))) {
    end--;
  }
  return text.slice(start, end);
}

function pyRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPySpace(text.charCodeAt(end - 1))) {
    end--;
  }
  return text.slice(0, end);
}

function leadingSpace(text: string): number {
  let index = 0;
  while (index < text.length && isPySpace(text.charCodeAt(index))) {
    index++;
  }
  return index;
}

/**
 * Python's `shlex.split` (POSIX, no comments): words split at spaces, tabs and line breaks, quotes
 * and backslashes as a shell reads them; undefined where it raises (an unclosed quote, a trailing backslash).
 */
export function shellWords(text: string): string[] | undefined {
  if (!/["'\\]/.test(text)) {
    // Nothing to unquote: the words are what lies between the white space, found natively.
    return text.split(/[ \t\r\n]+/).filter((word) => word !== '');
  }
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? '';
    if (quote === "'") {
      if (character === "'") {
        quote = undefined;
      } else {
        word += character;
      }
      continue;
    }
    if (quote === '"') {
      if (character === '"') {
        quote = undefined;
      } else if (character === '\\' && index + 1 < text.length) {
        const next = text[index + 1] ?? '';
        // Inside double quotes only a quote or a backslash can be escaped.
        word += next === '"' || next === '\\' ? next : `\\${next}`;
        index++;
      } else if (character === '\\') {
        return undefined;
      } else {
        word += character;
      }
      continue;
    }
    if (character === ' ' || character === '\t' || character === '\r' || character === '\n') {
      if (word !== undefined) {
        words.push(word);
        word = undefined;
      }
      continue;
    }
    word ??= '';
    if (character === "'" || character === '"') {
      quote = character;
    } else if (character === '\\') {
      if (index + 1 >= text.length) {
        return undefined;
      }
      word += text[index + 1] ?? '';
      index++;
    } else {
      word += character;
    }
  }
  if (quote !== undefined) {
    return undefined;
  }
  if (word !== undefined) {
    words.push(word);
  }
  return words;
}
