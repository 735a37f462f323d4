/**
 * A line-by-line scan of an AWS shared file that follows the AWS SDK for JavaScript's parser
 * (`parseIni` in `@smithy/core/config`) rule for rule, but keeps what the parser throws
 * away: line positions, ignored lines and dropped sections. The writer edits text through it and
 * the validator points at lines with it; a property test keeps it equal to the SDK's own result.
 * The rules it follows are in `syntax`.
 */
import { builtInSectionRejection } from './builtIns';
import { plainKey, repeatsAKey } from './cliAgreement';
import { sectionPositionAt } from './lookup';
import {
  commentOffset,
  commentStartIn,
  isRefusedSectionName,
  isSectionHeader,
  isSectionHeaderIn,
  isWhiteSpace,
  readHeader,
  type Header,
} from './syntax';

const opensSubSectionFlag = 1;
const inSubSectionFlag = 2;
const indentedFlag = 4;
const commentedFlag = 8;

/** An entry as four fields and a set of flags: a file of 10,000 profiles holds 50,000 of them. */
class Entry implements IniEntry {
  constructor(
    readonly index: number,
    readonly name: string,
    readonly key: string,
    readonly value: string,
    private readonly flags: number,
  ) {}

  get opensSubSection(): boolean {
    return (this.flags & opensSubSectionFlag) !== 0;
  }

  get inSubSection(): boolean {
    return (this.flags & inSubSectionFlag) !== 0;
  }

  get indented(): boolean {
    return (this.flags & indentedFlag) !== 0;
  }

  get commented(): boolean {
    return (this.flags & commentedFlag) !== 0;
  }

  /** The same entry `lines` further down. */
  movedBy(lines: number): Entry {
    return new Entry(this.index + lines, this.name, this.key, this.value, this.flags);
  }
}

/** Most sections have no ignored line: they share this empty list. */
const noLines: readonly number[] = Object.freeze([]);
const noEntries: readonly IniEntry[] = Object.freeze([]);

export interface IniLine {
  /** Offset of the first character of the line in the text. */
  readonly start: number;
  /** The line without its line break. */
  readonly text: string;
  /** `\n`, `\r\n`, or `` for a last line without a line break. */
  readonly eol: string;
}

export interface IniEntry {
  /** Index of the line in `IniScan.lines`. */
  readonly index: number;
  /** The key as written, trimmed. */
  readonly name: string;
  /** The key under which the SDK stores the value: `name`, or `parent.name` inside a sub-section. */
  readonly key: string;
  readonly value: string;
  /** `key =` with nothing after it: the SDK stores nothing and starts a sub-section. */
  readonly opensSubSection: boolean;
  /** An indented line that the SDK files under the open sub-section. */
  readonly inSubSection: boolean;
  /** The line starts with white space (what decides whether it joins an open sub-section). */
  readonly indented: boolean;
  /** The line has a comment after its value (the AWS CLI reads it as part of the value). */
  readonly commented: boolean;
}

export interface IniSection extends Header {
  /** Index of the header line. */
  readonly index: number;
  /** Index of the line after the section: the next header, or the number of lines. */
  readonly endIndex: number;
  readonly entries: readonly IniEntry[];
  /** Non-blank, non-comment lines the SDK ignores inside this section: no `=`, or nothing before it. */
  readonly ignoredLines: readonly number[];
  /** The header line starts with white space, or has a comment after the bracket: the AWS CLI may read it otherwise. */
  readonly unusualHeader: boolean;
  /**
   * The AWS CLI reads every entry as the scan does: none is indented, has a comment after its value,
   * opens a sub-section or repeats a key, and no key holds what botocore splits or lower-cases (see
   * cliAgreement). Worked out while scanning, when the entries are at hand.
   */
  readonly plainEntries: boolean;
}

export interface IniScan {
  /** Built from the text when first asked for: reading needs none of them, only edits do. */
  readonly lines: readonly IniLine[];
  readonly sections: readonly IniSection[];
  /** Non-blank, non-comment lines outside any section the SDK keeps. */
  readonly strayLines: readonly number[];
  /** The line break new lines should use: the file's first one, or `\n`. */
  readonly eol: '\n' | '\r\n';
  readonly hasFinalNewline: boolean;
  /** Set when the SDK's parser throws on this text, and so reads the whole file as empty. */
  readonly sdkRejection: string | undefined;
  /**
   * The text holds white space other than spaces, tabs and line breaks (a BOM, a no-break space,
   * a lone carriage return...), which Python, and so the AWS CLI, reads otherwise.
   */
  readonly unusualSpace: boolean;
}

