/**
 * Every problem a user must be told about, per profile and per file, each with a plain message
 * and a fix. Profile rules follow how the AWS SDK for JavaScript resolves credentials; line rules
 * point at what its parser silently ignores. Messages name keys, never values of secrets.
 */
import { closestMatch } from './didYouMean';
import { checkProfileName } from './fieldRules';
import type { IniSection } from './iniScan';
import { knownRegions, profileKeys, ssoSessionKeys } from './knownKeys';
import {
  buildProfile,
  hasStaticKeys,
  profileKind,
  profileNames,
  rawSettings,
  supportedCredentialSources,
  type Location,
  type Profile,
  type RawSettings,
} from './profiles';
import { sectionTarget, sectionsIn, type SharedFile, type SharedFiles } from './sharedFiles';

export type Severity = 'error' | 'warning';

export interface Problem {
  readonly severity: Severity;
  /** What is wrong, phrased to follow "Profile NAME is not a valid Credential Profile: ". */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  readonly location: Location | undefined;
}

export type ProfileStatus = 'valid' | 'warning' | 'invalid';

export interface ProfileReport {
  readonly profile: Profile;
  readonly status: ProfileStatus;
  readonly problems: readonly Problem[];
}

export interface Validation {
  readonly reports: readonly ProfileReport[];
  /** Problems that belong to no profile: unreadable files, ignored sections, stray lines. */
  readonly fileProblems: readonly Problem[];
}

const accessKeyIdPattern = /^[A-Z0-9]{16,128}$/;
const awsRegionPattern = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
const hostLabelPattern = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const cliOnlySections = new Set(['plugins', 'preview']);

export function validate(files: SharedFiles): Validation {
  const names = profileNames(files);
  const byProfile = new Map<string, Problem[]>(names.map((name) => [name, []]));
  const fileProblems: Problem[] = [];
  const report = (profile: string | undefined, problem: Problem): void => {
    const list = profile === undefined ? undefined : byProfile.get(profile);
    (list ?? fileProblems).push(problem);
  };
  for (const file of [files.config, files.credentials]) {
    checkFile(file, report);
  }
  const known = new Set(names);
  const cache = new Map<string, RawSettings>();
  const settingsOf: SettingsOf = (name) => {
    let settings = cache.get(name);
    if (!settings) {
      settings = rawSettings(files, name);
      cache.set(name, settings);
    }
    return settings;
  };
  for (const name of names) {
    byProfile.get(name)?.unshift(...profileProblems(files, name, known, settingsOf));
  }
  const reports = names.map((name) => {
    const problems = byProfile.get(name) ?? [];
    return { profile: buildProfile(files, name, settingsOf(name)), status: statusOf(problems), problems };
  });
  return { reports, fileProblems };
}

export function statusOf(problems: readonly Problem[]): ProfileStatus {
  if (problems.some((problem) => problem.severity === 'error')) {
    return 'invalid';
  }
  return problems.length > 0 ? 'warning' : 'valid';
}

export interface LogLine {
  readonly level: 'error' | 'warn';
  readonly message: string;
}

/** What the log channel shows for a validation: file problems, then each profile's. */
export function validationLogLines(validation: Validation): LogLine[] {
  const lines: LogLine[] = validation.fileProblems.map((problem) => ({ level: 'warn', message: `${problem.message}. ${problem.fix}` }));
  for (const report of validation.reports) {
    if (report.status === 'invalid') {
      const [invalid, notUsed] = invalidProfileLogLines(report);
      lines.push({ level: 'error', message: invalid ?? '' }, { level: 'warn', message: notUsed ?? '' });
    }
    for (const problem of report.problems.filter((candidate) => candidate.severity === 'warning')) {
      const where = problem.location ? ` (${problem.location.path}:${problem.location.line})` : '';
      lines.push({ level: 'warn', message: `Profile ${report.profile.name}: ${problem.message}${where}. ${problem.fix}` });
    }
  }
  return lines;
}

