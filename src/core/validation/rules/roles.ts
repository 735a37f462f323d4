/** Roles: the source of their credentials (credential_source or a source_profile chain), as the SDK follows it. */
import { hasStaticKeys, profileKind, type Location, type RawSettings } from '../../profiles/model';
import { supportedCredentialSources } from '../../profiles/knownKeys';
import { quoted, quotedValue } from '../../secrets';
import { closestMatch } from '../didYouMean';
import { error, type KeyLocator, type Problem } from '../problems';

/** A profile's settings as the SDK merges them, computed once per snapshot. */
export type SettingsOf = (name: string) => RawSettings;

export function credentialSourceProblems(settings: RawSettings, at: KeyLocator): Problem[] {
  const problems: Problem[] = [];
  if (settings['role_arn'] !== undefined && settings['source_profile'] !== undefined && settings['credential_source'] !== undefined) {
    problems.push(
      error(
        'credential_source and source_profile cannot both be set',
        "Keep source_profile to assume the role with another profile's credentials, or credential_source to use the environment, " +
          'EC2 or ECS credentials; delete the other line.',
        at('credential_source'),
      ),
    );
  }
  const credentialSource = settings['credential_source'];
  if (credentialSource !== undefined && !(supportedCredentialSources as readonly string[]).includes(credentialSource)) {
    const suggestion = closestMatch(credentialSource, supportedCredentialSources);
    problems.push(
      error(
        `credential_source ${quotedValue('credential_source', credentialSource)} is not supported`,
        suggestion ? `Did you mean ${suggestion}? The value is case-sensitive.` : `Use one of ${supportedCredentialSources.join(', ')}.`,
        at('credential_source'),
      ),
    );
  }
  return problems;
}

/** Follows source_profile the way the SDK does: on every hop after the first, static keys end the chain. */
export function roleChainProblem(
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
        `Cycle detected within Shared Credentials Profiles. Reference chain: ${shownChain(untilFirstRepeat(chain))}`,
        'Point one source_profile in the chain at a profile with its own credentials (access keys, credential_process or SSO).',
        where(),
      );
    }
    if (!known.has(source)) {
      const shown = quoted(source);
      return error(
        `source_profile ${shown} does not exist. Reference chain: ${shownChain(chain)}`,
        shown === source
          ? `Create the profile ${source}, or set source_profile to an existing profile.`
          : 'Set source_profile to the name of an existing profile.',
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
        `source_profile ${quoted(source)} has no credentials to assume the role with. Reference chain: ${shownChain(chain)}`,
        `Give ${quoted(source)} access keys, credential_process or SSO settings.`,
        where(),
      );
    }
    return undefined;
  }
}

function shownChain(chain: readonly string[]): string {
  return chain.map(quoted).join(' -> ');
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
