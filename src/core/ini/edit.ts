/**
 * Text in, text out: edits of an INI file that touch only the lines they are asked to change.
 * Everything else (comments, blank lines, order, line breaks, a BOM, a missing final newline)
 * stays byte for byte. Callers check names and values first (see `writable`); every line an edit
 * writes is read by the AWS CLI as by the AWS SDK, or the edit is refused (see cliWrite).
 */
import * as l10n from '@vscode/l10n';
import { KnownError } from '../errors';
import { cliLines } from './botocore';
import { cliReadsLinesAsSdk } from './cliAgreement';
import { cliMisreading, cliRefusalAdded } from './cliWrite';
import { entryAt } from './lookup';
import { scanIni, type IniEntry, type IniScan, type IniSection } from './scan';
import { commentOffset, isCommentLine, setsKey, setsTopLevelKey } from './syntax';

/** Picks the sections an edit applies to, in file order. */
export type SectionSelector = (scan: IniScan) => readonly IniSection[];

export interface Setting {
  readonly key: string;
  readonly value: string;
}

const bom = '\uFEFF';

/**
 * Sets a top-level key. The last line that sets it is changed in place (the SDK takes the last
 * one), keeping its indentation and spacing, with an inline comment moved to a line of its own
 * above it (the AWS CLI would read the comment as part of the value); otherwise a line is added
 * after the last key of the last selected section; with no section, `header` is appended with the key.
 */
export function setKey(text: string, select: SectionSelector, key: string, value: string, header: string): string {
  const scan = scanIni(text);
  const sections = select(scan);
  const existing = topLevelEntries(sections, key).at(-1);
  if (existing) {
    const line = scan.lines[existing.index];
    if (!line) {
      return text;
    }
    const lines = withValue(line.text, value);
    return checkedForCli(scan, replaceLine(text, scan, existing.index, lines), [existing.index, existing.index + lines.length - 1]);
  }
  const section = sections.at(-1);
  if (!section) {
    return appendSection(text, header, [{ key, value }]);
  }
  const after = section.entries.at(-1);
  // The indentation of the key above, unless the AWS CLI reads that line as more of a value: the new line would be too.
  const indent =
    after && setsTopLevelKey(after) && (cliReadsLinesAsSdk(scan) || cliLines(scan).lines[after.index]?.kind === 'option')
      ? leadingSpace(scan, after.index)
      : '';
  const at = (after?.index ?? section.index) + 1;
  return checkedForCli(scan, insertLines(text, scan, at - 1, [`${indent}${key} = ${value}`]), [at, at]);
}

/** An edit that would change how the AWS SDK reads lines the edit was not asked to touch, or that the AWS CLI would read otherwise. */
export class IniEditError extends KnownError<'wouldRegroupLines' | 'cliReadsOtherwise'> {
  override readonly name = 'IniEditError';

  constructor(
    message: string,
    readonly reason: 'wouldRegroupLines' | 'cliReadsOtherwise' = 'wouldRegroupLines',
  ) {
    super(message);
  }
}

/**
 * The edited text, once the lines it wrote (`first` to `last`, in the edited text) are read by the
 * AWS CLI as by the SDK and no line makes the CLI refuse a file it read before.
 */
function checkedForCli(before: IniScan, edited: string, ...written: (readonly [number, number])[]): string {
  const after = scanIni(edited);
  const misreading = cliMisreading(after, written) ?? cliRefusalAdded(before, after);
  if (misreading !== undefined) {
    throw new IniEditError(misreading, 'cliReadsOtherwise');
  }
  return edited;
}

/**
 * Removes every line that sets a top-level key. A `key =` line that opens a sub-section sets
 * nothing for the key itself, so it stays with its indented lines (they are other keys).
 */