/** The two lines logged for a profile that will not be offered as working. */
export function invalidProfileLogLines(report: ProfileReport): string[] {
  const name = report.profile.name;
  const reasons = report.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message);
  return [
    `Profile ${name} is not a valid Credential Profile: ${reasons.join('; ')}`,
    `Shared Credentials Profile ${name} is not valid. It will not be used.`,
  ];
}

const error = (message: string, fix: string, location: Location | undefined): Problem => ({
  severity: 'error',
  message,
  fix,
  location,
});
const warning = (message: string, fix: string, location: Location | undefined): Problem => ({
  severity: 'warning',
  message,
  fix,
  location,
});

function lineOf(file: SharedFile, index: number): Location {
  return { file: file.role, path: file.path, line: index + 1 };
}

/** Where the SDK takes a key of a profile from: the last line setting it, the credentials file first. */
function keyLocation(files: SharedFiles, name: string, key: string): Location | undefined {
  for (const file of [files.credentials, files.config]) {
    const entry = sectionsIn(file, 'profile', name)
      .flatMap((section) => section.entries)
      .filter((candidate) => candidate.key === key && !candidate.opensSubSection)
      .at(-1);
    if (entry) {
      return lineOf(file, entry.index);
    }
  }
  return undefined;
}

function headerLocation(files: SharedFiles, name: string): Location | undefined {
  for (const file of [files.config, files.credentials]) {
    const section = sectionsIn(file, 'profile', name)[0];
    if (section) {
      return lineOf(file, section.index);
    }
  }
  return undefined;
}

/** A profile's settings as the SDK merges them, computed once per validation. */
type SettingsOf = (name: string) => RawSettings;

function profileProblems(files: SharedFiles, name: string, known: ReadonlySet<string>, settingsOf: SettingsOf): Problem[] {
  const settings = settingsOf(name);
  const at = (key: string): Location | undefined => keyLocation(files, name, key) ?? headerLocation(files, name);
  const problems: Problem[] = [];
  const kind = profileKind(settings);

  if (kind.kind === 'invalid') {
    problems.push(...whyNoCredentials(settings, at, headerLocation(files, name)));
  }
  if (settings['role_arn'] !== undefined && settings['source_profile'] !== undefined && settings['credential_source'] !== undefined) {
    problems.push(
      error(
        'credential_source and source_profile cannot both be set',
        'Keep source_profile to assume the role with another profile\'s credentials, or credential_source to use the environment, EC2 or ECS credentials; delete the other line.',
        at('credential_source'),
      ),
    );
  }
  const credentialSource = settings['credential_source'];
  if (credentialSource !== undefined && !isSupportedCredentialSource(credentialSource)) {
    const suggestion = closestMatch(credentialSource, supportedCredentialSources);
    problems.push(
      error(
        `credential_source ${credentialSource} is not supported`,
        suggestion
          ? `Did you mean ${suggestion}? The value is case-sensitive.`
          : `Use one of ${supportedCredentialSources.join(', ')}.`,
        at('credential_source'),
      ),
    );
  }
  problems.push(...accessKeyProblems(settings, at));
  if (kind.kind === 'assumeRole') {
    const chainProblem = roleChainProblem(settingsOf, name, known, at('source_profile'));
    if (chainProblem) {
      problems.push(chainProblem);
    }
  }
  if (kind.kind === 'sso') {
    problems.push(...ssoProblems(files, settings, at));
  }
  problems.push(...settingProblems(settings, at));
  const nameProblem = checkProfileName(name);
  if (nameProblem) {
    problems.push(warning(`the profile name cannot be used reliably: ${nameProblem}`, 'Rename the profile.', headerLocation(files, name)));
  }
  return problems;
}

function isSupportedCredentialSource(value: string): boolean {
  return (supportedCredentialSources as readonly string[]).includes(value);
}

