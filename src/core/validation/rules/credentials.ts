/** Why a profile has no credentials the SDK can use, and what is wrong with its access keys. */
import * as l10n from '@vscode/l10n';
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
  return count > shown.length ? l10n.t('{0} and {1} more', shown.join(', '), count - shown.length) : shown.join(', ');
}

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
    return [
      error(
        l10n.t('it has no settings'),
        l10n.t('Add aws_access_key_id and aws_secret_access_key to its section in the credentials file. Or delete the empty section.'),
        header,
      ),
    ];
  }
  const misspellingOf = (key: string): string | undefined =>
    keys.find((candidate) => !profileKeys.has(candidate) && closestMatch(candidate, profileKeys) === key);
  // A missing key points at its misspelling when there is one, else at the key it belongs with.
  const missingKey = (key: string, partner: string): Problem => {
    const typo = misspellingOf(key);
    return typo
      ? withCode(
          error(
            l10n.t('missing properties: {0} ({1} looks like a misspelling of it)', key, shown(typo)),
            l10n.t('Correct the misspelt key name.'),
            partOf(at(typo), 'key'),
          ),
          'unknownKey',
        )
      : error(l10n.t('missing properties: {0}', key), l10n.t('Add the {0} line that belongs with {1}.', key, partner), at(partner));
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
        l10n.t('missing properties: aws_access_key_id, aws_secret_access_key (a session token alone is not a credential)'),
        l10n.t('Paste the access key ID and secret access key that came with the session token.'),
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
      return suggestion ? l10n.t('{0} (did you mean {1}?)', shown(key), suggestion) : shown(key);
    });
    return [
      error(
        l10n.t('it has no setting the AWS SDK knows: {0}', listed(described, unknown.length)),
        l10n.t('Correct the misspelled keys; the AWS SDK ignores the others.'),
        at(unknown[0] ?? ''),
      ),
    ];
  }
  return [
    error(
      l10n.t('it has no credentials, only {0}', listed(keys.slice(0, listedKeys).map(shown), keys.length)),
      l10n.t(
        'Add aws_access_key_id and aws_secret_access_key to its section in the credentials file. Or use role_arn with source_profile, credential_process or sso_session.',
      ),
      header,
    ),
  ];
}

/** A role, web identity or credential source with the key it needs missing. */
function incompleteRole(has: (key: string) => boolean, at: KeyLocator): Problem | undefined {
  if (has('role_arn') && !has('web_identity_token_file')) {
    return error(
      l10n.t('role_arn needs source_profile or credential_source'),
      l10n.t(
        'Add source_profile = NAME (the profile whose credentials assume the role) or credential_source = Environment, Ec2InstanceMetadata or EcsContainer.',
      ),
      at('role_arn'),
    );
  }
  if (has('web_identity_token_file')) {
    return error(
      l10n.t('web_identity_token_file needs role_arn'),
      l10n.t('Add role_arn = the ARN of the role to assume with the token.'),
      at('web_identity_token_file'),
    );
  }
  if (has('credential_source')) {
    return error(
      l10n.t('credential_source needs role_arn'),
      l10n.t('Add role_arn = the ARN of the role to assume with those credentials.'),
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
    const { min, max } = accessKeyIdLength;
    problems.push(
      formatProblem(
        hasAccessKeyIdCharacters(accessKeyId)
          ? l10n.t(
              'aws_access_key_id is not an AWS access key ID: it must be {0} to {1} capital letters and digits, not {2} characters',
              min,
              max,
              accessKeyId.length,
            )
          : l10n.t(
              'aws_access_key_id is not an AWS access key ID: it must be {0} to {1} capital letters and digits, not {2} characters with other characters',
              min,
              max,
              accessKeyId.length,
            ),
        l10n.t('Copy the access key ID again from the IAM console or from the file AWS gave you; it starts with AKIA or ASIA.'),
        partOf(at('aws_access_key_id'), 'value'),
      ),
    );
  } else if (!isLongTermAccessKeyId(accessKeyId) && !isTemporaryAccessKeyId(accessKeyId)) {
    problems.push(
      formatProblem(
        l10n.t('aws_access_key_id does not start with AKIA or ASIA'),
        l10n.t('Check that the access key ID was not swapped with another value.'),
        partOf(at('aws_access_key_id'), 'value'),
      ),
    );
  }
  const hasToken = settings['aws_session_token'] !== undefined;
  if (isLongTermAccessKeyId(accessKeyId) && hasToken) {
    problems.push(
      withCode(
        error(
          l10n.t('aws_session_token is set beside a long-term access key (AKIA...): AWS rejects the pair with InvalidClientTokenId'),
          l10n.t('Delete the aws_session_token line: long-term keys need no session token.'),
          partOf(at('aws_session_token'), 'key'),
        ),
        'staleSessionToken',
      ),
    );
  }
  if (isTemporaryAccessKeyId(accessKeyId) && !hasToken) {
    problems.push(
      error(
        l10n.t('aws_access_key_id is a temporary key (ASIA...) but aws_session_token is missing'),
        l10n.t('Add the aws_session_token that came with this temporary key, or paste new temporary credentials.'),
        at('aws_access_key_id'),
      ),
    );
  }
  return problems;
}
