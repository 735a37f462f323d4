/**
 * The AWS SDK for JavaScript's rules for the shared files, each written once: the section
 * prefixes, the characters of a name, where a comment starts, what a header is, which names make
 * the parser refuse a file, what a section defines in each file, and when a line sets a key.
 * The scan, the section index, the writer and the validator all take them from here.
 */
import type { FileRole } from '../files/roles';
import type { IniEntry, IniSection } from './scan';

export const sectionPrefixes = ['profile', 'sso-session', 'services'] as const;

/** The prefixes of `[prefix name]` headers that the SDK keeps; also what a section defines. */
export type SectionPrefix = (typeof sectionPrefixes)[number];

/** The characters the SDK accepts in the name of a `[prefix name]` header (the messages of `writable` say which). */
const sdkNameCharacter = String.raw`[\w\-@+.%:/]`;

const sdkName = new RegExp(`^${sdkNameCharacter}+$`);

/** The SDK's pattern for `[prefix name]` headers, with optional matching quotes around the name. */
const prefixedHeader = new RegExp(String.raw`^([\w-]+)\s(["'])?(${sdkNameCharacter}+)\2$`);

/** A name of the SDK's characters only: what `[profile NAME]` can hold. */
export function isSdkName(name: string): boolean {
  return sdkName.test(name);
}

/** A profile name that makes the SDK refuse the whole file (its parser throws). */
export const refusedProfileName = '__proto__';

/** Section names that make the SDK's parser throw, which turns the whole file into `{}`. */
const refusedSectionNames: readonly string[] = [refusedProfileName, `profile ${refusedProfileName}`];

export function isRefusedSectionName(rawName: string): boolean {
  return refusedSectionNames.includes(rawName);
}

/** Where the comment of a line starts (including the white space before `#`/`;`), or the line's length. */
export function commentOffset(line: string): number {
  return commentStartIn(line, 0, line.length, line.indexOf('#'), line.indexOf(';'));
}

/**
 * Where the comment of the line `text[start, end)` starts, or `end`: a `#` or `;` at the start of
 * the line or after white space starts one, even after a value, and the white space is part of
 * it. `hash` and `semicolon` are the first of each at or after `start`, or -1 (the scan finds
 * them once for many lines).
 */
export function commentStartIn(text: string, start: number, end: number, hash: number, semicolon: number): number {
  for (;;) {
    const at = hash === -1 ? semicolon : semicolon === -1 ? hash : Math.min(hash, semicolon);
    if (at === -1 || at >= end) {
      return end;
    }
    if (at === start) {
      return at;
    }
    if (isWhiteSpace(text.charCodeAt(at - 1))) {
      return at - 1;
    }
    if (at === hash) {
      hash = text.indexOf('#', at + 1);
    } else {
      semicolon = text.indexOf(';', at + 1);
    }
  }
}

/** What JavaScript's `trim()` and `\s` take for white space, which is what the SDK's parser trims and splits on. */
export function isWhiteSpace(code: number): boolean {
  if (code < 128) {
    return code === 32 || (code >= 9 && code <= 13);
  }
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A line that is only a comment (after any white space). */
export function isCommentLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && commentOffset(trimmed) === 0;
}

/** What the SDK looks at in a line: the text before any comment, trimmed (which also drops a BOM). */
export function significantText(line: string): string {
  return line.slice(0, commentOffset(line)).trim();
}

export function isSectionHeader(significant: string): boolean {
  return isSectionHeaderIn(significant, 0, significant.length);
}

/** isSectionHeader of `text[start, end)`, read in place. */
export function isSectionHeaderIn(text: string, start: number, end: number): boolean {
  return end - start > 1 && text.charCodeAt(start) === 91 && text.charCodeAt(end - 1) === 93;
}

export interface Header {
  /** The text between the brackets, as the SDK takes it (not trimmed). */
  readonly rawName: string;
  /** The prefix, when the header has the `[prefix name]` form with a prefix the SDK knows. */
  readonly prefix: SectionPrefix | undefined;
  /** The name after the prefix, or the raw name for an unprefixed header. */
  readonly name: string;
  /**
   * The key the SDK's parser files the section under (`profile.dev`, `default`, `sso-session.corp`),
   * or undefined when the SDK drops the section (an unknown prefix such as `[foo bar]`, or `[]`).
   */
  readonly sdkKey: string | undefined;
}

export function isSectionPrefix(word: string): word is SectionPrefix {
  return (sectionPrefixes as readonly string[]).includes(word);
}

