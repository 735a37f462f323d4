/**
 * What the sections of a scanned file mean to the SDK: which sections define each profile,
 * sso-session and services section (the section index), and the values the SDK's loader returns.
 */
import type { FileRole } from '../files/roles';
import type { IniScan, IniSection } from './scan';
import { isInheritedName, sdkKeepsKey } from './builtIns';
import {
  bareDefaultIsHidden,
  holdsValue,
  isBareDefault,
  isPrefixedDefault,
  isSectionPrefix,
  refusedProfileName,
  sdkKeyParts,
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

/** Edits look up several profiles in the same scan, often the scan of the read before them. */
const sectionIndexes: Record<FileRole, WeakMap<IniScan, SectionIndex>> = { config: new WeakMap(), credentials: new WeakMap() };

/** The section index of a scan, built once per scan: a read and the edits after it share it. */
export function sectionIndexOf(role: FileRole, scan: IniScan): SectionIndex {
  let index = sectionIndexes[role].get(scan);
  if (!index) {
    index = indexSections(role, scan);
    sectionIndexes[role].set(scan, index);
  }
  return index;
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
 * Groups sections by what they define; a hidden `[default]` (see bareDefaultIsHidden) defines
 * nothing, and an empty `[profile default]` only when there is no `[default]`.
 */
function indexSections(role: FileRole, scan: IniScan): SectionIndex {
  const targets = scan.sections.map((section) => sectionTarget(role, section));
  const index = {
    profile: new Map<string, IniSection[]>(),
    'sso-session': new Map<string, IniSection[]>(),
    services: new Map<string, IniSection[]>(),
    targets,
  };
  scan.sections.forEach((section, position) => {
    const target = targets[position];
    if (target) {
      const byName = index[target.kind];
      const list = byName.get(target.name);
      if (list) {
        list.push(section);
      } else {
        byName.set(target.name, [section]);
      }
    }
  });
  const defaults = index.profile.get('default');
  if (role === 'config' && defaults) {
    const bare = defaults.filter(isBareDefault);
    index.profile.set(
      'default',
      bareDefaultIsHidden(role, defaults) ? defaults.filter(isPrefixedDefault) : bare.length > 0 ? bare : defaults,
    );
  }
  return index;
}

/**
 * What `loadSharedConfigFiles` returns for a file, from its scan: the parser files each value under
 * its section's key (sections with the same key merge, a section appears once it holds a value,
 * a file the parser refuses is empty); for the config file, `[profile x]` becomes `x`,
 * `[sso-session x]` and `[services x]` keep their prefix, and other sections are dropped.
 * Values are plain objects filled by plain assignment, as in the SDK, so a key named `__proto__`
 * is dropped as it is there. A `[constructor]`-like section holds what a process that reads only
 * this file would find on the built-in it is written onto (see isInheritedName, sdkKeepsKey).
 */
export function sdkSections(role: FileRole, scan: IniScan): SdkSections {
  const parsed = new Map<string, Record<string, string>>();
  if (scan.sdkRejection !== undefined) {
    return parsed;
  }
  for (const section of scan.sections) {
    const sectionKey = section.sdkKey;
    if (sectionKey === undefined) {
      continue;
    }
    let values = parsed.get(sectionKey);
    // A prefixed section's key holds a dot, which no built-in name does (see sdkKeepsKey).
    const onBuiltIn = section.prefix === undefined && isInheritedName(sectionKey);
    for (const entry of section.entries) {
      if (storesValue(entry)) {
        if (!values) {
          values = {};
          parsed.set(sectionKey, values);
        }
        if (!onBuiltIn || sdkKeepsKey(sectionKey, entry.key)) {
          values[entry.key] = entry.value;
        }
      }
    }
  }
  return role === 'config' ? configSections(parsed) : parsed;
}

/** The SDK's `getConfigData`: `[default]` first, then each prefixed section in order, later ones replacing earlier ones. */
function configSections(parsed: ReadonlyMap<string, SectionValues>): SdkSections {
  const config = new Map<string, SectionValues>();
  const unprefixedDefault = parsed.get('default');
  if (unprefixedDefault) {
    config.set('default', unprefixedDefault);
  }
  for (const [key, values] of parsed) {
    const parts = sdkKeyParts(key);
    if (parts?.prefix === 'profile') {
      // The SDK assigns into a plain object, where `__proto__` replaces the prototype instead.
      if (parts.name !== refusedProfileName) {
        config.set(parts.name, values);
      }
    } else if (parts && isSectionPrefix(parts.prefix)) {
      config.set(key, values);
    }
  }
  return config;
}