function whyNoCredentials(
  settings: RawSettings,
  at: (key: string) => Location | undefined,
  header: Location | undefined,
): Problem[] {
  const has = (key: string): boolean => settings[key] !== undefined;
  const keys = Object.keys(settings);
  const addKeys = 'Add aws_access_key_id and aws_secret_access_key to its section in the credentials file.';
  if (keys.length === 0) {
    return [error('it has no settings', `${addKeys} Or delete the empty section.`, header)];
  }
  const misspelt = (key: string): string => {
    const typo = keys.find((candidate) => !profileKeys.has(candidate) && closestMatch(candidate, profileKeys) === key);
    return typo ? ` (${typo} looks like a misspelling of it)` : '';
  };
  if (has('aws_access_key_id') && !has('aws_secret_access_key')) {
    const typo = misspelt('aws_secret_access_key');
    const fix = typo ? 'Correct the misspelt key name.' : 'Add the aws_secret_access_key line that belongs to this access key.';
    return [error(`missing properties: aws_secret_access_key${typo}`, fix, at('aws_access_key_id'))];
  }
  if (has('aws_secret_access_key') && !has('aws_access_key_id')) {
    const typo = misspelt('aws_access_key_id');
    const fix = typo ? 'Correct the misspelt key name.' : 'Add the aws_access_key_id line that belongs to this secret key.';
    return [error(`missing properties: aws_access_key_id${typo}`, fix, at('aws_secret_access_key'))];
  }
  if (has('aws_session_token')) {
    return [
      error(
        'missing properties: aws_access_key_id, aws_secret_access_key (a session token alone is not a credential)',
        'Paste the access key ID and secret access key that came with the session token.',
        at('aws_session_token'),
      ),
    ];
  }
  if (has('role_arn') && has('source_profile') && has('credential_source')) {
    return [];
  }
  if (has('role_arn') && !has('web_identity_token_file')) {
    return [error('role_arn needs source_profile or credential_source', 'Add source_profile = NAME (the profile whose credentials assume the role) or credential_source = Environment, Ec2InstanceMetadata or EcsContainer.', at('role_arn'))];
  }
  if (has('web_identity_token_file')) {
    return [error('web_identity_token_file needs role_arn', 'Add role_arn = the ARN of the role to assume with the token.', at('web_identity_token_file'))];
  }
  if (has('credential_source')) {
    return [error('credential_source needs role_arn', 'Add role_arn = the ARN of the role to assume with those credentials.', at('credential_source'))];
  }
  const unknown = keys.filter((key) => !profileKeys.has(key) && !key.includes('.'));
  if (unknown.length === keys.length) {
    const described = unknown.map((key) => {
      const suggestion = closestMatch(key, profileKeys);
      return suggestion ? `${key} (did you mean ${suggestion}?)` : key;
    });
    return [error(`it has no setting the AWS SDK knows: ${described.join(', ')}`, 'Correct the misspelled keys; the AWS SDK ignores the others.', at(unknown[0] ?? ''))];
  }
  return [error(`it has no credentials, only ${keys.join(', ')}`, `${addKeys} Or use role_arn with source_profile, credential_process or sso_session.`, header)];
}