/** What the AWS CLI's Python calls white space or a line break, beyond what the scan's rules do (see unusualSpace). */
const pythonOnlySpace = /[\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** See unusualSpace. */
function hasUnusualSpace(text: string): boolean {
  return pythonOnlySpace.test(text) || hasLoneCarriageReturn(text);
}

/** A carriage return that does not end a line: Python ends one there. Found with indexOf, faster than a regular expression here. */
function hasLoneCarriageReturn(text: string): boolean {
  for (let index = text.indexOf('\r'); index !== -1; index = text.indexOf('\r', index + 1)) {
    if (text.charCodeAt(index + 1) !== 10) {
      return true;
    }
  }
  return false;
}

export function splitLines(text: string): IniLine[] {
  const lines: IniLine[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ start, text: text.slice(start), eol: '' });
      break;
    }
    const crlf = newline > start && text.charCodeAt(newline - 1) === 13;
    lines.push({ start, text: text.slice(start, crlf ? newline - 1 : newline), eol: crlf ? '\r\n' : '\n' });
    start = newline + 1;
  }
  return lines;
}

/**
 * An edit scans the same text several times (to find the profile, the key, the place to insert);
 * the last few scans are kept, so each text is scanned once. Scans are read-only, so sharing is safe.
 */
const recentScans: { readonly text: string; readonly scan: IniScan }[] = [];
const keptScans = 4;

/** The scan of a text, kept for the next ask; `near`, a text it likely differs from by a keystroke, and its scan (see rescan). */
export function scanIni(text: string, near?: { readonly text: string | undefined; readonly scan: IniScan }): IniScan {
  // Compared with ===, which rejects texts of another length at once; a Map would hash every new
  // text whole (a megabyte for 10,000 profiles) just to look it up.
  const kept = recentScans.find((recent) => recent.text === text);
  if (kept) {
    return kept.scan;
  }
  const scan = (near?.text !== undefined ? rescan(near.text, near.scan, text) : undefined) ?? scanText(text);
  recentScans.unshift({ text, scan });
  recentScans.length = Math.min(recentScans.length, keptScans);
  return scan;
}

function scanText(text: string): IniScan {
  const sections: IniSection[] = [];
  const strayLines: number[] = [];
  let sdkRejection: string | undefined;
  let header: Header | undefined;
  let headerIndex = 0;
  let unusualHeader = false;
  let entries: Entry[] = [];
  let plainEntries = true;
  // A key given twice in the section, for sure (repeated), or maybe (unsure, see KeyNames.lastEvicts).
  let repeated = false;
  let unsure = false;
  let ignoredLines: number[] | undefined;
  let subSection: string | undefined;
  let eol: '\n' | '\r\n' | undefined;

  const close = (endIndex: number): void => {
    if (header) {
      const { rawName, prefix, name, sdkKey } = header;
      const section = {
        index: headerIndex,
        endIndex,
        rawName,
        prefix,
        name,
        sdkKey,
        // A copy of the exact length: the list grew by push, which leaves room for a dozen more.
        entries: entries.length === 0 ? noEntries : entries.slice(),
        ignoredLines: ignoredLines ?? noLines,
        unusualHeader,
        plainEntries: plainEntries && !repeated && !(unsure && repeatsAKey(entries)),
      };
      sections.push(section);
      sdkRejection ??= builtInSectionRejection(section);
    }
  };

  // Line by line through the text itself: positions, not a string per line, until a part is kept.
  let hash = text.indexOf('#');
  let semicolon = text.indexOf(';');
  let equalsSign = text.indexOf('=');
  const names = new KeyNames();
  let index = 0;
  let start = 0;
  for (; start < text.length; index++) {
    let end = text.indexOf('\n', start);
    const next = end === -1 ? text.length : end + 1;
    if (end === -1) {
      end = text.length;
    } else {
      if (end > start && text.charCodeAt(end - 1) === 13) {
        end--;
      }
      eol ??= end < next - 1 ? '\r\n' : '\n';
    }
    const lineStart = start;
    start = next;
    if (hash !== -1 && hash < lineStart) {
      hash = text.indexOf('#', lineStart);
    }
    if (semicolon !== -1 && semicolon < lineStart) {
      semicolon = text.indexOf(';', lineStart);
    }
    const comment = commentStartIn(text, lineStart, end, hash, semicolon);
    const commented = comment < end;
    let first = lineStart;
    let last = comment;
    while (first < last && isWhiteSpace(text.charCodeAt(first))) {
      first++;
    }
    while (last > first && isWhiteSpace(text.charCodeAt(last - 1))) {
      last--;
    }
    if (first === last) {
      continue;
    }
    const indented = first > lineStart;
    if (isSectionHeaderIn(text, first, last)) {
      close(index);
      header = readHeader(text.slice(first, last));
      unusualHeader = commented || indented;
      headerIndex = index;
      entries = [];
      plainEntries = true;
      repeated = false;
      unsure = false;
      ignoredLines = undefined;
      subSection = undefined;
      if (isRefusedSectionName(header.rawName)) {
        // The parser's own error, word for word, as the AWS SDK throws it.
        sdkRejection ??= `Found invalid profile name "${header.rawName}"`;
      }
      continue;
    }
    if (header?.sdkKey === undefined) {
      strayLines.push(index);
      continue;
    }
    if (equalsSign !== -1 && equalsSign < first) {
      equalsSign = text.indexOf('=', first);
    }
    const equals = equalsSign;
    if (equals === first || equals === -1 || equals >= last) {
      (ignoredLines ??= []).push(index);
      continue;
    }
    const name = names.nameAt(text, first, equals, headerIndex);
    const value = trimmedSlice(text, equals + 1, last);
    const flags = (indented ? indentedFlag : 0) | (commented ? commentedFlag : 0);
    plainEntries &&= flags === 0 && value !== '' && names.lastIsPlain;
    repeated ||= names.lastRepeats;
    unsure ||= names.lastEvicts;
    if (value === '') {
      subSection = name;
      entries.push(new Entry(index, name, name, value, flags | opensSubSectionFlag));
      continue;
    }
    if (subSection !== undefined && !indented) {
      subSection = undefined;
    }
    entries.push(
      subSection === undefined
        ? new Entry(index, name, name, value, flags)
        : new Entry(index, name, `${subSection}.${name}`, value, flags | inSubSectionFlag),
    );
  }
  close(index);

  return scanOf(text, sections, strayLines, eol ?? '\n', sdkRejection);
}