/** The prefix `word` spells, as the one string of sectionPrefixes: a header's copy would be looked up anew wherever it is a key. */
function sectionPrefixOf(word: string): SectionPrefix | undefined {
  return sectionPrefixes.find((prefix) => prefix === word);
}

/** Reads a header line's significant text (see isSectionHeader) as the SDK's parser does. */
export function readHeader(significant: string): Header {
  const rawName = significant.slice(1, -1);
  // Most headers are `[profile name]`: taken without the pattern's match array.
  const space = rawName.indexOf(' ');
  if (space > 0) {
    const prefix = sectionPrefixOf(rawName.slice(0, space));
    const name = rawName.slice(space + 1);
    if (prefix !== undefined && sdkName.test(name)) {
      return { rawName, prefix, name, sdkKey: `${prefix}.${name}` };
    }
  }
  const match = prefixedHeader.exec(rawName);
  if (!match) {
    return { rawName, prefix: undefined, name: rawName, sdkKey: rawName === '' ? undefined : rawName };
  }
  const prefix = sectionPrefixOf(match[1] ?? '');
  const name = match[3] ?? '';
  if (prefix === undefined) {
    return { rawName, prefix: undefined, name: rawName, sdkKey: undefined };
  }
  return { rawName, prefix, name, sdkKey: `${prefix}.${name}` };
}

/** A `key = value` line stores a value; a `key =` line opens a sub-section and stores nothing. */
export function storesValue(entry: IniEntry): boolean {
  return !entry.opensSubSection;
}

/** A line that stores the value of `key` (`parent.name` for a line inside a sub-section). */
export function setsKey(entry: IniEntry, key: string): boolean {
  return entry.key === key && storesValue(entry);
}

/** A line that stores a value of the section itself, not of a sub-section. */
export function setsTopLevelKey(entry: IniEntry): boolean {
  return storesValue(entry) && !entry.inSubSection;
}

/** A section the SDK keeps: it stores at least one value. */
export function holdsValue(section: IniSection): boolean {
  return section.entries.some(storesValue);
}

export interface SectionTarget {
  readonly kind: SectionPrefix;
  readonly name: string;
}

/**
 * What a section defines, in the SDK's terms. In the config file only `[default]` and prefixed
 * sections count (`[profile x]`, or `[profile.x]`, which the parser files under the same key). In
 * the credentials file every section is a profile, named by the key the parser files it under:
 * `[profile x]` there is the profile `profile.x`, not `x`.
 */
export function sectionTarget(role: FileRole, section: IniSection): SectionTarget | undefined {
  const key = section.sdkKey;
  if (key === undefined) {
    return undefined;
  }
  if (role === 'credentials') {
    return { kind: 'profile', name: key };
  }
  if (isBareDefault(section)) {
    return { kind: 'profile', name: 'default' };
  }
  const parts = section.prefix === undefined ? sdkKeyParts(key) : { prefix: section.prefix, name: section.name };
  if (!parts || !isSectionPrefix(parts.prefix)) {
    return undefined;
  }
  // getConfigData assigns a profile into a plain object, where `__proto__` replaces the prototype instead.
  return parts.prefix === 'profile' && parts.name === refusedProfileName ? undefined : { kind: parts.prefix, name: parts.name };
}

/** How the SDK splits the key it files a section under: `profile.dev` into `profile` and `dev`. */
export function sdkKeyParts(key: string): { readonly prefix: string; readonly name: string } | undefined {
  const dot = key.indexOf('.');
  return dot === -1 ? undefined : { prefix: key.slice(0, dot), name: key.slice(dot + 1) };
}

/**
 * The header the AWS CLI writes for a profile: `[NAME]` in the credentials file, `[profile NAME]`
 * in the config file, `[default]` in both.
 */
export function profileHeader(role: FileRole, name: string): string {
  return role === 'credentials' || name === 'default' ? `[${name}]` : `[profile ${name}]`;
}

/**
 * In the config file, `[profile default]` replaces `[default]` whole as soon as it holds a value:
 * the SDK then reads nothing from `[default]`.
 */
export function bareDefaultIsHidden(role: FileRole, sections: readonly IniSection[]): boolean {
  return role === 'config' && sections.some((section) => isPrefixedDefault(section) && holdsValue(section));
}

/** `[profile default]` (the SDK files it under `profile.default`), as opposed to `[default]`. */
export function isPrefixedDefault(section: IniSection): boolean {
  return section.sdkKey === 'profile.default';
}

/** `[default]` itself, which `[profile default]` can hide (see bareDefaultIsHidden). */
export function isBareDefault(section: IniSection): boolean {
  return section.sdkKey === 'default';
}
