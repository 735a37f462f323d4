/**
 * Places in a document as editors count them (0-based lines, UTF-16 columns, ends exclusive), the
 * parts of a line the editor features point at, and the smallest edit between two texts.
 */
import type { IniScan } from '../ini/scan';
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

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Columns of a part of a line: a header's brackets, a key as written, a value without its comment; the significant text otherwise. */
export function partColumns(text: string, part: LinePart): { readonly start: number; readonly end: number } {
  const end = commentOffset(text);
  let start = 0;
  while (start < end && /\s/.test(text[start] ?? '')) {
    start++;
  }
  let last = end;
  while (last > start && /\s/.test(text[last - 1] ?? '')) {
    last--;
  }
  const equals = text.indexOf('=', start);
  if (part === 'header' || text[start] === '[' || equals === -1 || equals >= last || part === 'line') {
    return { start, end: Math.max(last, start) };
  }
  if (part === 'key') {
    let keyEnd = equals;
    while (keyEnd > start && /\s/.test(text[keyEnd - 1] ?? '')) {
      keyEnd--;
    }
    return { start, end: keyEnd };
  }
  let valueStart = equals + 1;
  while (valueStart < last && /\s/.test(text[valueStart] ?? '')) {
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
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) {
    prefix++;
  }
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) {
    suffix++;
  }
  // Never split a CRLF or a surrogate pair: an editor cannot place a position inside either.
  while (prefix > 0 && isSecondHalf(before, prefix)) {
    prefix--;
  }
  while (suffix > 0 && isSecondHalf(before, before.length - suffix)) {
    suffix--;
  }
  return {
    range: { start: positionAt(beforeScan, prefix), end: positionAt(beforeScan, before.length - suffix) },
    newText: after.slice(prefix, after.length - suffix),
  };
}

/** Whether `offset` falls between the two halves of a CRLF or of a surrogate pair. */
function isSecondHalf(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (previous === 13 && next === 10) || (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff);
}
