import { readFile } from 'node:fs/promises';
import type { SharedFilePaths } from './filePaths';
import { scanIni, type IniScan, type IniSection } from './iniScan';

export type FileRole = 'config' | 'credentials';

export type SectionValues = Readonly<Record<string, string | undefined>>;

/** `section -> key -> value`: what the SDK loader returns for a file, as a map. */
export type SdkSections = ReadonlyMap<string, SectionValues>;

export interface SharedFile {
  readonly role: FileRole;
  readonly path: string;
  /** The text as read, or undefined when the file does not exist or could not be read. */
  readonly text: string | undefined;
  /** Why an existing file could not be read (permission denied, a folder, ...). */
  readonly readError: string | undefined;
  readonly scan: IniScan;
  /** The sections that define each profile, sso-session and services section, built once per read. */
  readonly index: SectionIndex;
  /** The values the SDK loader reads from this file, taken from the scan (see sdkSections). */
  readonly values: SdkSections;
}

/** The sections that define each profile, sso-session and services section of a file, by name. */
export interface SectionIndex extends Readonly<Record<SectionKind, ReadonlyMap<string, readonly IniSection[]>>> {
  /** What each section of the scan defines, in scan order (see sectionTarget). */
  readonly targets: readonly (SectionTarget | undefined)[];
}

export interface SharedFiles {
  readonly config: SharedFile;
  readonly credentials: SharedFile;
}

export type SectionKind = 'profile' | 'sso-session' | 'services';

export interface SectionTarget {
  readonly kind: SectionKind;
  readonly name: string;
}

/**
 * Reads both files once. Values come from the scan, which follows the SDK's parser rule for rule (a
 * property test holds the two equal), so the bytes are parsed once rather than twice.
 */
export async function loadSharedFiles(paths: SharedFilePaths): Promise<SharedFiles> {
  const [config, credentials] = await Promise.all([settle('config', paths.config), settle('credentials', paths.credentials)]);
  return { config, credentials };
}

/** Builds a file from text already in hand, for tests and for edits that are not yet written. */
export function sharedFileFromText(role: FileRole, path: string, text: string | undefined): SharedFile {
  const scan = scanIni(text ?? '');
  return { role, path, text, readError: undefined, scan, index: sectionIndexOf(role, scan), values: sdkSections(role, scan) };
}

async function settle(role: FileRole, path: string): Promise<SharedFile> {
  try {
    return sharedFileFromText(role, path, await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const readError = code === 'ENOENT' || code === 'ENOTDIR' ? undefined : describeReadError(code);
    return { ...sharedFileFromText(role, path, undefined), readError };
  }
}

function describeReadError(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ELOOP':
      return 'it is a symbolic link that points to itself';
    default:
      return `it could not be read (${code ?? 'unknown error'})`;
  }
}

/**
 * What a section defines, in the SDK's terms. In the config file only `[default]` and prefixed
 * sections count; in the credentials file a section name is a profile name, taken literally, and
 * prefixed sections (`[profile x]`) define nothing that a profile name can reach.
 */
export function sectionTarget(role: FileRole, section: IniSection): SectionTarget | undefined {
  const key = section.sdkKey;
  if (key === undefined) {
    return undefined;
  }
  if (role === 'credentials') {
    return section.prefix === undefined ? { kind: 'profile', name: key } : undefined;
  }
  if (section.prefix !== undefined) {
    return { kind: section.prefix, name: section.name };
  }
  if (key === 'default') {
    return { kind: 'profile', name: 'default' };
  }
  const dot = key.indexOf('.');
  const kind = key.slice(0, dot);
  if (dot === -1 || (kind !== 'profile' && kind !== 'sso-session' && kind !== 'services')) {
    return undefined;
  }
  return { kind, name: key.slice(dot + 1) };
}

/** The sections of one profile, sso-session or services section in a read file. */
export function sectionsIn(file: SharedFile, kind: SectionKind, name: string): readonly IniSection[] {
  return file.index[kind].get(name) ?? [];
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

/** The sections the SDK reads for one profile in a text being edited. */
export function profileSections(role: FileRole, scan: IniScan, name: string): readonly IniSection[] {
  return sectionIndexOf(role, scan).profile.get(name) ?? [];
}

/**
 * Groups sections by what they define. In the config file, `[profile default]` replaces `[default]`
 * whole as soon as it holds a value, so only those sections count for `default` then.
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
    const prefixed = defaults.filter((section) => section.sdkKey === 'profile.default');
    const prefixedHoldsValues = prefixed.some((section) => section.entries.some((entry) => !entry.opensSubSection));
    index.profile.set('default', prefixedHoldsValues ? prefixed : defaults.filter((section) => section.sdkKey === 'default'));
  }
  return index;
}

/**
 * What `loadSharedConfigFiles` returns for a file, from its scan: the parser files each value under
 * its section's key (sections with the same key merge, a section appears once it holds a value,
 * a file the parser refuses is empty); for the config file, `[profile x]` becomes `x`,
 * `[sso-session x]` and `[services x]` keep their prefix, and other sections are dropped.
 * Values are plain objects filled by plain assignment, as in the SDK, so a key named `__proto__`
 * is dropped as it is there. (The SDK keeps sections in a plain object too, where `[constructor]`
 * writes its values onto the global `Object`; here such a section simply holds its own values.)
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
    for (const entry of section.entries) {
      if (!entry.opensSubSection) {
        if (!values) {
          values = {};
          parsed.set(sectionKey, values);
        }
        values[entry.key] = entry.value;
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
    const dot = key.indexOf('.');
    const prefix = dot === -1 ? '' : key.slice(0, dot);
    if (prefix === 'profile') {
      const name = key.slice(dot + 1);
      // The SDK assigns into a plain object, where `__proto__` replaces the prototype instead.
      if (name !== '__proto__') {
        config.set(name, values);
      }
    } else if (prefix === 'sso-session' || prefix === 'services') {
      config.set(key, values);
    }
  }
  return config;
}
