/**
 * Go to definition and find references across both files: a profile is defined by its headers and
 * referred to by `source_profile = NAME`, an sso-session by `[sso-session NAME]` and
 * `sso_session = NAME`, a services section by `[services NAME]` and `services = NAME`. References
 * are the values of profile sections (those the Rename Profile... edit repoints), found through an
 * index built once per scan.
 */
import { fileRoles, type FileRole } from '../files/roles';
import type { IniEntry, IniScan, IniSection } from '../ini/scan';
import { sectionIndexOf } from '../ini/sections';
import { memoPer } from '../memo';
import { storesValue, type SectionPrefix, type SectionTarget } from '../ini/syntax';
import { sectionsIn, type SharedFiles } from '../profiles/read';
import { entryOn, sectionPositionAt } from '../ini/lookup';
import { headerNameRange, type FilePlace } from './sectionPlaces';
import { partRange, type Position, type Range } from './text';

export type { FilePlace } from './sectionPlaces';

/** The keys whose value names a section, and the kind of section they name. */
const referringKeys: ReadonlyMap<string, SectionPrefix> = new Map([
  ['source_profile', 'profile'],
  ['sso_session', 'sso-session'],
  ['services', 'services'],
]);

/** A name under the cursor: in a header (`section` is then that header's), or in the value of a referring key. */
export interface NameAt extends SectionTarget {
  readonly range: Range;
  readonly section?: IniSection;
}

export function nameAt(files: SharedFiles, role: FileRole, position: Position): NameAt | undefined {
  const file = files[role];
  const { scan } = file;
  const sectionPosition = sectionPositionAt(scan, position.line);
  const section = scan.sections[sectionPosition];
  if (!section || position.line >= section.endIndex) {
    return undefined;
  }
  const target = file.index.targets[sectionPosition];
  if (position.line === section.index) {
    const nameRange = headerNameRange(role, scan, section, target);
    return target && contains(nameRange, position) ? { ...target, range: nameRange, section } : undefined;
  }
  if (target?.kind !== 'profile') {
    return undefined;
  }
  const entry = entryOn(section, position.line);
  const kind = entry && storesValue(entry) ? referringKeys.get(entry.key) : undefined;
  if (!entry || !kind) {
    return undefined;
  }
  const valueRange = partRange(scan, entry.index, 'value');
  return contains(valueRange, position) ? { kind, name: entry.value, range: valueRange } : undefined;
}

/** The names inside the headers that define the name at `position`, config file first; none elsewhere. */
export function definitionAt(files: SharedFiles, role: FileRole, position: Position): FilePlace[] {
  const target = nameAt(files, role, position);
  return target ? definitionsOf(files, target) : [];
}

/** The values that name the name at `position`, config file first, after its definitions when `includeDeclaration`. */
export function referencesAt(files: SharedFiles, role: FileRole, position: Position, includeDeclaration: boolean): FilePlace[] {
  const target = nameAt(files, role, position);
  if (!target) {
    return [];
  }
  const references = fileRoles.flatMap((fileRole) => {
    const { scan } = files[fileRole];
    const entries = referenceIndexOf(fileRole, scan).get(target.kind)?.get(target.name) ?? [];
    return entries.map((entry) => ({ role: fileRole, range: partRange(scan, entry.index, 'value') }));
  });
  return includeDeclaration ? [...definitionsOf(files, target), ...references] : references;
}

/** The sections the SDK reads for a name (see sectionsIn: a hidden `[default]` is not one). */
export function definitionsOf(files: SharedFiles, target: SectionTarget): FilePlace[] {
  return fileRoles.flatMap((role) => {
    const file = files[role];
    return sectionsIn(file, target.kind, target.name).map((section) => ({
      role,
      range: headerNameRange(role, file.scan, section, target),
    }));
  });
}

function contains(range: Range, position: Position): boolean {
  return position.line === range.start.line && range.start.character <= position.character && position.character <= range.end.character;
}

type ReferenceIndex = ReadonlyMap<SectionPrefix, ReadonlyMap<string, readonly IniEntry[]>>;

/** The referring lines of a scan's profile sections, by the kind and name they refer to: one pass, once per scan. */
const referenceIndexOf = memoPer(fileRoles, buildReferenceIndex);

function buildReferenceIndex(role: FileRole, scan: IniScan): ReferenceIndex {
  const byKind = new Map<SectionPrefix, Map<string, IniEntry[]>>();
  const { targets } = sectionIndexOf(role, scan);
  scan.sections.forEach((section, position) => {
    if (targets[position]?.kind !== 'profile') {
      return;
    }
    for (const entry of section.entries) {
      const kind = storesValue(entry) ? referringKeys.get(entry.key) : undefined;
      if (kind) {
        let byName = byKind.get(kind);
        if (!byName) {
          byName = new Map();
          byKind.set(kind, byName);
        }
        const list = byName.get(entry.value);
        if (list) {
          list.push(entry);
        } else {
          byName.set(entry.value, [entry]);
        }
      }
    }
  });
  return byKind;
}
