/** The folds of a shared file: each section, and each run of comment lines. */
import type { IniScan } from '../ini/scan';
import { isCommentLine } from '../ini/syntax';
import { sectionLastLine } from './sectionPlaces';

/** A VS Code FoldingRange: 0-based lines; `comment` for a run of comment lines, none for a section. */
export interface Fold {
  readonly start: number;
  readonly end: number;
  readonly kind?: 'comment' | 'region';
}

/** Section folds from the header to its last line (see sectionLastLine), comment folds of 2 or more lines; in order of their first line. */
export function foldingRanges(scan: IniScan): Fold[] {
  const sections: Fold[] = [];
  scan.sections.forEach((section, position) => {
    const end = sectionLastLine(scan, position);
    if (end > section.index) {
      sections.push({ start: section.index, end });
    }
  });
  const comments: Fold[] = [];
  let runStart: number | undefined;
  const { lines } = scan;
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index];
    if (line && isCommentLine(line.text)) {
      runStart ??= index;
      continue;
    }
    if (runStart !== undefined && index - 1 > runStart) {
      comments.push({ start: runStart, end: index - 1, kind: 'comment' });
    }
    runStart = undefined;
  }
  return [...sections, ...comments].sort((a, b) => a.start - b.start);
}