export function removeKey(text: string, select: SectionSelector, key: string): string {
  const scan = scanIni(text);
  const doomed = new Set<number>();
  for (const section of select(scan)) {
    const removed = section.entries.filter((entry) => setsKey(entry, key));
    const moved = regroupedBy(section.entries, new Set(removed));
    if (moved) {
      throw new IniEditError(
        l10n.t(
          'Removing {0} would move the indented lines after it (from line {1}) into the sub-section above them, so the AWS SDK would read them differently. Edit that part of the file by hand.',
          key,
          moved.index + 1,
        ),
      );
    }
    const continued = cliReadsLinesAsSdk(scan)
      ? undefined
      : removed.find((entry) => cliLines(scan).continuationsOf(entry.index).length > 0);
    if (continued) {
      throw new IniEditError(
        l10n.t(
          'The AWS CLI reads the indented lines after line {0} as part of the value of {1}: removing the line alone would make them part of the key above it. Edit that part of the file by hand.',
          continued.index + 1,
          key,
        ),
        'cliReadsOtherwise',
      );
    }
    for (const entry of removed) {
      doomed.add(entry.index);
    }
  }
  return checkedForCli(scan, removeLineSet(text, scan, doomed));
}

/**
 * The first line that the SDK would file under another key once `removed` are gone: a line
 * without indentation closes an open sub-section, and without it the indented keys after it
 * would join that sub-section.
 */
function regroupedBy(entries: readonly IniEntry[], removed: ReadonlySet<IniEntry>): IniEntry | undefined {
  let subSection: string | undefined;
  for (const entry of entries) {
    if (removed.has(entry)) {
      continue;
    }
    if (entry.opensSubSection) {
      subSection = entry.name;
      continue;
    }
    if (!entry.indented) {
      subSection = undefined;
    }
    if ((subSection === undefined ? entry.name : `${subSection}.${entry.name}`) !== entry.key) {
      return entry;
    }
  }
  return undefined;
}

export interface NewSection {
  readonly header: string;
  readonly settings: readonly Setting[];
}

/** Appends a section at the end, after a blank line when the file does not end with one. */
export function appendSection(text: string, header: string, settings: readonly Setting[]): string {
  return appendSections(text, [{ header, settings }]);
}

/** Appends sections at the end in one edit (one scan of the text), a blank line before each, as appendSection does. */
export function appendSections(text: string, sections: readonly NewSection[]): string {
  if (sections.length === 0) {
    return text;
  }
  const scan = scanIni(text);
  const body = sections.flatMap(({ header, settings }, position) => [
    ...(position === 0 ? [] : ['']),
    header,
    ...settings.map(({ key, value }) => `${key} = ${value}`),
  ]);
  const last = scan.lines.at(-1);
  if (last === undefined || (scan.lines.length === 1 && last.text === bom)) {
    // A lone BOM stays the start of the first line, or the line before the body.
    const first = last === undefined || last.eol === '' ? 0 : 1;
    return checkedForCli(scan, `${text}${body.join(scan.eol)}${scan.eol}`, [first, first + body.length - 1]);
  }
  const separated = last.text.trim() === '' ? body : ['', ...body];
  const first = scan.lines.length;
  return checkedForCli(scan, insertLines(text, scan, scan.lines.length - 1, separated), [first, first + separated.length - 1]);
}

/**
 * Removes the selected sections: the comment lines directly above each header, the header, and
 * its lines up to the comments that lead into the next section. A section at the end of the file
 * also takes the blank lines before it, so the file does not end in a gap.
 */
export function removeSections(text: string, select: SectionSelector): string {
  const scan = scanIni(text);
  const doomed = new Set<number>();
  for (const section of select(scan)) {
    let first = commentBlockStart(scan, section.index);
    let end = section.endIndex < scan.lines.length ? commentBlockStart(scan, section.endIndex) : section.endIndex;
    end = Math.max(end, section.index + 1);
    if (section.endIndex === scan.lines.length) {
      while (first > 0 && isBlank(scan, first - 1)) {
        first -= 1;
      }
    }
    for (let index = first; index < end; index += 1) {
      doomed.add(index);
    }
  }
  return checkedForCli(scan, removeLineSet(text, scan, doomed));
}

