import { loadSharedConfigFiles, readFile } from '@smithy/core/config';
import type { SharedFilePaths } from './filePaths';
import { scanIni, type IniScan, type IniSection } from './iniScan';

export type FileRole = 'config' | 'credentials';

/** `section -> key -> value`, as the SDK loader returns it. */
export type SdkIniData = Readonly<Record<string, Readonly<Record<string, string | undefined>>>>;

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
}

export type SectionIndex = ReadonlyMap<string, readonly IniSection[]>;

export interface SharedFiles {
  readonly config: SharedFile;
  readonly credentials: SharedFile;
  /** What the SDK loader made of the same bytes: the source of truth for values. */
  readonly sdk: { readonly configFile: SdkIniData; readonly credentialsFile: SdkIniData };
}

export type SectionKind = 'profile' | 'sso-session' | 'services';

export interface SectionTarget {
  readonly kind: SectionKind;
  readonly name: string;
}

/**
 * Reads both files once and hands the same bytes to the SDK loader and to the scan.
 * The loader keeps the promise of its last read per path: reading with `ignoreCache` refreshes it,
 * and the loader, called in the same tick without `ignoreCache`, parses that very read.
 */
export async function loadSharedFiles(paths: SharedFilePaths): Promise<SharedFiles> {
  const configRead = readFile(paths.config, { ignoreCache: true });
  const credentialsRead = readFile(paths.credentials, { ignoreCache: true });
  const sdkData = loadSharedConfigFiles({ configFilepath: paths.config, filepath: paths.credentials });
  const [config, credentials, sdk] = await Promise.all([
    settle('config', paths.config, configRead),
    settle('credentials', paths.credentials, credentialsRead),
    sdkData,
  ]);
  return { config, credentials, sdk };
}

/** Builds a file from text already in hand, for tests and for edits that are not yet written. */
export function sharedFileFromText(role: FileRole, path: string, text: string | undefined): SharedFile {
  const scan = scanIni(text ?? '');
  return { role, path, text, readError: undefined, scan, index: indexSections(role, scan) };
}

async function settle(role: FileRole, path: string, read: Promise<string>): Promise<SharedFile> {
  try {
    return sharedFileFromText(role, path, await read);
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
  return file.index.get(indexKey(kind, name)) ?? [];
}

/** Edits look up several profiles in the same scan: its index is built once. */
const editIndexes: Record<FileRole, WeakMap<IniScan, SectionIndex>> = { config: new WeakMap(), credentials: new WeakMap() };

/** The sections the SDK reads for one profile in a text being edited. */
export function profileSections(role: FileRole, scan: IniScan, name: string): readonly IniSection[] {
  let index = editIndexes[role].get(scan);
  if (!index) {
    index = indexSections(role, scan);
    editIndexes[role].set(scan, index);
  }
  return index.get(indexKey('profile', name)) ?? [];
}

function indexKey(kind: SectionKind, name: string): string {
  return `${kind}:${name}`;
}

/**
 * Groups sections by what they define. In the config file, `[profile default]` replaces `[default]`
 * whole as soon as it holds a value, so only those sections count for `default` then.
 */
export function indexSections(role: FileRole, scan: IniScan): Map<string, IniSection[]> {
  const index = new Map<string, IniSection[]>();
  for (const section of scan.sections) {
    const target = sectionTarget(role, section);
    if (target) {
      const key = indexKey(target.kind, target.name);
      const list = index.get(key);
      if (list) {
        list.push(section);
      } else {
        index.set(key, [section]);
      }
    }
  }
  const defaults = index.get(indexKey('profile', 'default'));
  if (role === 'config' && defaults) {
    const prefixed = defaults.filter((section) => section.sdkKey === 'profile.default');
    const prefixedHoldsValues = prefixed.some((section) => section.entries.some((entry) => !entry.opensSubSection));
    index.set(indexKey('profile', 'default'), prefixedHoldsValues ? prefixed : defaults.filter((section) => section.sdkKey === 'default'));
  }
  return index;
}