function scanOf(
  text: string,
  sections: readonly IniSection[],
  strayLines: readonly number[],
  eol: '\n' | '\r\n',
  sdkRejection: string | undefined,
  unusualSpace = hasUnusualSpace(text),
): IniScan {
  let lines: readonly IniLine[] | undefined;
  return {
    get lines() {
      return (lines ??= splitLines(text));
    },
    sections,
    strayLines,
    eol,
    hasFinalNewline: text.length === 0 || text.endsWith('\n'),
    sdkRejection,
    unusualSpace,
  };
}

/** Texts are compared this many characters at a time (each a slice, not a copy): a loop over every character of a large file costs more than the rescan saves. */
const compared = 4_096;

/** A section this long is scanned with its file: finding its lines would cost what the whole scan does. */
const rescannedLines = 1_000;

/**
 * The scan of `after`, from the scan of `before` when the two differ within one line of one
 * section, and neither version of that line is a header (a keystroke): only that section is scanned
 * again, and every other section is the same object. Undefined when the change is of another kind.
 */
export function rescan(before: string, scan: IniScan, after: string): IniScan | undefined {
  if (scan.sdkRejection !== undefined || before === after) {
    return undefined;
  }
  const prefix = commonPrefixLength(before, after);
  const suffix = commonSuffixLength(before, after, Math.min(before.length, after.length) - prefix);
  // A line break changed, or a character went between the two of a CRLF: the lines are not the same lines.
  if (/[\r\n]/.test(before.slice(prefix, before.length - suffix)) || /[\r\n]/.test(after.slice(prefix, after.length - suffix))) {
    return undefined;
  }
  if (prefix > 0 && before.charCodeAt(prefix - 1) === 13) {
    return undefined;
  }
  const lineStart = before.lastIndexOf('\n', prefix - 1) + 1;
  let line = 0;
  for (let at = before.indexOf('\n'); at !== -1 && at < lineStart; at = before.indexOf('\n', at + 1)) {
    line++;
  }
  const position = sectionPositionAt(scan, line);
  const section = scan.sections[position];
  if (
    !section ||
    section.sdkKey === undefined ||
    line <= section.index ||
    line >= section.endIndex ||
    section.endIndex - section.index > rescannedLines ||
    isHeaderLine(lineAt(before, lineStart)) ||
    isHeaderLine(lineAt(after, lineStart))
  ) {
    return undefined;
  }
  let start = lineStart;
  for (let back = line; back > section.index; back--) {
    start = after.lastIndexOf('\n', start - 2) + 1;
  }
  let end = lineStart;
  for (let ahead = line; ahead < section.endIndex && end <= after.length; ahead++) {
    const newline = after.indexOf('\n', end);
    end = newline === -1 ? after.length + 1 : newline + 1;
  }
  const again = scanText(after.slice(start, Math.min(end, after.length)));
  const [scanned] = again.sections;
  if (
    again.sections.length !== 1 ||
    again.strayLines.length > 0 ||
    !scanned ||
    scanned.rawName !== section.rawName ||
    scanned.index !== 0
  ) {
    return undefined;
  }
  const shift = section.index;
  const shifted: IniSection = {
    ...scanned,
    index: shift,
    endIndex: section.endIndex,
    entries: scanned.entries.map((entry) => (entry as Entry).movedBy(shift)),
    ignoredLines: scanned.ignoredLines.length === 0 ? noLines : scanned.ignoredLines.map((index) => index + shift),
  };
  const sections = [...scan.sections];
  sections[position] = shifted;
  // Every line break is the same, so only the characters typed can bring an unusual space; one they
  // may have removed has the whole text checked again.
  const unusualSpace = scan.unusualSpace ? hasUnusualSpace(after) : pythonOnlySpace.test(after.slice(prefix, after.length - suffix));
  return scanOf(after, sections, scan.strayLines, scan.eol, builtInSectionRejection(shifted), unusualSpace);
}