function accessKeyProblems(settings: RawSettings, at: (key: string) => Location | undefined): Problem[] {
  const accessKeyId = settings['aws_access_key_id'];
  if (accessKeyId === undefined) {
    return [];
  }
  // Local emulators accept any key id, so a profile with endpoint_url only gets a warning.
  const formatProblem = settings['endpoint_url'] === undefined ? error : warning;
  const problems: Problem[] = [];
  const where = at('aws_access_key_id');
  if (!accessKeyIdPattern.test(accessKeyId)) {
    problems.push(
      formatProblem(
        `aws_access_key_id is not an AWS access key ID: it must be 16 to 128 capital letters and digits, not ${accessKeyId.length} characters${/[^A-Z0-9]/.test(accessKeyId) ? ' with other characters' : ''}`,
        'Copy the access key ID again from the IAM console or from the file AWS gave you; it starts with AKIA or ASIA.',
        where,
      ),
    );
  } else if (!accessKeyId.startsWith('AKIA') && !accessKeyId.startsWith('ASIA')) {
    problems.push(formatProblem('aws_access_key_id does not start with AKIA or ASIA', 'Check that the access key ID was not swapped with another value.', where));
  }
  const hasToken = settings['aws_session_token'] !== undefined;
  if (accessKeyId.startsWith('AKIA') && hasToken) {
    problems.push(
      error(
        'aws_session_token is set beside a long-term access key (AKIA...): AWS rejects the pair with InvalidClientTokenId',
        'Delete the aws_session_token line: long-term keys need no session token.',
        at('aws_session_token'),
      ),
    );
  }
  if (accessKeyId.startsWith('ASIA') && !hasToken) {
    problems.push(
      error(
        'aws_access_key_id is a temporary key (ASIA...) but aws_session_token is missing',
        'Add the aws_session_token that came with this temporary key, or paste new temporary credentials.',
        where,
      ),
    );
  }
  return problems;
}

/** Follows source_profile the way the SDK does: on every hop after the first, static keys end the chain. */
function roleChainProblem(
  settingsOf: SettingsOf,
  start: string,
  known: ReadonlySet<string>,
  where: Location | undefined,
): Problem | undefined {
  const chain = [start];
  const visited = new Set<string>();
  let settings = settingsOf(start);
  for (;;) {
    const source = settings['source_profile'] ?? '';
    chain.push(source);
    if (visited.has(source)) {
      return error(
        `Cycle detected within Shared Credentials Profiles. Reference chain: ${untilFirstRepeat(chain).join(' -> ')}`,
        'Point one source_profile in the chain at a profile with its own credentials (access keys, credential_process or SSO).',
        where,
      );
    }
    if (!known.has(source)) {
      return error(
        `source_profile ${source} does not exist. Reference chain: ${chain.join(' -> ')}`,
        `Create the profile ${source}, or set source_profile to an existing profile.`,
        where,
      );
    }
    visited.add(source);
    const next = settingsOf(source);
    if (hasStaticKeys(next)) {
      return undefined;
    }
    const kind = profileKind(next).kind;
    if (kind === 'assumeRole') {
      settings = next;
      continue;
    }
    const passesThrough = next['credential_source'] !== undefined && next['role_arn'] === undefined;
    if (kind === 'invalid' && !passesThrough) {
      return error(
        `source_profile ${source} has no credentials to assume the role with. Reference chain: ${chain.join(' -> ')}`,
        `Give ${source} access keys, credential_process or SSO settings.`,
        where,
      );
    }
    return undefined;
  }
}

function untilFirstRepeat(chain: readonly string[]): string[] {
  const seen = new Set<string>();
  const shown: string[] = [];
  for (const name of chain) {
    shown.push(name);
    if (seen.has(name)) {
      break;
    }
    seen.add(name);
  }
  return shown;
}

