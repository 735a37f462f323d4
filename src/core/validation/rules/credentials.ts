/** Why a profile has no credentials the SDK can use, and what is wrong with its access keys. */
import {
  accessKeyIdLength,
  hasAccessKeyIdCharacters,
  isAccessKeyId,
  isLongTermAccessKeyId,
  isTemporaryAccessKeyId,
} from '../../profiles/accessKeys';
import { profileKeys } from '../../profiles/knownKeys';
import type { Location, RawSettings } from '../../profiles/model';
import { closestMatch } from '../didYouMean';
import { error, partOf, warning, withCode, type KeyLocator, type Problem } from '../problems';

/** A message names this many keys at most: a section can hold thousands. */
const listedKeys = 10;

/** `a, b, c`, or `a, b, c and 40 more` when `shown` are the first of `count`. */
function listed(shown: readonly string[], count: number): string {
  return count > shown.length ? `${shown.join(', ')} and ${count - shown.length} more` : shown.join(', ');
}

const addKeys = 'Add aws_access_key_id and aws_secret_access_key to its section in the credentials file.';

/**
 * For a profile of no kind the SDK knows: the one thing most likely missing, or misspelt. `shown`
 * gives a key's name as a problem shows it (see shownKeyName).
 */
export function whyNoCredentials(
  settings: RawSettings,
  at: KeyLocator,
  header: Location | undefined,
  shown: (key: string) => string,
): Problem[] {
  const has = (key: string): boolean => settings[key] !== undefined;
  const keys = Object.keys(settings);
  if (keys.length === 0) {
    return [error('it has no settings', `${addKeys} Or delete the empty section.`, header)];
  }
  const misspellingOf = (key: string): string | undefined =>
    keys.find((candidate) => !profileKeys.has(candidate) && closestMatch(candidate, profileKeys) === key);
  // A missing key points at its misspelling when there is one, else at the key it belongs with.
  const missingKey = (key: string, partner: string): Problem => {
    const typo = misspellingOf(key);
    return typo
      ? withCode(
          error(
            `missing properties: ${key} (${shown(typo)} looks like a misspelling of it)`,
            'Correct the misspelt key name.',
            partOf(at(typo), 'key'),
          ),
          'unknownKey',
        )
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
  const roleProblem = incompleteRole(has, at);
  if (roleProblem) {
    return [roleProblem];
  }
  const unknown = keys.filter((key) => !profileKeys.has(key) && !key.includes('.'));
  if (unknown.length === keys.length) {
    const described = unknown.slice(0, listedKeys).map((key) => {
      const suggestion = closestMatch(key, profileKeys);
      return suggestion ? `${shown(key)} (did you mean ${suggestion}?)` : shown(key);
    });
    return [
      error(
        `it has no setting the AWS SDK knows: ${listed(described, unknown.length)}`,
        'Correct the misspelled keys; the AWS SDK ignores the others.',
        at(unknown[0] ?? ''),
      ),
    ];
  }
  return [
    error(
      `it has no credentials, only ${listed(keys.slice(0, listedKeys).map(shown), keys.length)}`,
      `${addKeys} Or use role_arn with source_profile, credential_process or sso_session.`,
      header,
    ),
  ];
}

/** A role, web identity or credential source with the key it needs missing. */
function incompleteRole(has: (key: string) => boolean, at: KeyLocator): Problem | undefined {
  if (has('role_arn') && !has('web_identity_token_file')) {
    return error(
      'role_arn needs source_profile or credential_source',
      'Add source_profile = NAME (the profile whose credentials assume the role) or ' +
        'credential_source = Environment, Ec2InstanceMetadata or EcsContainer.',
      at('role_arn'),
    );
  }
  if (has('web_identity_token_file')) {
    return error(
      'web_identity_token_file needs role_arn',
      'Add role_arn = the ARN of the role to assume with the token.',
      at('web_identity_token_file'),
    );
  }
  if (has('credential_source')) {
    return error(
      'credential_source needs role_arn',
      'Add role_arn = the ARN of the role to assume with those credentials.',
      at('credential_source'),
    );
  }
  return undefined;
}

export function accessKeyProblems(settings: RawSettings, at: KeyLocator): Problem[] {
  const accessKeyId = settings['aws_access_key_id'];
  if (accessKeyId === undefined) {
    return [];
  }
  // Local emulators accept any key id, so a profile with endpoint_url only gets a warning.
  const formatProblem = settings['endpoint_url'] === undefined ? error : warning;
  const problems: Problem[] = [];
  if (!isAccessKeyId(accessKeyId)) {
    const others = hasAccessKeyIdCharacters(accessKeyId) ? '' : ' with other characters';
    const { min, max } = accessKeyIdLength;
    problems.push(
      formatProblem(
        `aws_access_key_id is not an AWS access key ID: it must be ${min} to ${max} capital letters and digits, ` +
          `not ${accessKeyId.length} characters${others}`,
        'Copy the access key ID again from the IAM console or from the file AWS gave you; it starts with AKIA or ASIA.',
        partOf(at('aws_access_key_id'), 'value'),
      ),
    );
  } else if (!isLongTermAccessKeyId(accessKeyId) && !isTemporaryAccessKeyId(accessKeyId)) {
    problems.push(
      formatProblem(
        'aws_access_key_id does not start with AKIA or ASIA',
        'Check that the access key ID was not swapped with another value.',
        partOf(at('aws_access_key_id'), 'value'),
      ),
    );
  }
  const hasToken = settings['aws_session_token'] !== undefined;
  if (isLongTermAccessKeyId(accessKeyId) && hasToken) {
    problems.push(
      withCode(
        error(
          'aws_session_token is set beside a long-term access key (AKIA...): AWS rejects the pair with InvalidClientTokenId',
          'Delete the aws_session_token line: long-term keys need no session token.',
          partOf(at('aws_session_token'), 'key'),
        ),
        'staleSessionToken',
      ),
    );
  }
  if (isTemporaryAccessKeyId(accessKeyId) && !hasToken) {
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