/** How many characters `a` and `b` start with alike. */
function commonPrefixLength(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let length = 0;
  while (length + compared <= shorter && a.substring(length, length + compared) === b.substring(length, length + compared)) {
    length += compared;
  }
  while (length < shorter && a.charCodeAt(length) === b.charCodeAt(length)) {
    length++;
  }
  return length;
}

/** How many characters, at most `limit`, `a` and `b` end with alike. */
function commonSuffixLength(a: string, b: string, limit: number): number {
  const end = (text: string, length: number): string => text.substring(text.length - length - compared, text.length - length);
  let length = 0;
  while (length + compared <= limit && end(a, length) === end(b, length)) {
    length += compared;
  }
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) {
    length++;
  }
  return length;
}

/** The line that starts at `start`, without its line break. */
function lineAt(text: string, start: number): string {
  const newline = text.indexOf('\n', start);
  const end = newline === -1 ? text.length : newline;
  return text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
}

function isHeaderLine(line: string): boolean {
  return isSectionHeader(line.slice(0, commentOffset(line)).trim());
}

/**
 * The key names of one scan, each kept as one string: a file names a few dozen keys thousands of
 * times. A name is found by its length and ends in a small table and compared in place, so a name
 * seen before costs neither a new string nor a hash, and the one string, once a property key of the
 * SDK's values, is looked up as fast as a literal.
 */
class KeyNames {
  readonly #seen: (string | undefined)[] = new Array<string | undefined>(64);
  readonly #plain: boolean[] = new Array<boolean>(64);
  /** The section (its header's line) each slot's name was last given in. */
  readonly #givenIn = new Int32Array(64).fill(-1);
  /** Whether the name nameAt gave last is a key botocore reads as it is (see plainKey), found once per name. */
  lastIsPlain = true;
  /** The name nameAt gave last was given before in the same section. */
  lastRepeats = false;
  /** nameAt last took the slot of a name given in the same section: a repeat of that one would go unseen. */
  lastEvicts = false;

  /**
   * `text.slice(start, end).trimEnd()` (`start` is past any white space), the same string as before
   * when it was seen before; `section` tells sections apart (see lastRepeats).
   */
  nameAt(text: string, start: number, end: number, section: number): string {
    while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) {
      end--;
    }
    const length = end - start;
    const slot = (length * 7 + text.charCodeAt(start) + text.charCodeAt(end - 1) * 3) & 63;
    const seen = this.#seen[slot];
    const sameSection = this.#givenIn[slot] === section;
    this.#givenIn[slot] = section;
    if (seen !== undefined && seen.length === length && text.startsWith(seen, start)) {
      this.lastIsPlain = this.#plain[slot] === true;
      this.lastRepeats = sameSection;
      this.lastEvicts = false;
      return seen;
    }
    const name = text.slice(start, end);
    this.#seen[slot] = name;
    this.lastIsPlain = this.#plain[slot] = plainKey(name);
    this.lastRepeats = false;
    this.lastEvicts = sameSection;
    return name;
  }
}

/** `text.slice(start, end).trim()`, without the untrimmed copy in between. */
function trimmedSlice(text: string, start: number, end: number): string {
  while (start < end && isWhiteSpace(text.charCodeAt(start))) {
    start++;
  }
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) {
    end--;
  }
  return text.slice(start, end);
}
