/**
 * IAM Identity Center sessions and profiles in the config file: its sso-sessions, the one a start
 * URL already has, and which profiles the accounts and roles of a sign-in call for (populate). The
 * edit that writes them is the `addSso` kind of ProfileEdit (see addSsoProfiles in edits), next to
 * the other edits whose checks it shares; their names come from ssoNames. Sessions and profiles
 * are looked up as the SDK's loader reads them (see ini/sections).
 */
import type { Profile } from './model';
import type { SharedFile } from './read';
import { profileNameFrom, sameStartUrl, uniqueNames, type AccountRole } from './ssoNames';

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

/** An `[sso-session NAME]` as the SDK reads it: what a sign-in needs may be missing. */
export interface SsoSessionSection {
  readonly name: string;
  readonly startUrl: string | undefined;
  readonly region: string | undefined;
  readonly scopes: readonly string[];
}

/**
 * The sessions of a read config file, in file order, with the values the SDK reads for each
 * (sections of one name merge, the last value wins).
 */
export function sessionSections({ index }: SharedFile): SsoSessionSection[] {
  return [...index['sso-session']].map(([name, { values }]) => {
    const settings = values ?? {};
    return {
      name,
      startUrl: settings['sso_start_url'],
      region: settings['sso_region'],
      scopes: scopesOf(settings['sso_registration_scopes']),
    };
  });
}

/** `sso_registration_scopes` is a comma-separated list; none given means the default, as the CLI registers. */
function scopesOf(value: string | undefined): readonly string[] {
  const scopes = (value ?? '')
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  return scopes.length > 0 ? scopes : defaultScopes;
}

/** The first session whose sso_start_url is this start URL (see sameStartUrl), or undefined. */
export function sessionForStartUrl(sessions: readonly SsoSessionSection[], startUrl: string): SsoSessionSection | undefined {
  return sessions.find((session) => session.startUrl !== undefined && sameStartUrl(session.startUrl, startUrl));
}

/** A profile for one role in one account: one populatePlan adds (the region is the caller's), or keeps. */
export interface PlannedProfile {
  readonly name: string;
  readonly accountId: string;
  readonly roleName: string;
}

export interface PopulatePlan {
  /** New profiles, one per account and role that no profile of the session has yet, in the order of the assignments. */
  readonly add: readonly PlannedProfile[];
  /** Profiles of the session that already have an assigned account and role, whatever their name. */
  readonly kept: readonly PlannedProfile[];
  /** Profiles of the session whose account and role are no longer assigned: reported, never deleted. */
  readonly vanished: readonly string[];
}

/**
 * The profiles to add for every account and role a sign-in has ("populate"): profiles that name
 * this sso_session with the same sso_account_id and sso_role_name are kept; every other assignment
 * gets a name from the template, unique against every profile of the read (both files). Profiles
 * of the session without both an account and a role are neither kept nor vanished.
 */
export function populatePlan(
  profiles: readonly Profile[],
  session: string,
  assignments: readonly AccountRole[],
  template: string,
): PopulatePlan {
  const pairOf = (accountId: string, roleName: string): string => JSON.stringify([accountId, roleName]);
  const assigned = new Map<string, AccountRole>();
  for (const assignment of assignments) {
    const pair = pairOf(assignment.accountId, assignment.roleName);
    if (!assigned.has(pair)) {
      assigned.set(pair, assignment);
    }
  }
  const kept: PlannedProfile[] = [];
  const vanished: string[] = [];
  const present = new Set<string>();
  for (const profile of profiles) {
    if (profile.kind !== 'sso' || profile.ssoSession !== session || profile.accountId === undefined || profile.roleName === undefined) {
      continue;
    }
    const { name, accountId, roleName } = profile;
    const pair = pairOf(accountId, roleName);
    if (assigned.has(pair)) {
      kept.push({ name, accountId, roleName });
      present.add(pair);
    } else {
      vanished.push(name);
    }
  }
  const missing = [...assigned].filter(([pair]) => !present.has(pair)).map(([, assignment]) => assignment);
  const names = uniqueNames(
    missing.map((assignment) => profileNameFrom(template, { ...assignment, session })),
    new Set(profiles.map((profile) => profile.name)),
  );
  const add = missing.map(({ accountId, roleName }, position) => ({ name: names[position] ?? '', accountId, roleName }));
  return { add, kept, vanished };
}
