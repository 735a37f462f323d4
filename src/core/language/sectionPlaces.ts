/**
 * Where a section's parts are, for the editor features: a place in one of the two files, the
 * name inside a header as the SDK reads it, and the last line that belongs to a section.
 */
import type { FileRole } from '../files/roles';
import type { IniScan, IniSection } from '../ini/scan';
import { isBareDefault, isCommentLine, type SectionTarget } from '../ini/syntax';
import { range, type Range } from './text';

/** A range in one of the two files: a VS Code Location once the role is turned into the file's URI. */
export interface FilePlace {
  readonly role: FileRole;
  readonly range: Range;
}

/**
 * The name inside a header, where the SDK's name is written: `dev` in `[profile dev]`,
 * `[profile "dev"]` and `[profile.dev]` of the config file; everything between the brackets for
 * `[default]`, for every header of the credentials file (`[profile dev]` there is the profile
 * `profile.dev`, spelt `profile dev`) and for a section the SDK ignores. `target` is what the
 * section defines (see sectionTarget).
 */
export function headerNameRange(role: FileRole, scan: IniScan, section: IniSection, target: SectionTarget | undefined): Range {
  const text = scan.lines[section.index]?.text ?? '';
  // Only white space (a BOM too) comes before the bracket of a header.
  const open = text.indexOf('[') + 1;
  const { rawName, prefix } = section;
  if (role !== 'config' || target === undefined || isBareDefault(section)) {
    return range(section.index, open, open + rawName.length);
  }
  if (prefix === undefined) {
    // `[profile.name]`: the parser files it under the same key as `[profile name]`.
    return range(section.index, open + rawName.indexOf('.') + 1, open + rawName.length);
  }
  // `[prefix name]`, with one space or tab between, and maybe quotes around the name.
  const start = open + rawName.indexOf(section.name, prefix.length + 1);
  return range(section.index, start, start + section.name.length);
}

/**
 * The last line of a section: its last non-blank line, leaving out the comment lines right above
 * the next header, which belong to that section (a delete of it removes them, see removeSections).
 */
export function sectionLastLine(scan: IniScan, position: number): number {
  const { sections, lines } = scan;
  const section = sections[position];
  if (!section) {
    return 0;
  }
  const text = (index: number): string => lines[index]?.text ?? '';
  let last = section.endIndex - 1;
  if (position + 1 < sections.length) {
    while (last > section.index && isCommentLine(text(last))) {
      last--;
    }
  }
  while (last > section.index && text(last).trim() === '') {
    last--;
  }
  return last;
}