/** Gives the selected sections a new header, keeping indentation and any comment after the `]`. */
export function renameSections(text: string, select: SectionSelector, header: string): string {
  const original = scanIni(text);
  let scan = original;
  let result = text;
  const indexes = select(scan).map((section) => section.index);
  for (const index of indexes) {
    const line = scan.lines[index];
    if (!line) {
      continue;
    }
    const open = line.text.indexOf('[');
    const close = line.text.lastIndexOf(']', commentOffset(line.text));
    result = replaceLine(result, scan, index, [line.text.slice(0, open) + header + line.text.slice(close + 1)]);
    scan = scanIni(result);
  }
  return checkedForCli(original, result, ...indexes.map((index) => [index, index] as const));
}

/** The lines that store `key` itself: not sub-section openers, not keys inside a sub-section. */
function topLevelEntries(sections: readonly IniSection[], key: string): IniEntry[] {
  return sections.flatMap((section) => section.entries.filter((entry) => setsKey(entry, key)));
}

/**
 * Replaces the value of a `key = value` line, keeping everything around the value; an inline
 * comment goes on a line of its own above, with the same indentation, as the AWS CLI would read
 * it as part of the value. One line, or the comment line and the line.
 */
function withValue(lineText: string, value: string): string[] {
  const offset = commentOffset(lineText);
  const content = lineText.slice(0, offset);
  const equals = content.indexOf('=');
  const afterEquals = content.slice(equals + 1);
  const valueStart = equals + 1 + (afterEquals.length - afterEquals.trimStart().length);
  const valueEnd = content.trimEnd().length;
  if (offset === lineText.length) {
    return [lineText.slice(0, valueStart) + value + lineText.slice(valueEnd)];
  }
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  return [`${indent}${lineText.slice(offset).trimStart()}`, lineText.slice(0, valueStart) + value];
}

function leadingSpace(scan: IniScan, index: number): string {
  const text = scan.lines[index]?.text ?? '';
  return /^[ \t]*/.exec(text.startsWith(bom) ? text.slice(1) : text)?.[0] ?? '';
}

function isBlank(scan: IniScan, index: number): boolean {
  return (scan.lines[index]?.text ?? '').replace(bom, '').trim() === '';
}

function commentBlockStart(scan: IniScan, headerIndex: number): number {
  let first = headerIndex;
  while (first > 0 && isCommentLine((scan.lines[first - 1]?.text ?? '').replace(bom, ''))) {
    first -= 1;
  }
  return first;
}

/** Replaces one line with others, joined by the file's line break. */
function replaceLine(text: string, scan: IniScan, index: number, lines: readonly string[]): string {
  const line = scan.lines[index];
  if (!line) {
    return text;
  }
  return text.slice(0, line.start) + lines.join(line.eol || scan.eol) + text.slice(line.start + line.text.length);
}

/** Inserts whole lines after line `index`, in the file's line break style, keeping its final-newline state. */
function insertLines(text: string, scan: IniScan, index: number, lines: readonly string[]): string {
  const line = scan.lines[index];
  if (!line) {
    return text;
  }
  const end = line.start + line.text.length + line.eol.length;
  const inserted = line.eol === '' ? scan.eol + lines.join(scan.eol) : lines.map((added) => added + scan.eol).join('');
  return text.slice(0, end) + inserted + text.slice(end);
}

/** Removes whole lines. When the last line goes, the line break before it goes too, so a missing final newline stays missing. */
function removeLineSet(text: string, scan: IniScan, doomed: ReadonlySet<number>): string {
  if (doomed.size === 0) {
    return text;
  }
  let result = '';
  let kept = 0;
  scan.lines.forEach((line, index) => {
    const end = line.start + line.text.length + line.eol.length;
    if (doomed.has(index)) {
      if (index === 0 && line.text.startsWith(bom)) {
        result += bom;
      }
      return;
    }
    result += text.slice(line.start, end);
    kept = index;
  });
  const lastKept = scan.lines[kept];
  const lastLine = scan.lines.at(-1);
  if (lastLine?.eol === '' && doomed.has(scan.lines.length - 1) && lastKept && !doomed.has(kept) && lastKept.eol) {
    result = result.slice(0, result.length - lastKept.eol.length);
  }
  return result;
}

