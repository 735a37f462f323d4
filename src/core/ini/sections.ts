/**
 * What the sections of a scanned file mean to the SDK: which sections define each profile,
 * sso-session and services section (the section index), and the values the SDK's loader returns.
 */
import type { FileRole } from '../files/roles';
import type { IniScan, IniSection } from './scan';
import { memo } from '../memo';
import { isInheritedName, sdkKeepsKey } from './builtIns';
import {
  bareDefaultIsHidden,
  holdsValue,
  isBareDefault,
  isPrefixedDefault,
  sectionTarget,
  storesValue,
  type SectionPrefix,
  type SectionTarget,
} from './syntax';

export type SectionValues = Readonly<Record<string, string | undefined>>;

/** `section -> key -> value`: what the SDK loader returns for a file, as a map. */
export type SdkSections = ReadonlyMap<string, SectionValues>;

/** The sections that define each profile, sso-session and services section of a file, by name. */
export interface SectionIndex extends Readonly<Record<SectionPrefix, ReadonlyMap<string, readonly IniSection[]>>> {
  /** What each section of the scan defines, in scan order (see sectionTarget). */
  readonly targets: readonly (SectionTarget | undefined)[];
}

interface ReadSections {
  readonly index: SectionIndex;
  readonly values: SdkSections;
}

/**
 * The section index and the SDK's values of a scan, found in one pass, once per scan and role: a
 * read and the edits after it share them, and edits look up several profiles in the same scan.
 */
const readScans: Record<FileRole, (scan: IniScan) => ReadSections> = {
  config: memo((scan) => readScan('config', scan)),
  credentials: memo((scan) => readScan('credentials', scan)),
};

function readSections(role: FileRole, scan: IniScan): ReadSections {
  return readScans[role](scan);
}

/** The section index of a scan (see readSections). */
export function sectionIndexOf(role: FileRole, scan: IniScan): SectionIndex {
  return readSections(role, scan).index;
}

/** The sections the SDK reads for one profile. */
export function profileSections(role: FileRole, scan: IniScan, name: string): readonly IniSection[] {
  return sectionIndexOf(role, scan).profile.get(name) ?? [];
}

/**
 * The `[default]` sections that `[profile default]` hides now (see bareDefaultIsHidden) and that
 * hold a value: what the SDK reads for the default profile once `[profile default]` is gone.
 */
export function hiddenDefaults(role: FileRole, scan: IniScan): readonly IniSection[] {
  const { sections } = scan;
  return bareDefaultIsHidden(role, sections) ? sections.filter((section) => isBareDefault(section) && holdsValue(section)) : [];
}

/**
 * What the SDK's loader returns for a file, from its scan: the parser files each value under
 * its section's key (sections with the same key merge, a section appears once it holds a value,
 * a file the parser refuses is empty); for the config file, `[profile x]` becomes `x`,
 * `[sso-session x]` and `[services x]` keep their prefix, other sections are dropped, and
 * `[profile default]` replaces `[default]` whole (the SDK's `getConfigData`: `[default]` first,
 * then each prefixed section, later ones replacing earlier ones).
 * Values are plain objects filled by plain assignment, as in the SDK, so a key named `__proto__`
 * is dropped as it is there. A `[constructor]`-like section holds what a process that reads only
 * this file would find on the built-in it is written onto (see isInheritedName, sdkKeepsKey).
 */
export function sdkSections(role: FileRole, scan: IniScan): SdkSections {
  return readSections(role, scan).values;
}

/**
 * One pass over the sections: what each defines, grouped by name (a hidden `[default]`, see
 * bareDefaultIsHidden, defines nothing, and an empty `[profile default]` only when there is no
 * `[default]`), and the values of each (see sdkSections), filed under the same name strings.
 */
