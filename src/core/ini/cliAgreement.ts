/**
 * Whether the AWS CLI reads a file exactly as the AWS SDK does, decided from the scan alone in one
 * pass over its sections (the scan checked each section's keys as it read them, see plainEntries).
 * Most files are such files: for them no model of botocore (see botocore) is built, which costs
 * more than reading the file. False means "maybe not": the model then says where.
 */
import { fileRoles, type FileRole } from '../files/roles';
import type { IniEntry, IniScan, IniSection } from './scan';
import { memo, memoPer } from '../memo';
import { sectionIndexOf } from './sections';

/** `[profile x]` written plainly (no quotes, one space), or `[default]`: botocore finds the same name in it. */
function plainHeader(section: IniSection): boolean {
  const { prefix, rawName, name } = section;
  return prefix === undefined
    ? rawName === 'default'
    : rawName.length === prefix.length + 1 + name.length && rawName.charCodeAt(prefix.length) === 32 && rawName.endsWith(name);
}

/**
 * Whether botocore reads every line as the scan does: the same headers, and the same key and value
 * on each line, with nothing it refuses (a section or key twice, a line without `=`, a line before
 * the first header), nothing it reads as more of a value (an indented line, an inline comment, a
 * sub-section) and no key it lower-cases.
 */
export const cliReadsLinesAsSdk: (scan: IniScan) => boolean = memo((scan) => linesAgree(scan, new Set()));

/** `headers` collects the headers, to find one written twice; undefined when the caller finds those itself. */
function linesAgree(scan: IniScan, headers: Set<string> | undefined): boolean {
  if (scan.unusualSpace || scan.strayLines.length > 0) {
    return false;
  }
  for (const section of scan.sections) {
    if (
      section.unusualHeader ||
      section.ignoredLines.length > 0 ||
      section.rawName === 'DEFAULT' ||
      !section.plainEntries ||
      headers?.has(section.rawName)
    ) {
      return false;
    }
    headers?.add(section.rawName);
  }
  return true;
}

/** Most sections hold a handful of keys, compared pairwise; a set for the rare large one keeps this linear. */
export function repeatsAKey(entries: readonly IniEntry[]): boolean {
  if (entries.length > 16) {
    return new Set(entries.map((entry) => entry.name)).size < entries.length;
  }
  for (let position = 1; position < entries.length; position++) {
    for (let before = 0; before < position; before++) {
      if (entries[before]?.name === entries[position]?.name) {
        return true;
      }
    }
  }
  return false;
}

/** No `:` (botocore splits the line there) and nothing it lower-cases (Python's lower(), as toLowerCase). */
export function plainKey(name: string): boolean {
  for (let at = 0; at < name.length; at++) {
    const code = name.charCodeAt(at);
    if (code === 58 || (code >= 65 && code <= 90)) {
      return false;
    }
    if (code > 127) {
      // Beyond ASCII, what lower-casing changes is Python's business, as toLowerCase knows it.
      return !name.includes(':') && name.toLowerCase() === name;
    }
  }
  return true;
}

/**
 * Whether the AWS CLI reads the file as the SDK does: its lines (cliReadsLinesAsSdk), and each
 * section as the same profile, sso-session or services section, each defined once.
 */
export function cliReadsAsSdk(role: FileRole, scan: IniScan): boolean {
  return agreeingFiles(role, scan);
}

// sectionsAgree finds a header written twice (two sections of one name), so the lines need not.
const agreeingFiles = memoPer(fileRoles, (role, scan: IniScan) => linesAgree(scan, undefined) && sectionsAgree(role, scan));

function sectionsAgree(role: FileRole, scan: IniScan): boolean {
  const index = sectionIndexOf(role, scan);
  const { sections } = scan;
  for (let position = 0; position < sections.length; position++) {
    const section = sections[position];
    if (!section || !index.targets[position] || (role === 'credentials' ? section.prefix !== undefined : !plainHeader(section))) {
      return false;
    }
  }
  // One name per section, or a target has two (`[default]` beside `[profile default]` too): the SDK merges or hides, botocore refuses or takes one.
  return sections.length === index.profile.size + index['sso-session'].size + index.services.size;
}