function ssoProblems(files: SharedFiles, settings: RawSettings, at: (key: string) => Location | undefined): Problem[] {
  const problems: Problem[] = [];
  const sessionName = settings['sso_session'];
  if (sessionName !== undefined) {
    const session = files.sdk.configFile[`sso-session.${sessionName}`];
    const defined = sectionsIn(files.config, 'sso-session', sessionName).length > 0;
    if (!defined) {
      problems.push(
        error(
          `sso_session ${sessionName} refers to an sso-session section that does not exist`,
          `Add [sso-session ${sessionName}] with sso_start_url and sso_region to the config file, or run "aws configure sso".`,
          at('sso_session'),
        ),
      );
    } else {
      for (const key of ['sso_start_url', 'sso_region']) {
        if (session?.[key] === undefined) {
          problems.push(error(`the sso-session ${sessionName} has no ${key}`, `Add ${key} to [sso-session ${sessionName}].`, at('sso_session')));
        }
      }
    }
  } else {
    for (const key of ['sso_start_url', 'sso_region']) {
      if (settings[key] === undefined) {
        problems.push(error(`missing properties: ${key} (needed by an SSO profile without sso_session)`, `Add ${key}, or move the SSO settings into an [sso-session] section and set sso_session.`, at('sso_account_id')));
      }
    }
  }
  const hasAccount = settings['sso_account_id'] !== undefined;
  const hasRole = settings['sso_role_name'] !== undefined;
  if (hasAccount !== hasRole) {
    const missing = hasAccount ? 'sso_role_name' : 'sso_account_id';
    problems.push(error(`missing properties: ${missing} (sso_account_id and sso_role_name go together)`, `Add ${missing}.`, at(hasAccount ? 'sso_account_id' : 'sso_role_name')));
  }
  return problems;
}

function settingProblems(settings: RawSettings, at: (key: string) => Location | undefined): Problem[] {
  const problems: Problem[] = [];
  const region = settings['region'];
  if (region !== undefined && !awsRegionPattern.test(region)) {
    const suggestion = closestMatch(region, knownRegions);
    const fix = suggestion ? `Did you mean ${suggestion}?` : 'Use a region code such as us-east-1 or eu-west-2.';
    problems.push(
      hostLabelPattern.test(region)
        ? warning(`region ${region} does not look like an AWS region code`, fix, at('region'))
        : error(`region ${region} is not a valid region: the AWS SDK refuses it`, fix, at('region')),
    );
  }
  const duration = settings['duration_seconds'];
  if (duration !== undefined && (!/^\d+$/.test(duration) || Number(duration) < 900 || Number(duration) > 43200)) {
    problems.push(warning('duration_seconds must be a whole number of seconds from 900 to 43200', 'Use 3600 for one hour.', at('duration_seconds')));
  }
  return problems;
}

type Reporter = (profile: string | undefined, problem: Problem) => void;

function checkFile(file: SharedFile, report: Reporter): void {
  const fileName = file.role === 'config' ? 'config file' : 'credentials file';
  if (file.readError) {
    report(undefined, error(`the ${fileName} ${file.path} cannot be read: ${file.readError}`, 'Check the file\'s permissions and type.', undefined));
    return;
  }
  if (file.scan.sdkRejection) {
    report(
      undefined,
      error(
        `the AWS SDK reads nothing from the ${fileName}: ${file.scan.sdkRejection}`,
        'Rename or delete the section named __proto__; the SDK refuses the whole file because of it.',
        { file: file.role, path: file.path, line: 1 },
      ),
    );
  }
  const seenSections = new Map<string, number>();
  for (const section of file.scan.sections) {
    const target = sectionTarget(file.role, section);
    const owner = target?.kind === 'profile' ? target.name : undefined;
    const header = lineOf(file, section.index);
    if (!target) {
      const problem = ignoredSectionProblem(file, section, header);
      if (problem) {
        report(undefined, problem);
      }
      continue;
    }
    const identity = `${target.kind}:${target.name}`;
    const earlier = seenSections.get(identity);
    if (earlier !== undefined) {
      report(owner, warning(`[${section.rawName}] is defined a second time (first at line ${earlier + 1}); the AWS SDK merges both`, 'Move its settings into the first section and delete this one.', header));
    } else {
      seenSections.set(identity, section.index);
    }
    if (target.kind === 'services') {
      continue;
    }
    checkSectionLines(file, section, owner, target.kind === 'sso-session' ? ssoSessionKeys : profileKeys, report);
  }
  const defaultShadowed =
    file.role === 'config' &&
    file.scan.sections.some((section) => section.sdkKey === 'profile.default' && section.entries.some((entry) => !entry.opensSubSection));
  if (defaultShadowed) {
    for (const section of file.scan.sections.filter((candidate) => candidate.sdkKey === 'default')) {
      report('default', warning('[default] is ignored because [profile default] also exists in the config file', 'Move the settings of [default] into [profile default] and delete [default].', lineOf(file, section.index)));
    }
  }
  for (const index of file.scan.strayLines) {
    report(undefined, warning(`line ${index + 1} of the ${fileName} is outside any section the AWS SDK reads, so it is ignored`, 'Move it under a profile header, or turn it into a comment with #.', lineOf(file, index)));
  }
}

