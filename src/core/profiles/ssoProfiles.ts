/**
 * IAM Identity Center profiles in the config file, as pure functions of its text: names for new
 * profiles from a template, the sso-session a start URL already has, and which profiles the
 * accounts and roles of a sign-in call for (populate). The edit that writes them is the `addSso`
 * kind of ProfileEdit (see addSsoProfiles in edits), next to the other edits whose checks it shares.
 * Sessions and profiles are looked up as the SDK's loader reads them (see ini/sections).
 */
import { scanIni } from '../ini/scan';
import { sdkSections, sectionIndexOf, type SectionValues } from '../ini/sections';
import { isSdkName } from '../ini/syntax';
import { checkProfileName } from '../ini/writable';

/** An `[sso-session NAME]` section as the addSso edit writes it. */
export interface SsoSessionSettings {
  readonly name: string;
  readonly startUrl: string;
  readonly region: string;
  /** Written as `sso_registration_scopes`, comma-separated; defaultScopes when absent. */
  readonly scopes?: readonly string[] | undefined;
}

/** A `[profile NAME]` that signs in through an sso-session. */
export interface SsoProfileSettings {
  readonly name: string;
  readonly accountId: string;
  readonly roleName: string;
  /** The profile's own `region` (for the AWS calls it makes, not the sign-in). */
  readonly region?: string | undefined;
}

/** What the CLI registers for by default; the AWS Toolkit needs it, the portal calls need nothing more. */
export const defaultScopes: readonly string[] = ['sso:account:access'];

/** One role in one account, as the portal lists it. */
export interface AccountRole {
  readonly accountId: string;
  readonly accountName: string;
  readonly roleName: string;
}

export interface NameValues extends AccountRole {
  readonly session: string;
}

export const defaultProfileNameTemplate = '{roleName}-{accountName}';

const placeholder = /\{(accountName|accountId|roleName|session)\}/g;

/**
 * A profile name from a template (`{accountName}`, `{accountId}`, `{roleName}`, `{session}`), made
 * one the writer accepts (see writableName). Each placeholder is filled once: a value that itself
 * reads `{roleName}` stays as written. Other text, unknown placeholders included, is kept as text.
 * A name with nothing left falls back to `{roleName}-{accountId}`.
 */
export function profileNameFrom(template: string, values: NameValues): string {
  const filled = template.replace(placeholder, (_match, key: keyof NameValues) => values[key]);
  return writableName(filled, 'profile') ?? writableName(`${values.roleName}-${values.accountId}`, 'profile') ?? 'sso-profile';
}

/**
 * `raw` as a name checkProfileName accepts (the same rules hold for sso-session names): every
 * character the SDK refuses in a name, white space included, becomes `-`, runs of `-` become one,
 * and `-` at either end goes. A name the rules still refuse (`__proto__`, `constructor`,
 * `sso-session.x`) takes `-word` after it or, when that is not enough, `word-` before it.
 * Undefined when nothing is left.
 */
function writableName(raw: string, word: string): string | undefined {
  const name = [...raw]
    .map((character) => (isSdkName(character) ? character : '-'))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (name === '') {
    return undefined;
  }
  return [name, `${name}-${word}`, `${word}-${name}`].find((candidate) => checkProfileName(candidate) === undefined);
}

/**
 * A name for each wanted name, in order, that is neither taken nor given to an earlier one: the
 * name itself when free, else the first free of `name-2`, `name-3`, ...
 */
export function uniqueNames(wanted: readonly string[], taken: ReadonlySet<string>): string[] {
  const used = new Set(taken);
  const nextSuffix = new Map<string, number>();
  return wanted.map((name) => {
    let candidate = name;
    let suffix = nextSuffix.get(name) ?? 2;
    while (used.has(candidate)) {
      candidate = `${name}-${suffix}`;
      suffix += 1;
    }
    nextSuffix.set(name, suffix);
    used.add(candidate);
    return candidate;
  });
}

/**
 * A default sso-session name for a start URL: the first label of its host
 * (`https://d-9067c1a2b3.awsapps.com/start` gives `d-9067c1a2b3`), or the directory of an AWS
 * GovCloud (US) portal (`https://start.us-gov-home.awsapps.com/directory/d-906766d33c` gives
 * `d-906766d33c`); made a name checkProfileName accepts, as profile names are.
 */
