/**
 * Where a line of a scanned file stands, by bisection (a file can hold 10,000 sections): its
 * section, the key line on it, the key line above it. Per-keystroke work stays per section.
 */
import type { IniEntry, IniScan, IniSection } from './scan';

/**
 * The position in `scan.sections` of the section whose header is at or above `line` (0-based),
 * or -1 for a line above the first header. Lines after the last section's end (the empty line
 * after a final line break) count as its own, as they do in the editor.
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

/** The section line `index` belongs to: its header or a line under it, before the next header. */
export function sectionAt(scan: IniScan, index: number): IniSection | undefined {
  const section = scan.sections[sectionPositionAt(scan, index)];
  return section && index < section.endIndex ? section : undefined;
}

/** The entry on a line of a section, if the line sets a key or opens a sub-section. */
export function entryOn(section: IniSection, line: number): IniEntry | undefined {
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

/** The `key = value` line at `index`, with its section; undefined for any other line. */
export function entryAt(scan: IniScan, index: number): { readonly section: IniSection; readonly entry: IniEntry } | undefined {
  const section = sectionAt(scan, index);
  const entry = section && entryOn(section, index);
  return section && entry && { section, entry };
}