/** Changes the value of every line of `key` in the selected sections that holds exactly `from`. */
export function replaceValue(text: string, select: SectionSelector, key: string, from: string, to: string): string {
  let result = text;
  const scan = scanIni(text);
  const indexes = topLevelEntries(select(scan), key)
    .filter((entry) => entry.value === from)
    .map((entry) => entry.index);
  // Replaced from the end, so that the lines still to replace keep their places; a moved comment shifts the ones after it.
  const added: number[] = [];
  for (const index of [...indexes].reverse()) {
    const line = scan.lines[index];
    const lines = line ? withValue(line.text, to) : [];
    result = replaceLine(result, scan, index, lines);
    added.unshift(Math.max(lines.length - 1, 0));
  }
  let shift = 0;
  const written = indexes.map((index, position): readonly [number, number] => {
    const first = index + shift;
    shift += added[position] ?? 0;
    return [first, index + shift];
  });
  return checkedForCli(scan, result, ...written);
}

/*
 * Edits of one `key = value` line, for the editor's quick fixes: each changes only the characters it
 * names, is checked for the AWS CLI as every edit is (see checkedForCli), and returns the text
 * unchanged when line `index` sets no key.
 */

/**
 * A quick fix of line `index`, written as `count` lines, checked as every edit is (checkedForCli),
 * except that a line the AWS CLI already read otherwise may stay so: the fix mends one thing (a
 * key's name), and the line keeps its own diagnostic for what the CLI reads there.
 */
function checkedLineFix(before: IniScan, index: number, edited: string, count: number): string {
  const alreadyMisread = cliMisreading(before, [[index, index]]) !== undefined;
  return alreadyMisread ? checkedForCli(before, edited) : checkedForCli(before, edited, [index, index + count - 1]);
}

/** Renames the key of line `index`: the key's characters only, not the spacing or the value. */
export function renameKeyAt(text: string, index: number, name: string): string {
  const scan = scanIni(text);
  const line = scan.lines[index];
  if (!line || !entryAt(scan, index)) {
    return text;
  }
  const start = line.text.length - line.text.trimStart().length;
  const end = start + line.text.slice(start, line.text.indexOf('=')).trimEnd().length;
  return checkedLineFix(scan, index, replaceLine(text, scan, index, [line.text.slice(0, start) + name + line.text.slice(end)]), 1);
}

/** Sets the value of line `index`, keeping its key and spacing; an inline comment moves above it (see withValue). */
export function setValueAt(text: string, index: number, value: string): string {
  const scan = scanIni(text);
  const line = scan.lines[index];
  if (!line || !entryAt(scan, index)) {
    return text;
  }
  const lines = withValue(line.text, value);
  return checkedLineFix(scan, index, replaceLine(text, scan, index, lines), lines.length);
}

/** Removes line `index` with its line break; refused (IniEditError) when the SDK would then read the lines after it differently. */
export function removeLineAt(text: string, index: number): string {
  const scan = scanIni(text);
  const found = entryAt(scan, index);
  if (!found) {
    return text;
  }
  const moved = regroupedBy(found.section.entries, new Set([found.entry]));
  if (moved) {
    throw new IniEditError(
      l10n.t(
        'Removing line {0} would move the indented lines after it (from line {1}) into the sub-section above them, so the AWS SDK would read them differently. Edit that part of the file by hand.',
        index + 1,
        moved.index + 1,
      ),
    );
  }
  return checkedForCli(scan, removeLineSet(text, scan, new Set([index])));
}

/**
 * Moves the inline comment of line `index` onto a line of its own above it, with the same
 * indentation: the AWS CLI reads `value # note` as the whole value, the SDK as `value`. A comment
 * line changes nothing for either, not even an open sub-section.
 */
export function commentAbove(text: string, index: number): string {
  const scan = scanIni(text);
  const line = scan.lines[index];
  if (!line || !entryAt(scan, index)) {
    return text;
  }
  const offset = commentOffset(line.text);
  if (offset === line.text.length) {
    return text;
  }
  const comment = `${leadingSpace(scan, index)}${line.text.slice(offset).trimStart()}`;
  return checkedLineFix(scan, index, replaceLine(text, scan, index, [comment, line.text.slice(0, offset).trimEnd()]), 2);
}