export function sessionNameFrom(startUrl: string): string {
  const url = parsedUrl(startUrl);
  const [label] = url?.hostname.split('.') ?? [];
  const directory = label === 'start' ? /^\/directory\/([^/]+)/.exec(url?.pathname ?? '')?.[1] : undefined;
  return writableName(directory ?? label ?? startUrl, 'sso') ?? writableName(startUrl, 'sso') ?? 'sso';
}

/**
 * Every `[sso-session NAME]` of the config file, by name in file order, with the values the SDK
 * reads for it (sections of one name merge, the last value wins); `{}` for a section without any.
 */
export function ssoSessions(configText: string): ReadonlyMap<string, SectionValues> {
  const scan = scanIni(configText);
  const values = sdkSections('config', scan);
  const names = [...sectionIndexOf('config', scan)['sso-session'].keys()];
  return new Map(names.map((name) => [name, values.get(`sso-session.${name}`) ?? {}]));
}

/** The first sso-session whose sso_start_url is this start URL (see sameStartUrl), or undefined. */
export function sessionForStartUrl(configText: string, startUrl: string): string | undefined {
  for (const [name, values] of ssoSessions(configText)) {
    const sessionUrl = values['sso_start_url'];
    if (sessionUrl !== undefined && sameStartUrl(sessionUrl, startUrl)) {
      return name;
    }
  }
  return undefined;
}

/**
 * Whether two start URLs name the same portal: equal once trailing `/` are trimmed, with the
 * fragment (`#/`, which the portal's own links carry and no server sees) dropped and the scheme and
 * host compared without case.
 */
export function sameStartUrl(a: string, b: string): boolean {
  return comparableUrl(a) === comparableUrl(b);
}

function comparableUrl(text: string): string {
  const url = parsedUrl(text);
  const base = url ? `${url.protocol}//${url.host}${url.pathname}${url.search}` : text.trim().replace(/#.*$/s, '');
  return base.replace(/\/+$/, '');
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text.trim());
  } catch {
    return undefined;
  }
}

/** What populatePlan adds: a profile for one role in one account (the region is the caller's). */
export interface PlannedProfile {
  readonly name: string;
  readonly accountId: string;
  readonly roleName: string;
}

export interface PopulatePlan {
  /** New profiles, one per account and role that no profile of the session has yet, in the order of the assignments. */
  readonly add: readonly PlannedProfile[];
  /** Profiles of the session that already have an assigned account and role, whatever their name. */
  readonly kept: readonly string[];
  /** Profiles of the session whose account and role are no longer assigned: reported, never deleted. */
  readonly vanished: readonly string[];
}

/**
 * The profiles to add for every account and role a sign-in has ("populate"): profiles of the
 * config file that name this sso_session with the same sso_account_id and sso_role_name are kept;
 * every other assignment gets a name from the template, unique against every profile of the file
 * and `alsoTaken` (the credentials file's profiles, say: the edit refuses a name taken there too).
 * Profiles of the session without both an account and a role are neither kept nor vanished.
 */
export function populatePlan(
  configText: string,
  session: string,
  assignments: readonly AccountRole[],
  template: string = defaultProfileNameTemplate,
  alsoTaken: ReadonlySet<string> = new Set(),
): PopulatePlan {
  const scan = scanIni(configText);
  const values = sdkSections('config', scan);
  const profiles = [...sectionIndexOf('config', scan).profile.keys()];
  const pairOf = (accountId: string, roleName: string): string => JSON.stringify([accountId, roleName]);
  const assigned = new Map<string, AccountRole>();
  for (const assignment of assignments) {
    const pair = pairOf(assignment.accountId, assignment.roleName);
    if (!assigned.has(pair)) {
      assigned.set(pair, assignment);
    }
  }
  const kept: string[] = [];
  const vanished: string[] = [];
  const present = new Set<string>();
  for (const name of profiles) {
    const settings = values.get(name);
    const accountId = settings?.['sso_account_id'];
    const roleName = settings?.['sso_role_name'];
    if (settings?.['sso_session'] !== session || accountId === undefined || roleName === undefined) {
      continue;
    }
    const pair = pairOf(accountId, roleName);
    if (assigned.has(pair)) {
      kept.push(name);
      present.add(pair);
    } else {
      vanished.push(name);
    }
  }
  const missing = [...assigned].filter(([pair]) => !present.has(pair)).map(([, assignment]) => assignment);
  const names = uniqueNames(
    missing.map((assignment) => profileNameFrom(template, { ...assignment, session })),
    new Set([...profiles, ...alsoTaken]),
  );
  const add = missing.map(({ accountId, roleName }, position) => ({ name: names[position] ?? '', accountId, roleName }));
  return { add, kept, vanished };
}
