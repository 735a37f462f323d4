/**
 * What the sections of a scanned file mean to the SDK: which sections define each profile,
 * sso-session and services section (the section index), and the values the SDK's loader returns.
 */
import { fileRoles, type FileRole } from '../files/roles';
import type { IniScan, IniSection } from './scan';
import { memoPer } from '../memo';
import { isInheritedName, sdkKeepsKey } from './builtIns';
import {
  bareDefaultIsHidden,
  holdsValue,
  isBareDefault,
  isPrefixedDefault,
  isSectionPrefix,
  sdkKeyParts,
  sectionTarget,
  storesValue,
  type SectionPrefix,
  type SectionTarget,
} from './syntax';

export type SectionValues = Readonly<Record<string, string | undefined>>;

/** `section -> key -> value`: what the SDK loader returns for a file, as a map. */
export type SdkSections = ReadonlyMap<string, SectionValues>;

/** What one name of one kind means in a file: the sections that define it, and the values the SDK reads from them. */
export interface Definition {
  readonly sections: readonly IniSection[];
  /** The first of the sections, without the list: what most who ask want. */
  readonly first: IniSection;
  /** What the SDK loader returns under this name's key (see sdkSections); undefined while no section of it holds a value. */
  readonly values: SectionValues | undefined;
}

/**
 * A name's definition as a read builds it, which is also the target of each of its sections (see
 * SectionIndex.targets). Nearly every name has one section, and nearly no one asks for the list: it
 * is made when first asked for. A read of 10,000 profiles keeps 20,000 of these alive while it
 * works, and each object less is one the young-generation collector does not copy.
 */
class NameDefinition implements Definition, SectionTarget {
  values: Record<string, string> | undefined = undefined;
  #sections: IniSection[] | undefined;

  constructor(
    readonly kind: SectionPrefix,
    readonly name: string,
    readonly first: IniSection,
    sections?: IniSection[],
  ) {
    this.#sections = sections;
  }

