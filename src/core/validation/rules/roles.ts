/** Roles: the source of their credentials (credential_source or a source_profile chain), as the SDK follows it. */
import * as l10n from '@vscode/l10n';
import { hasStaticKeys, profileKind, type Location, type RawSettings } from '../../profiles/model';
import { supportedCredentialSources } from '../../profiles/knownKeys';
import { memo } from '../../memo';
import { quoted, quotedValue } from '../../secrets';
import { closestMatch } from '../didYouMean';
import { error, partOf, withCode, type KeyLocator, type Problem, type RelatedPlace } from '../problems';

/** A profile's settings as the SDK merges them, computed once per snapshot. */
export type SettingsOf = (name: string) => RawSettings;

/** The profiles of a read, by name. */
export type ProfileNames = Pick<ReadonlySet<string>, 'has'>;

export function credentialSourceProblems(settings: RawSettings, at: KeyLocator): Problem[] {
  const problems: Problem[] = [];
  if (settings['role_arn'] !== undefined && settings['source_profile'] !== undefined && settings['credential_source'] !== undefined) {
    problems.push(
      error(
        l10n.t('credential_source and source_profile cannot both be set'),
        l10n.t(
          "Keep source_profile to assume the role with another profile's credentials, or credential_source to use the environment, EC2 or ECS credentials; delete the other line.",
        ),
        at('credential_source'),
      ),
    );
  }
  const credentialSource = settings['credential_source'];
  if (credentialSource !== undefined && !(supportedCredentialSources as readonly string[]).includes(credentialSource)) {
    const suggestion = closestMatch(credentialSource, supportedCredentialSources);
    problems.push(
      error(
        l10n.t('credential_source {0} is not supported', quotedValue('credential_source', credentialSource)),
        suggestion
          ? l10n.t('Did you mean {0}? The value is case-sensitive.', suggestion)
          : l10n.t('Use one of {0}.', supportedCredentialSources.join(', ')),
        partOf(at('credential_source'), 'value'),
      ),
    );
  }
  return problems;
}

/** How a source_profile chain ends; every profile on the chain shares it. */
type ChainEnd = { readonly kind: 'credentials' | 'cycle' } | { readonly kind: 'missing' | 'noCredentials'; readonly source: string };

/**
 * The end of the chain from each profile, per snapshot (its SettingsOf): a chain of thousands of
 * roles is followed once, not once per profile on it.
 */
const chainEnds = memo<SettingsOf, [], Map<string, ChainEnd>>(() => new Map());

/** A message shows this many profiles of a chain, then where it ends: a chain's length is unbounded, a message's should not be. */
const shownProfiles = 10;

/** Where a profile sets source_profile, for the hops of a chain. */
export type SourceLocator = (name: string) => Location | undefined;

/**
 * Follows source_profile the way the SDK does: on every hop after the first, static keys end the
 * chain. The problem points at the first hop's source_profile and relates every hop after it.
 */
export function roleChainProblem(settingsOf: SettingsOf, start: string, known: ProfileNames, sourceOf: SourceLocator): Problem | undefined {
  const end = chainEnd(settingsOf, start, known);
  if (end.kind === 'credentials') {
    return undefined;
  }
  const where = partOf(sourceOf(start), 'value');
  const hops = (): RelatedPlace[] => chainHops(settingsOf, start, sourceOf);
  switch (end.kind) {
    case 'cycle':
      return withCode(
        error(
          l10n.t('Cycle detected within Shared Credentials Profiles. Reference chain: {0}', shownChain(settingsOf, start, undefined)),
          l10n.t('Point one source_profile in the chain at a profile with its own credentials (access keys, credential_process or SSO).'),
          where,
        ),
        undefined,
        hops(),
      );
    case 'missing': {
      const shown = quoted(end.source);
      return withCode(
        error(
          l10n.t('source_profile {0} does not exist. Reference chain: {1}', shown, shownChain(settingsOf, start, end.source)),
          shown === end.source
            ? l10n.t('Create the profile {0}, or set source_profile to an existing profile.', end.source)
            : l10n.t('Set source_profile to the name of an existing profile.'),
          where,
        ),
        'missingSourceProfile',
        hops(),
      );
    }
    case 'noCredentials':
      return withCode(
        error(
          l10n.t(
            'source_profile {0} has no credentials to assume the role with. Reference chain: {1}',
            quoted(end.source),
            shownChain(settingsOf, start, end.source),
          ),
          l10n.t('Give {0} access keys, credential_process or SSO settings.', quoted(end.source)),
          where,
        ),
        undefined,
        hops(),
      );
  }
}

/** The source_profile line of every hop after the first, up to a repeat, as many as a message shows. */
function chainHops(settingsOf: SettingsOf, start: string, sourceOf: SourceLocator): RelatedPlace[] {
  const places: RelatedPlace[] = [];
  const seen = new Set([start]);
  let name = settingsOf(start)['source_profile'] ?? '';
  while (!seen.has(name) && places.length < shownProfiles) {
    seen.add(name);
    const next = settingsOf(name)['source_profile'];
    const location = sourceOf(name);
    if (next === undefined || !location) {
      break;
    }
    places.push({ location: { ...location, part: 'value' }, message: `${quoted(name)} -> ${quoted(next)}` });
    name = next;
  }
  return places;
}

function chainEnd(settingsOf: SettingsOf, start: string, known: ProfileNames): ChainEnd {
  const ends = chainEnds(settingsOf);
  const followed = new Set<string>();
  let name = start;
  let end: ChainEnd | undefined;
  while (end === undefined) {
    end = ends.get(name);
    if (end !== undefined) {
      break;
    }
    if (followed.has(name)) {
      end = { kind: 'cycle' };
      break;
    }
    followed.add(name);
    const source = settingsOf(name)['source_profile'] ?? '';
    end = hopEnd(settingsOf, source, known);
    name = source;
  }
  for (const name of followed) {
    ends.set(name, end);
  }
  return end;
}

/** Where a hop to `source` ends the chain, or undefined when the chain goes on through it (a role without keys). */
function hopEnd(settingsOf: SettingsOf, source: string, known: ProfileNames): ChainEnd | undefined {
  if (!known.has(source)) {
    return { kind: 'missing', source };
  }
  const next = settingsOf(source);
  if (hasStaticKeys(next)) {
    return { kind: 'credentials' };
  }
  const kind = profileKind(next).kind;
  if (kind === 'assumeRole') {
    return undefined;
  }
  const passesThrough = next['credential_source'] !== undefined && next['role_arn'] === undefined;
  return kind === 'invalid' && !passesThrough ? { kind: 'noCredentials', source } : { kind: 'credentials' };
}

/** `A -> B -> C`: the chain from `start` up to `last`, or up to its first repeat in a cycle; a long one cut short; each name quoted. */
function shownChain(settingsOf: SettingsOf, start: string, last: string | undefined): string {
  const shown = [quoted(start)];
  const seen = new Set([start]);
  let name = start;
  for (;;) {
    name = settingsOf(name)['source_profile'] ?? '';
    if (shown.length === shownProfiles) {
      return `${shown.join(' -> ')} -> ...${last === undefined ? '' : ` -> ${quoted(last)}`}`;
    }
    shown.push(quoted(name));
    if (name === last || seen.has(name)) {
      return shown.join(' -> ');
    }
    seen.add(name);
  }
}
