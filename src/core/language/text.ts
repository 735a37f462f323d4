/**
 * Places in a document as editors count them (0-based lines, UTF-16 columns, ends exclusive), the
 * parts of a line the editor features point at, and the smallest edit between two texts.
 */
import { splitLines, type IniScan } from '../ini/scan';
import { commentOffset } from '../ini/syntax';
import type { LinePart } from '../profiles/model';

export type { LinePart } from '../profiles/model';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** White space as `trim()` takes it: ASCII first, as nearly every character of these files is. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && String.fromCharCode(code).trim() === '');
}

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Columns of a part of a line: a header's brackets, a key as written, a value without its comment; the significant text otherwise. */
export function partColumns(text: string, part: LinePart): { readonly start: number; readonly end: number } {
  const end = commentOffset(text);
  let start = 0;
  while (start < end && isSpace(text.charCodeAt(start))) {
    start++;
  }
  let last = end;
  while (last > start && isSpace(text.charCodeAt(last - 1))) {
    last--;
  }
  const equals = text.indexOf('=', start);
  if (part === 'header' || text[start] === '[' || equals === -1 || equals >= last || part === 'line') {
    return { start, end: Math.max(last, start) };
  }
  if (part === 'key') {
    let keyEnd = equals;
    while (keyEnd > start && isSpace(text.charCodeAt(keyEnd - 1))) {
      keyEnd--;
    }
    return { start, end: keyEnd };
  }
  let valueStart = equals + 1;
  while (valueStart < last && isSpace(text.charCodeAt(valueStart))) {
    valueStart++;
  }
  // `key =` has no value to point at: the key is what is wrong.
  return valueStart === last ? partColumns(text, 'key') : { start: valueStart, end: last };
}

/** The range of a part of a line of a scanned text (0-based index). */
export function partRange(scan: IniScan, index: number, part: LinePart): Range {
  const { start, end } = partColumns(scan.lines[index]?.text ?? '', part);
  return range(index, start, end);
}

export function positionAt(scan: IniScan, offset: number): Position {
  const { lines } = scan;
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lines[middle]?.start ?? 0) <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  const line = lines[low];
  if (!line) {
    return { line: 0, character: 0 };
  }
  if (line.eol !== '' && offset >= line.start + line.text.length + line.eol.length) {
    // After the final line break: the empty line editors show below the last one.
    return { line: low + 1, character: 0 };
  }
  // An offset inside a line break is the end of its line.
  return { line: low, character: Math.min(offset - line.start, line.text.length) };
}

export function offsetAt(scan: IniScan, position: Position): number {
  const line = scan.lines[position.line];
  if (!line) {
    const last = scan.lines.at(-1);
    return last ? last.start + last.text.length + last.eol.length : 0;
  }
  return line.start + Math.min(position.character, line.text.length);
}

/**
 * The smallest single replacement that turns `before` into `after`: what an edit of the writer
 * becomes in the editor, so undo restores exactly the bytes it changed. Undefined when they are equal.
 */
export function textChange(before: string, beforeScan: IniScan, after: string): TextEdit | undefined {
  if (before === after) {
    return undefined;
  }
  const { start, end, newText } = changedSpan(before, 0, before.length, after, 0, after.length);
  return { range: { start: positionAt(beforeScan, start), end: positionAt(beforeScan, end) }, newText };
}

/**
 * One edit per changed line when both texts have as many lines (what the edits of the writer do
 * but add or remove lines: a rename, a changed value), each the smallest within its line, so an
 * edit of three lines of a megabyte file replaces three short strings; otherwise textChange's one
 * replacement. Applied in order through positions, they turn `before` into `after`.
 */
export function textChanges(before: string, beforeScan: IniScan, after: string): TextEdit[] {
  if (before === after) {
    return [];
  }
  const beforeLines = beforeScan.lines;
  const afterLines = splitLines(after);
  if (beforeLines.length !== afterLines.length) {
    const change = textChange(before, beforeScan, after);
    return change ? [change] : [];
  }
  const spans: { start: number; end: number; newText: string }[] = [];
  beforeLines.forEach((line, index) => {
    const other = afterLines[index];
    if (!other || (line.text === other.text && line.eol === other.eol)) {
      return;
    }
    const span = changedSpan(
      before,
      line.start,
      line.start + line.text.length + line.eol.length,
      after,
      other.start,
      other.start + other.text.length + other.eol.length,
    );
    const previous = spans.at(-1);
    // A changed line break ends where the next line's change may start: one edit, never two that touch.
    if (previous && previous.end === span.start) {
      previous.end = span.end;
      previous.newText += span.newText;
    } else {
      spans.push(span);
    }
  });
  return spans.map(({ start, end, newText }) => ({
    range: { start: positionAt(beforeScan, start), end: positionAt(beforeScan, end) },
    newText,
  }));
}

/**
 * The smallest replacement of `before[beforeStart, beforeEnd)` by `after[afterStart, afterEnd)`:
 * the offsets in `before` it replaces and the text it puts there.
 */
function changedSpan(
  before: string,
  beforeStart: number,
  beforeEnd: number,
  after: string,
  afterStart: number,
  afterEnd: number,
): { start: number; end: number; newText: string } {
  let prefix = 0;
  const shorter = Math.min(beforeEnd - beforeStart, afterEnd - afterStart);
  while (prefix < shorter && before.charCodeAt(beforeStart + prefix) === after.charCodeAt(afterStart + prefix)) {
    prefix++;
  }
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(beforeEnd - 1 - suffix) === after.charCodeAt(afterEnd - 1 - suffix)) {
    suffix++;
  }
  // Never split a CRLF or a surrogate pair: an editor cannot place a position inside either.
  while (prefix > 0 && isSecondHalf(before, beforeStart + prefix)) {
    prefix--;
  }
  while (suffix > 0 && isSecondHalf(before, beforeEnd - suffix)) {
    suffix--;
  }
  return { start: beforeStart + prefix, end: beforeEnd - suffix, newText: after.slice(afterStart + prefix, afterEnd - suffix) };
}

/** Whether `offset` falls between the two halves of a CRLF or of a surrogate pair. */
function isSecondHalf(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (previous === 13 && next === 10) || (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff);
}
