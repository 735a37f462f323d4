/**
 * Problems of one profile, following how the AWS SDK for JavaScript resolves its credentials:
 * missing or mismatched keys, role chains and cycles, credential sources, SSO sessions, regions.
 * Messages name keys, never values of secrets.
 */
import { closestMatch } from './didYouMean';
import { checkProfileName } from './fieldRules';
import { knownRegions, profileKeys } from './knownKeys';
import { error, lineOf, warning, type Problem } from './problems';
import { hasStaticKeys, profileKind, supportedCredentialSources, type Location, type ProfileKind, type RawSettings } from './profiles';
import { sectionsIn, type SharedFiles } from './sharedFiles';

const accessKeyIdPattern = /^[A-Z0-9]{16,128}$/;
const awsRegionPattern = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
const hostLabelPattern = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

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
export type SettingsOf = (name: string) => RawSettings;

export function profileProblems(
  files: SharedFiles,
  name: string,
  kind: ProfileKind,
  known: ReadonlySet<string>,
  settingsOf: SettingsOf,
): Problem[] {
  const settings = settingsOf(name);
  const at = (key: string): Location | undefined => keyLocation(files, name, key) ?? headerLocation(files, name);
  const problems: Problem[] = [];

  if (kind.kind === 'invalid') {
    problems.push(...whyNoCredentials(settings, at, headerLocation(files, name)));
  }
  if (settings['role_arn'] !== undefined && settings['source_profile'] !== undefined && settings['credential_source'] !== undefined) {
    problems.push(
      error(
        'credential_source and source_profile cannot both be set',
        "Keep source_profile to assume the role with another profile's credentials, or credential_source to use the environment, EC2 or ECS credentials; delete the other line.",
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
        suggestion ? `Did you mean ${suggestion}? The value is case-sensitive.` : `Use one of ${supportedCredentialSources.join(', ')}.`,
        at('credential_source'),
      ),
    );
  }
  problems.push(...accessKeyProblems(settings, at));
  if (kind.kind === 'assumeRole') {
    const chainProblem = roleChainProblem(settingsOf, name, known, () => at('source_profile'));
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

function whyNoCredentials(settings: RawSettings, at: (key: string) => Location | undefined, header: Location | undefined): Problem[] {
  const has = (key: string): boolean => settings[key] !== undefined;
  const keys = Object.keys(settings);
  const addKeys = 'Add aws_access_key_id and aws_secret_access_key to its section in the credentials file.';
  if (keys.length === 0) {
    return [error('it has no settings', `${addKeys} Or delete the empty section.`, header)];
  }
  const misspellingOf = (key: string): string | undefined =>
    keys.find((candidate) => !profileKeys.has(candidate) && closestMatch(candidate, profileKeys) === key);
  // A missing key points at its misspelling when there is one, else at the key it belongs with.
  const missingKey = (key: string, partner: string): Problem => {
    const typo = misspellingOf(key);
    return typo
      ? error(`missing properties: ${key} (${typo} looks like a misspelling of it)`, 'Correct the misspelt key name.', at(typo))
      : error(`missing properties: ${key}`, `Add the ${key} line that belongs with ${partner}.`, at(partner));
  };
  if (has('aws_access_key_id') && !has('aws_secret_access_key')) {
    return [missingKey('aws_secret_access_key', 'aws_access_key_id')];
  }
  if (has('aws_secret_access_key') && !has('aws_access_key_id')) {
    return [missingKey('aws_access_key_id', 'aws_secret_access_key')];
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
    return [
      error(
        'role_arn needs source_profile or credential_source',
        'Add source_profile = NAME (the profile whose credentials assume the role) or credential_source = Environment, Ec2InstanceMetadata or EcsContainer.',
        at('role_arn'),
      ),
    ];
  }
  if (has('web_identity_token_file')) {
    return [
      error(
        'web_identity_token_file needs role_arn',
        'Add role_arn = the ARN of the role to assume with the token.',
        at('web_identity_token_file'),
      ),
    ];
  }
  if (has('credential_source')) {
    return [
      error(
        'credential_source needs role_arn',
        'Add role_arn = the ARN of the role to assume with those credentials.',
        at('credential_source'),
      ),
    ];
  }
  const unknown = keys.filter((key) => !profileKeys.has(key) && !key.includes('.'));
  if (unknown.length === keys.length) {
    const described = unknown.map((key) => {
      const suggestion = closestMatch(key, profileKeys);
      return suggestion ? `${key} (did you mean ${suggestion}?)` : key;
    });
    return [
      error(
        `it has no setting the AWS SDK knows: ${described.join(', ')}`,
        'Correct the misspelled keys; the AWS SDK ignores the others.',
        at(unknown[0] ?? ''),
      ),
    ];
  }
  return [
    error(
      `it has no credentials, only ${keys.join(', ')}`,
      `${addKeys} Or use role_arn with source_profile, credential_process or sso_session.`,
      header,
    ),
  ];
}

function accessKeyProblems(settings: RawSettings, at: (key: string) => Location | undefined): Problem[] {
  const accessKeyId = settings['aws_access_key_id'];
  if (accessKeyId === undefined) {
    return [];
  }
  // Local emulators accept any key id, so a profile with endpoint_url only gets a warning.
  const formatProblem = settings['endpoint_url'] === undefined ? error : warning;
  const problems: Problem[] = [];
  if (!accessKeyIdPattern.test(accessKeyId)) {
    problems.push(
      formatProblem(
        `aws_access_key_id is not an AWS access key ID: it must be 16 to 128 capital letters and digits, not ${accessKeyId.length} characters${/[^A-Z0-9]/.test(accessKeyId) ? ' with other characters' : ''}`,
        'Copy the access key ID again from the IAM console or from the file AWS gave you; it starts with AKIA or ASIA.',
        at('aws_access_key_id'),
      ),
    );
  } else if (!accessKeyId.startsWith('AKIA') && !accessKeyId.startsWith('ASIA')) {
    problems.push(
      formatProblem(
        'aws_access_key_id does not start with AKIA or ASIA',
        'Check that the access key ID was not swapped with another value.',
        at('aws_access_key_id'),
      ),
    );
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
        at('aws_access_key_id'),
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
  where: () => Location | undefined,
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
        where(),
      );
    }
    if (!known.has(source)) {
      return error(
        `source_profile ${source} does not exist. Reference chain: ${chain.join(' -> ')}`,
        `Create the profile ${source}, or set source_profile to an existing profile.`,
        where(),
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
        where(),
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
    const session = files.config.values.get(`sso-session.${sessionName}`);
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
          problems.push(
            error(`the sso-session ${sessionName} has no ${key}`, `Add ${key} to [sso-session ${sessionName}].`, at('sso_session')),
          );
        }
      }
    }
  } else {
    for (const key of ['sso_start_url', 'sso_region']) {
      if (settings[key] === undefined) {
        problems.push(
          error(
            `missing properties: ${key} (needed by an SSO profile without sso_session)`,
            `Add ${key}, or move the SSO settings into an [sso-session] section and set sso_session.`,
            at('sso_account_id'),
          ),
        );
      }
    }
  }
  const hasAccount = settings['sso_account_id'] !== undefined;
  const hasRole = settings['sso_role_name'] !== undefined;
  if (hasAccount !== hasRole) {
    const missing = hasAccount ? 'sso_role_name' : 'sso_account_id';
    problems.push(
      error(
        `missing properties: ${missing} (sso_account_id and sso_role_name go together)`,
        `Add ${missing}.`,
        at(hasAccount ? 'sso_account_id' : 'sso_role_name'),
      ),
    );
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
    problems.push(
      warning('duration_seconds must be a whole number of seconds from 900 to 43200', 'Use 3600 for one hour.', at('duration_seconds')),
    );
  }
  return problems;
}
