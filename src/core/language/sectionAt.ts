/** Where a line of a scanned file stands, by binary search: its section, its entry, the entry above it. Per-keystroke work stays per section. */
import type { IniEntry, IniScan, IniSection } from '../ini/scan';

/**
 * The position in `scan.sections` of the section whose header is at or above `line` (0-based),
 * or -1 for a line above the first header. The lines after the last section's end (the empty line
 * after a final line break) belong to it, as they do in the editor.
 */
export function sectionPositionAt(scan: IniScan, line: number): number {
  const { sections } = scan;
  let low = 0;
  let high = sections.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((sections[middle]?.index ?? 0) <= line) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The entry on a line of a section (binary search), if the line sets a key or opens a sub-section. */
export function entryAt(section: IniSection, line: number): IniEntry | undefined {
  const { entries } = section;
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const index = entries[middle]?.index ?? 0;
    if (index === line) {
      return entries[middle];
    }
    if (index < line) {
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return undefined;
}

/** The last entry of a section above `line`: whether a line continues a sub-section depends on it. */
export function entryAbove(section: IniSection, line: number): IniEntry | undefined {
  const { entries } = section;
  let low = 0;
  let high = entries.length - 1;
  let found: IniEntry | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = entries[middle];
    if (entry && entry.index < line) {
      found = entry;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