  get sections(): readonly IniSection[] {
    return (this.#sections ??= [this.first]);
  }

  add(section: IniSection): void {
    (this.#sections ??= [this.first]).push(section);
  }
}

/**
 * The profiles, sso-session and services sections of a file, by name: one map per kind, holding
 * both the sections and the values (a map of 10,000 names costs more to build than to scan them).
 */
export interface SectionIndex extends Readonly<Record<SectionPrefix, ReadonlyMap<string, Definition>>> {
  /**
   * What each section of the scan defines, in scan order (see sectionTarget): its name's definition,
   * which lists it (but for a `[default]` that `[profile default]` hides).
   */
  readonly targets: readonly (SectionTarget | undefined)[];
}

interface ReadSections {
  readonly index: SectionIndex;
  /** The keys and values of sdkSections, in the order it files them; `first`, set when `default` goes first. */
  readonly filed: readonly (readonly [string, SectionValues])[];
  readonly first: SectionValues | undefined;
}

/**
 * The section index and the SDK's values of a scan, found in one pass, once per scan and role: a
 * read and the edits after it share them, and edits look up several profiles in the same scan.
 */
const readScans = memoPer(fileRoles, readScan);

/** The section index of a scan (see readScans). */
export function sectionIndexOf(role: FileRole, scan: IniScan): SectionIndex {
  return readScans(role, scan).index;
}

/** The sections the SDK reads for one profile. */
export function profileSections(role: FileRole, scan: IniScan, name: string): readonly IniSection[] {
  return sectionIndexOf(role, scan).profile.get(name)?.sections ?? [];
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
 * Each value is the one the section index gives its name (see Definition); the map is made when
 * first asked for, which a read does not do.
 */
export function sdkSections(role: FileRole, scan: IniScan): SdkSections {
  return sdkMaps(role, scan);
}

const sdkMaps = memoPer(fileRoles, (role, scan: IniScan) => sdkMapOf(readScans(role, scan)));

function sdkMapOf({ filed, first }: ReadSections): SdkSections {
  const values = new Map(filed);
  return first ? withDefaultFirst(values, first) : values;
}

/** A key that holds a dot, and the section it was last filed from (see fileDotted). */
interface DottedKey {
  readonly key: string;
  readonly record: Record<string, string>;
}

/**
 * One pass over the sections: what each defines, grouped by name (a hidden `[default]`, see
 * bareDefaultIsHidden, defines nothing, and an empty `[profile default]` only when there is no
 * `[default]`), with the values of each (see sdkSections).
 */
function readScan(role: FileRole, scan: IniScan): ReadSections {
  const { sections } = scan;
  const targets: (SectionTarget | undefined)[] = [];
  const index = {
    profile: new Map<string, NameDefinition>(),
    'sso-session': new Map<string, NameDefinition>(),
    services: new Map<string, NameDefinition>(),
    targets,
  };
  // The keys and records in the order the SDK's loader files them (see sdkSections).
  const filed: [string, Record<string, string>][] = [];
  // `[default]` and `[profile default]` merge apart: the second, once it holds a value, replaces the first whole.
  const defaults: DefaultValues = {};
  // A profile named like a prefixed key (`[profile sso-session.corp]`) shares its key with that section (see fileDotted).
  const dotted = new Map<string, DottedKey>();
  const refused = scan.sdkRejection !== undefined;
  for (const section of sections) {
    const target = sectionTarget(role, section);
    if (!target) {
      targets.push(undefined);
      continue;
    }
    const byName = index[target.kind];
    let definition = byName.get(target.name);
    if (definition) {
      definition.add(section);
    } else {
      definition = new NameDefinition(target.kind, target.name, section);
      byName.set(target.name, definition);
    }
    targets.push(definition);
    const { sdkKey } = section;
    if (refused || sdkKey === undefined) {
      continue;
    }
    // The config file files profiles by name, sso-session and services sections by their key; the credentials file, each by its key.
    const key = role === 'config' && target.kind !== 'profile' ? sdkKey : target.name;
    const which = role === 'config' && key === 'default' ? (isBareDefault(section) ? 'bare' : 'prefixed') : undefined;
    // Only a key that holds a dot can belong to two names; any other is its definition's alone.
    const shared = role === 'config' && key.includes('.');
    let record = which ? defaults[which] : shared ? dotted.get(sdkKey)?.record : definition.values;
    // A prefixed section's key holds a dot, which no built-in name does (see sdkKeepsKey).
    const onBuiltIn = section.prefix === undefined && isInheritedName(sdkKey);
    for (const entry of section.entries) {
      if (storesValue(entry)) {
        if (!record) {
          record = {};
          if (which) {
            fileDefault(filed, defaults, which, record);
          } else if (shared) {
            dotted.set(sdkKey, { key, record });
          } else {
            definition.values = record;
            filed.push([key, record]);
          }
        }
        if (!onBuiltIn || sdkKeepsKey(sdkKey, entry.key)) {
          record[entry.key] = entry.value;
        }
      }
    }
  }
  fileDotted(filed, dotted, index);
  const defaultProfile = index.profile.get('default');
  if (role === 'config' && defaultProfile) {
    const defaultSections = defaultProfile.sections;
    const bare = defaultSections.filter(isBareDefault);
    const chosen = bareDefaultIsHidden(role, defaultSections)
      ? defaultSections.filter(isPrefixedDefault)
      : bare.length > 0
        ? bare
        : [...defaultSections];
    const definition = new NameDefinition('profile', 'default', chosen[0] as IniSection, chosen);
    definition.values = defaults.prefixed ?? defaults.bare;
    index.profile.set('default', definition);
  }
  return { index, filed, first: defaults.misplaced ? (defaults.prefixed ?? defaults.bare ?? {}) : undefined };
}

/**
 * Files the values of keys that hold a dot in the config file. The SDK's parser keeps
 * `[profile sso-session.corp]` and `[sso-session corp]` apart (`profile.sso-session.corp`,
 * `sso-session.corp`); `getConfigData` then gives both the key `sso-session.corp`, and the one the
 * parser met later replaces the other whole: both names read the later one's values, also the one
 * whose own sections hold none.
 */
function fileDotted(
  filed: [string, Record<string, string>][],
  dotted: ReadonlyMap<string, DottedKey>,
  index: Readonly<Record<SectionPrefix, ReadonlyMap<string, NameDefinition>>>,
): void {
  const winners = new Map<string, Record<string, string>>();
  for (const { key, record } of dotted.values()) {
    filed.push([key, record]);
    winners.set(key, record);
  }
  for (const [key, record] of winners) {
    const parts = sdkKeyParts(key);
    const prefixed = parts && parts.prefix !== 'profile' && isSectionPrefix(parts.prefix) ? index[parts.prefix].get(parts.name) : undefined;
    for (const definition of [index.profile.get(key), prefixed]) {
      if (definition) {
        definition.values = record;
      }
    }
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
  filed: [string, Record<string, string>][],
  defaults: DefaultValues,
  which: 'bare' | 'prefixed',
  record: Record<string, string>,
): void {
  defaults[which] = record;
  if (which === 'prefixed' || filed.length === 0) {
    filed.push(['default', record]);
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
