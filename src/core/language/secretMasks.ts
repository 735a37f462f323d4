/** Where the editor covers secrets: the values of secret keys, and lines that may continue one (a token copied with line breaks). */
import { sectionPositionAt } from '../ini/lookup';
import type { IniScan } from '../ini/scan';
import { profileKeys } from '../profiles/knownKeys';
import { isSecretKey } from '../secrets';
import { secretContinuations } from '../validation/rules/keys';
import { partColumns, range, type Range } from './text';

/**
 * The secret values on lines `from` to `to` (0-based, inclusive), with the text of a line from
 * the editor: work in proportion to those lines, not to the file.
 */
export function secretRanges(scan: IniScan, lineText: (index: number) => string, from: number, to: number): Range[] {
  const ranges: Range[] = [];
  const { sections } = scan;
  for (let position = Math.max(0, sectionPositionAt(scan, from)); position < sections.length; position++) {
    const section = sections[position];
    if (!section || section.index > to) {
      break;
    }
    const continuations = secretContinuations(section, profileKeys);
    const secretLines = new Map<number, 'value' | 'line'>();
    for (const entry of section.entries) {
      if (isSecretKey(entry.key) || isSecretKey(entry.name)) {
        secretLines.set(entry.index, 'value');
      }
    }
    for (const index of continuations) {
      secretLines.set(index, 'line');
    }
    for (const [index, part] of secretLines) {
      if (index < from || index > to) {
        continue;
      }
      const { start, end } = partColumns(lineText(index), part);
      if (end > start) {
        ranges.push(range(index, start, end));
      }
    }
  }
  return ranges.sort((a, b) => a.start.line - b.start.line);
}