function readScan(role: FileRole, scan: IniScan): ReadSections {
  const { sections } = scan;
  const targets: (SectionTarget | undefined)[] = [];
  const index = {
    profile: new Map<string, IniSection[]>(),
    'sso-session': new Map<string, IniSection[]>(),
    services: new Map<string, IniSection[]>(),
    targets,
  };
  const values = new Map<string, Record<string, string>>();
  // `[default]` and `[profile default]` merge apart: the second, once it holds a value, replaces the first whole.
  const defaults: DefaultValues = {};
  // A profile named like a prefixed key (`[profile sso-session.corp]`) shares its key with that section (see fileDotted).
  const dotted = new Map<string, { key: string; record: Record<string, string> }>();
  const refused = scan.sdkRejection !== undefined;
  for (const section of sections) {
    const target = sectionTarget(role, section);
    targets.push(target);
    let seenBefore = false;
    if (target) {
      const byName = index[target.kind];
      const list = byName.get(target.name);
      seenBefore = list !== undefined;
      if (list) {
        list.push(section);
      } else {
        byName.set(target.name, [section]);
      }
    }
    const { sdkKey } = section;
    if (refused || !target || sdkKey === undefined) {
      continue;
    }
    // The config file files profiles by name, sso-session and services sections by their key; the credentials file, each by its key.
    const key = role === 'config' && target.kind !== 'profile' ? sdkKey : target.name;
    const which = role === 'config' && key === 'default' ? (isBareDefault(section) ? 'bare' : 'prefixed') : undefined;
    const shared = role === 'config' && key.includes('.');
    // A name met for the first time has no values yet: only keys that hold a dot are shared across kinds (see fileDotted).
    let record = which ? defaults[which] : shared ? dotted.get(sdkKey)?.record : seenBefore ? values.get(key) : undefined;
    // A prefixed section's key holds a dot, which no built-in name does (see sdkKeepsKey).
    const onBuiltIn = section.prefix === undefined && isInheritedName(sdkKey);
    for (const entry of section.entries) {
      if (storesValue(entry)) {
        if (!record) {
          record = {};
          if (which) {
            fileDefault(values, defaults, which, record);
          } else if (shared) {
            dotted.set(sdkKey, { key, record });
          } else {
            values.set(key, record);
          }
        }
        if (!onBuiltIn || sdkKeepsKey(sdkKey, entry.key)) {
          record[entry.key] = entry.value;
        }
      }
    }
  }
  fileDotted(values, dotted);
  const defaultSections = index.profile.get('default');
  if (role === 'config' && defaultSections) {
    const bare = defaultSections.filter(isBareDefault);
    index.profile.set(
      'default',
      bareDefaultIsHidden(role, defaultSections) ? defaultSections.filter(isPrefixedDefault) : bare.length > 0 ? bare : defaultSections,
    );
  }
  return { index, values: defaults.misplaced ? withDefaultFirst(values, defaults.prefixed ?? defaults.bare ?? {}) : values };
}

/**
 * Files the values of keys that hold a dot in the config file. The SDK's parser keeps
 * `[profile sso-session.corp]` and `[sso-session corp]` apart (`profile.sso-session.corp`,
 * `sso-session.corp`); `getConfigData` then gives both the key `sso-session.corp`, and the one the
 * parser met later replaces the other whole.
 */
function fileDotted(
  values: Map<string, Record<string, string>>,
  dotted: ReadonlyMap<string, { readonly key: string; readonly record: Record<string, string> }>,
): void {
  for (const { key, record } of dotted.values()) {
    values.set(key, record);
  }
}

/** The values of `[default]` and of `[profile default]`, and whether `default` is not first in the values. */
interface DefaultValues {
  bare?: Record<string, string>;
  prefixed?: Record<string, string>;
  misplaced?: boolean;
}

/**
 * Files the default profile's values as the SDK's `getConfigData` does: `[default]` first, and
 * `[profile default]` in its place. `[default]` is nearly always the first section that holds a
 * value; otherwise the values are put in order once all are read (see withDefaultFirst).
 */
function fileDefault(
  values: Map<string, Record<string, string>>,
  defaults: DefaultValues,
  which: 'bare' | 'prefixed',
  record: Record<string, string>,
): void {
  defaults[which] = record;
  if (which === 'prefixed' || values.size === 0) {
    values.set('default', record);
  } else {
    defaults.misplaced = true;
  }
}

/** The values with `default` first. */
function withDefaultFirst(values: ReadonlyMap<string, SectionValues>, first: SectionValues): SdkSections {
  const ordered = new Map<string, SectionValues>([['default', first]]);
  for (const [key, record] of values) {
    if (key !== 'default') {
      ordered.set(key, record);
    }
  }
  return ordered;
}
