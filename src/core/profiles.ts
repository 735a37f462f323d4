/**
 * The profile model: what each profile is, in the AWS SDK's terms, and where it is written.
 * Values come from the SDK loader; places come from the scan of the same bytes.
 */
import { createHash } from 'node:crypto';
import {
  sectionsIn,
  sectionTarget,
  type FileRole,
  type SdkIniData,
  type SharedFile,
  type SharedFiles,
} from './sharedFiles';

export interface Location {
  readonly file: FileRole;
  readonly path: string;
  /** 1-based, as people count lines. */
  readonly line: number;
}

export const secretKeys: ReadonlySet<string> = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);
export const credentialFileKeys: ReadonlySet<string> = new Set(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token']);

/** Secret keys, and keys that look like them (a misspelt secret key still holds a secret). */
export function isSecretKey(key: string): boolean {
  return secretKeys.has(key) || /secret|token|password/i.test(key);
}

export const supportedCredentialSources = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'] as const;

interface ProfileCommon {
  readonly name: string;
  readonly region: string | undefined;
  readonly output: string | undefined;
  readonly endpointUrl: string | undefined;
  readonly mfaSerial: string | undefined;
  /** Every setting as the SDK merges the two files, with secret values masked. */
  readonly settings: ReadonlyMap<string, string>;
  /** The section headers that define the profile, config file first. */
  readonly definitions: readonly Location[];
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

export const maskedSecret = '********';

/** The settings the SDK resolves for a profile: the config file's, overridden by the credentials file's. */
export function rawSettings(files: SharedFiles, name: string): RawSettings {
  return { ...ownSection(files.sdk.configFile, name), ...ownSection(files.sdk.credentialsFile, name) };
}

/** A section of the loader's result; names such as `constructor` must not reach `Object.prototype`. */
function ownSection(data: SdkIniData, name: string): RawSettings {
  return Object.prototype.hasOwnProperty.call(data, name) ? { ...data[name] } : {};
}

/** The profile names defined in either file, in order of first appearance, config file first. */
export function profileNames(files: SharedFiles): string[] {
  const names = new Set<string>();
  for (const file of [files.config, files.credentials]) {
    for (const section of file.scan.sections) {
      const target = sectionTarget(file.role, section);
      if (target?.kind === 'profile') {
        names.add(target.name);
      }
    }
  }
  return [...names];
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
    return settings['aws_session_token'] === undefined
      ? { kind: 'staticKeys', accessKeyId }
      : { kind: 'sessionKeys', accessKeyId };
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
  return sectionsIn(file, 'profile', name).map((section) => ({
    file: file.role,
    path: file.path,
    line: section.index + 1,
  }));
}

export function buildProfile(files: SharedFiles, name: string, settings: RawSettings = rawSettings(files, name)): Profile {
  const masked = new Map<string, string>();
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) {
      masked.set(key, isSecretKey(key) ? maskedSecret : value);
    }
  }
  return {
    name,
    region: settings['region'],
    output: settings['output'],
    endpointUrl: settings['endpoint_url'],
    mfaSerial: settings['mfa_serial'],
    settings: masked,
    definitions: [...definitionsOf(files.config, name), ...definitionsOf(files.credentials, name)],
    fingerprint: chainFingerprint(files, name, settings),
    ...profileKind(settings),
  };
}

function chainFingerprint(files: SharedFiles, name: string, settings: RawSettings): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  let current: string | undefined = name;
  let currentSettings = settings;
  while (current !== undefined && !seen.has(current) && seen.size < 10) {
    seen.add(current);
    hash.update(JSON.stringify([current, Object.entries(currentSettings).sort(([a], [b]) => a.localeCompare(b))]));
    current = currentSettings['source_profile'];
    currentSettings = current === undefined ? {} : rawSettings(files, current);
  }
  return hash.digest('base64url').slice(0, 22);
}

export function buildProfiles(files: SharedFiles): Profile[] {
  return profileNames(files).map((name) => buildProfile(files, name));
}