function ignoredSectionProblem(file: SharedFile, section: IniSection, header: Location): Problem | undefined {
  const raw = section.rawName;
  if (file.role === 'config' && section.sdkKey !== undefined && section.prefix === undefined) {
    if (cliOnlySections.has(raw)) {
      return undefined;
    }
    const name = raw.trim();
    return warning(`the AWS SDK ignores [${raw}] in the config file: profiles there are written [profile NAME]`, checkProfileName(name) ? 'Rename the section header to [profile NAME], with a name of letters, digits and - _ @ + . % : / only.' : `Rename the section header to [profile ${name}].`, header);
  }
  if (file.role === 'credentials' && section.prefix !== undefined) {
    return warning(`the AWS SDK ignores [${raw}] in the credentials file: profiles there are written [NAME]`, section.prefix === 'profile' ? `Rename the section header to [${section.name}].` : 'Move the section to the config file.', header);
  }
  const prefix = raw.split(/\s/)[0] ?? '';
  const suggestion = closestMatch(prefix, ['profile', 'sso-session', 'services']);
  return warning(
    `the AWS SDK ignores the section [${raw}]`,
    suggestion && suggestion !== prefix ? `Did you mean [${raw.replace(prefix, suggestion)}]?` : 'Write [profile NAME], [sso-session NAME] or [services NAME]; names use letters, digits and - _ @ + . % : / only.',
    header,
  );
}

function checkSectionLines(
  file: SharedFile,
  section: IniSection,
  owner: string | undefined,
  knownKeys: ReadonlySet<string>,
  report: Reporter,
): void {
  const seenKeys = new Map<string, number>();
  for (const entry of section.entries) {
    if (entry.inSubSection || entry.opensSubSection) {
      continue;
    }
    const earlier = seenKeys.get(entry.key);
    if (earlier !== undefined) {
      report(owner, warning(`${entry.key} is set twice in [${section.rawName}] (lines ${earlier + 1} and ${entry.index + 1}); the AWS SDK uses the later one`, 'Delete the line you do not want.', lineOf(file, entry.index)));
    }
    seenKeys.set(entry.key, entry.index);
    if (!knownKeys.has(entry.key)) {
      const suggestion = closestMatch(entry.key, knownKeys);
      report(
        owner,
        warning(
          `${entry.key} is not a setting the AWS SDK knows${suggestion ? `; did you mean ${suggestion}?` : ''}`,
          suggestion ? `Rename ${entry.key} to ${suggestion}.` : 'Check the spelling; the AWS SDK ignores unknown settings.',
          lineOf(file, entry.index),
        ),
      );
    }
  }
  for (const index of section.ignoredLines) {
    const text = (file.scan.lines[index]?.text ?? '').trim();
    const [message, fix] = text.startsWith('[')
      ? ['is not a section header for the AWS SDK', 'Put a space between ] and a following # or ; comment, and close the bracket.']
      : text.startsWith('=')
        ? ['has no key before =', 'Write key = value.']
        : text.includes(':')
          ? ['has no =, so the AWS SDK ignores it', 'Write key = value: the AWS SDK does not accept : as a separator.']
          : ['has no =, so the AWS SDK ignores it', 'Write key = value, or turn the line into a comment with #.'];
    report(owner, warning(`line ${index + 1} ${message}`, fix, lineOf(file, index)));
  }
}
