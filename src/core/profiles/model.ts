/**
 * The profile model: what each profile is, in the AWS SDK's terms, and where it is written.
 * Values and places both come from the scan, which reads the bytes as the SDK loader does.
 */
import { createHash } from 'node:crypto';
import type { FileRole } from '../files/roles';
import type { IniSection } from '../ini/scan';
import { hiddenDefaults } from '../ini/sections';
import { memo } from '../memo';
import { isSecretKey, maskedSecret } from '../secrets';
import { sectionsIn, valuesIn, type SharedFile, type SharedFiles } from './read';

export interface Location {
  readonly file: FileRole;
  readonly path: string;
  /** 1-based, as people count lines. */
  readonly line: number;
  /** The part of the line meant, for the editor; the whole line when absent (a header line is always its header). */
  readonly part?: LinePart;
}

/** What part of a line a location points at: its key, its value, or the section header. */
export type LinePart = 'line' | 'key' | 'value' | 'header';

interface ProfileCommon {
  readonly name: string;
  readonly region: string | undefined;
  readonly output: string | undefined;
  readonly endpointUrl: string | undefined;
  /** `ca_bundle`: a PEM file of certificate authorities to trust (see net/caBundle). */
  readonly caBundle: string | undefined;
  readonly mfaSerial: string | undefined;
  /** Every setting as the SDK merges the two files, with secret values masked. */
  readonly settings: ReadonlyMap<string, string>;
  /** The section headers that define the profile, config file first. */
  readonly definitions: readonly Location[];
  /**
   * Sections the SDK ignores while the definitions exist and reads once they are gone: a
   * `[default]` that `[profile default]` hides. Deleting or renaming the profile brings them into use.
   */
  readonly hiddenDefinitions: readonly Location[];
  /**
   * Changes whenever a setting of the profile, or of a profile its credentials come from
   * (source_profile), changes; a one-way digest, so secrets cannot be read back from it.
   */
  readonly fingerprint: string;
}

export type ProfileKind =
  | { readonly kind: 'staticKeys'; readonly accessKeyId: string }
  | { readonly kind: 'sessionKeys'; readonly accessKeyId: string }
  | { readonly kind: 'assumeRole'; readonly roleArn: string; readonly sourceProfile: string }
  | { readonly kind: 'credentialSource'; readonly roleArn: string; readonly credentialSource: string }
  | { readonly kind: 'process'; readonly command: string }
  | {
      readonly kind: 'sso';
      readonly ssoSession: string | undefined;
      readonly startUrl: string | undefined;
      readonly accountId: string | undefined;
      readonly roleName: string | undefined;
    }
  | { readonly kind: 'webIdentity'; readonly roleArn: string; readonly tokenFile: string }
  | { readonly kind: 'login'; readonly loginSession: string }
  | { readonly kind: 'invalid' };

export type Profile = ProfileCommon & ProfileKind;

export type RawSettings = Readonly<Record<string, string | undefined>>;

const noSettings: RawSettings = Object.freeze({});

/**
 * The settings the SDK resolves for a profile: the config file's, overridden by the credentials
 * file's. A profile written in one file only shares that file's (read-only) values.
 */
export function rawSettings(files: SharedFiles, name: string): RawSettings {
  const fromConfig = valuesIn(files.config, 'profile', name);
  const fromCredentials = valuesIn(files.credentials, 'profile', name);
  if (!fromConfig || !fromCredentials) {
    return fromConfig ?? fromCredentials ?? noSettings;
  }
  // Merged once per read: every profile whose role chain passes through this one asks again.
  const merged = mergedSettings(files);
  let settings = merged.get(name);
  if (!settings) {
    // Object.assign, not a spread: the same own keys in the same order, about ten times faster on these records.
    settings = Object.assign({}, fromConfig, fromCredentials);
    merged.set(name, settings);
  }
  return settings;
}

const mergedSettings = memo<SharedFiles, [], Map<string, RawSettings>>(() => new Map());

/** The profile names defined in either file, in order of first appearance, config file first. */
export function profileNames(files: SharedFiles): string[] {
  const names = [...files.config.index.profile.keys()];
  for (const name of files.credentials.index.profile.keys()) {
    if (!files.config.index.profile.has(name)) {
      names.push(name);
    }
  }
  return names;
}

/** The kind the SDK resolves on the first hop: role first, then keys, web identity, process, SSO, login. */
export function profileKind(settings: RawSettings): ProfileKind {
  const {
    role_arn: roleArn,
    source_profile: sourceProfile,
    credential_source: credentialSource,
    aws_access_key_id: accessKeyId,
    aws_secret_access_key: secret,
  } = settings;
  if (roleArn !== undefined && sourceProfile !== undefined && credentialSource === undefined) {
    return { kind: 'assumeRole', roleArn, sourceProfile };
  }
  if (roleArn !== undefined && credentialSource !== undefined && sourceProfile === undefined) {
    return { kind: 'credentialSource', roleArn, credentialSource };
  }
  if (accessKeyId !== undefined && secret !== undefined) {
    return settings['aws_session_token'] === undefined ? { kind: 'staticKeys', accessKeyId } : { kind: 'sessionKeys', accessKeyId };
  }
  if (settings['web_identity_token_file'] !== undefined && roleArn !== undefined) {
    return { kind: 'webIdentity', roleArn, tokenFile: settings['web_identity_token_file'] };
  }
  if (settings['credential_process'] !== undefined) {
    return { kind: 'process', command: settings['credential_process'] };
  }
  const ssoKeys = ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'];
  if (ssoKeys.some((key) => settings[key] !== undefined)) {
    return {
      kind: 'sso',
      ssoSession: settings['sso_session'],
      startUrl: settings['sso_start_url'],
      accountId: settings['sso_account_id'],
      roleName: settings['sso_role_name'],
    };
  }
  if (settings['login_session']) {
    return { kind: 'login', loginSession: settings['login_session'] };
  }
  return { kind: 'invalid' };
}

/** True where the SDK takes static keys, which it prefers on every hop after the first. */
export function hasStaticKeys(settings: RawSettings): boolean {
  return settings['aws_access_key_id'] !== undefined && settings['aws_secret_access_key'] !== undefined;
}

export function definitionsOf(file: SharedFile, name: string): Location[] {
  return locationsOf(file, sectionsIn(file, 'profile', name));
}

function locationsOf(file: SharedFile, sections: readonly IniSection[]): Location[] {
  return sections.map((section) => ({ file: file.role, path: file.path, line: section.index + 1 }));
}

/**
 * A profile of a read. The masked settings, the definitions and the fingerprint are worked out
 * when first asked for: a snapshot builds every profile, most of which nobody opens. The raw
 * settings stay in private fields, which neither serialisation nor a debugger's object view shows.
 */
class ProfileOfRead implements ProfileCommon {
  readonly #files: SharedFiles;
  readonly #settings: RawSettings;
  #masked: ReadonlyMap<string, string> | undefined;
  #definitions: readonly Location[] | undefined;
  #fingerprint: string | undefined;

  constructor(
    files: SharedFiles,
    readonly name: string,
    settings: RawSettings,
  ) {
    this.#files = files;
    this.#settings = settings;
  }

  get region(): string | undefined {
    return this.#settings['region'];
  }

  get output(): string | undefined {
    return this.#settings['output'];
  }

  get endpointUrl(): string | undefined {
    return this.#settings['endpoint_url'];
  }

  get caBundle(): string | undefined {
    return this.#settings['ca_bundle'];
  }

  get mfaSerial(): string | undefined {
    return this.#settings['mfa_serial'];
  }

  get settings(): ReadonlyMap<string, string> {
    return (this.#masked ??= maskSecrets(this.#settings));
  }

  get definitions(): readonly Location[] {
    return (this.#definitions ??= [...definitionsOf(this.#files.config, this.name), ...definitionsOf(this.#files.credentials, this.name)]);
  }

  get hiddenDefinitions(): readonly Location[] {
    const { config } = this.#files;
    return this.name === 'default' ? locationsOf(config, hiddenDefaults(config.role, config.scan)) : [];
  }

  get fingerprint(): string {
    return (this.#fingerprint ??= chainFingerprint(this.#files, this.name, this.#settings));
  }
}

export function buildProfile(
  files: SharedFiles,
  name: string,
  settings: RawSettings = rawSettings(files, name),
  kind: ProfileKind = profileKind(settings),
): Profile {
  return Object.assign(new ProfileOfRead(files, name, settings), kind);
}

function maskSecrets(settings: RawSettings): ReadonlyMap<string, string> {
  const masked = new Map<string, string>();
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) {
      masked.set(key, isSecretKey(key) ? maskedSecret : value);
    }
  }
  return masked;
}

function chainFingerprint(files: SharedFiles, name: string, settings: RawSettings): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  let current: string | undefined = name;
  let currentSettings = settings;
  while (current !== undefined && !seen.has(current) && seen.size < 10) {
    seen.add(current);
    // In code unit order: the first localeCompare of an extension host loads ICU's collation, 40 ms of the first connect.
    const keys = Object.keys(currentSettings).sort();
    hash.update(JSON.stringify([current, keys.map((key) => [key, currentSettings[key]])]));
    current = currentSettings['source_profile'];
    currentSettings = current === undefined ? {} : rawSettings(files, current);
  }
  return hash.digest('base64url').slice(0, 22);
}

export function buildProfiles(files: SharedFiles): Profile[] {
  return profileNames(files).map((name) => buildProfile(files, name));
}
