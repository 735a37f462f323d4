/**
 * The IAM Identity Center commands: Sign In (for a profile whose sign-in ended: then it connects
 * again; or for a session chosen from the config file), Sign Out of a session, and Add Profiles for
 * Every Account and Role of a session, which adds the new ones and reports those that vanished.
 */
import * as vscode from 'vscode';
import { isKnownError } from '../../core/errors';
import { ownerKey, sessionTargets, signInTargetOf, type SignInTarget } from '../../core/aws/sso/sessions';
import type { AccountRole } from '../../core/profiles/ssoNames';
import { populatePlan } from '../../core/profiles/ssoProfiles';
import { tokenStatusWords } from '../../core/present/signInLabels';
import { quoted } from '../../core/secrets';
import type { Profile } from '../../core/profiles/model';
import type { ProfileSnapshot } from '../../core/validation/snapshot';
import { commandId } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';
import type { ProfileService } from '../../services/profileService';
import type { SsoSessions } from '../../services/ssoSessions';
import type { AddConnectionPanel } from '../addConnection/panel';
import { commandTitle } from '../commandTitles';
import { withCancellableProgress } from '../prompts';

export interface IdentityCenterServices {
  readonly profiles: ProfileService;
  readonly connection: ConnectionService;
  readonly sso: SsoSessions;
  readonly addConnection: AddConnectionPanel;
  readonly log: vscode.LogOutputChannel;
}

/** Signs in for a profile (given, or the connection's when its sign-in ended) and connects again; else for a chosen session. */
export async function signIn({ profiles, connection, sso, addConnection }: IdentityCenterServices, profile?: string): Promise<void> {
  const snapshot = await profiles.upToDate();
  const state = connection.state;
  const name = profile ?? (state.kind === 'expired' || state.kind === 'failed' ? state.profile : undefined);
  const report = snapshot.reports.find((candidate) => candidate.profile.name === name);
  const target = report && signInTargetOf(report.profile, snapshot.ssoSessions);
  if (name !== undefined && target) {
    await addConnection.signInAgain(target, name);
    return;
  }
  const chosen = await pickSession(snapshot, sso, commandTitle('signIn'), vscode.l10n.t('Choose the session to sign in to'));
  if (chosen) {
    await addConnection.signInToSession(chosen);
  }
}

export async function signOut({ profiles, connection, sso }: IdentityCenterServices): Promise<void> {
  const snapshot = await profiles.upToDate();
  const target = await pickSession(
    snapshot,
    sso,
    vscode.l10n.t('Sign Out of IAM Identity Center'),
    vscode.l10n.t('Choose the session to sign out of'),
    true,
  );
  if (!target) {
    return;
  }
  const signedOut = await sso.signOut(target);
  const state = connection.state;
  const connected = state.kind === 'connected' ? snapshot.reports.find((report) => report.profile.name === state.profile) : undefined;
  if (connected && usesSession(connected.profile, snapshot, target)) {
    await connection.disconnect();
  }
  connection.forgetSessions();
  void vscode.window.showInformationMessage(
    signedOut
      ? vscode.l10n.t('Signed out of IAM Identity Center for {0}.', quoted(target.label))
      : vscode.l10n.t('There was no sign-in for {0} to end.', quoted(target.label)),
  );
}

/** Adds a profile for every account and role of a session that no profile has yet; reports those that vanished, deleting none. */
export async function addSsoProfiles({ profiles, sso }: IdentityCenterServices): Promise<void> {
  const snapshot = await profiles.upToDate();
  const target = await pickSession(snapshot, sso, commandTitle('addSsoProfiles'), vscode.l10n.t('Choose the session whose roles to add'));
  if (!target || !('session' in target.owner)) {
    return;
  }
  const session = target.owner.session;
  let assignments;
  try {
    assignments = await withCancellableProgress(vscode.l10n.t('Listing the accounts and roles of {0}...', quoted(session)), (signal) =>
      sso.assignments(target, signal),
    );
  } catch (error) {
    if (isKnownError(error, 'signIn')) {
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} Sign in, then run this command again.', error.message),
        vscode.l10n.t('Sign In'),
      );
      if (answer) {
        await vscode.commands.executeCommand(commandId('signIn'));
      }
      return;
    }
    throw error;
  }
  const template = sso.profileNameTemplate();
  const current = await profiles.upToDate();
  const existing = current.reports.map((report) => report.profile);
  const plan = populatePlan(existing, session, assignments, template);
  const vanishedNames = plan.vanished.join(', ');
  const vanished =
    plan.vanished.length === 0
      ? ''
      : plan.vanished.length === 1
        ? vscode.l10n.t(' 1 profile of this session names a role you no longer have (kept): {0}.', vanishedNames)
        : vscode.l10n.t(' {0} profiles of this session name a role you no longer have (kept): {1}.', plan.vanished.length, vanishedNames);
  if (plan.add.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Every account and role of {0} has a profile already.{1}', quoted(session), vanished),
    );
    return;
  }
  const region = target.center.region;
  await profiles.edit({
    kind: 'addSso',
    session: { name: session, startUrl: target.center.startUrl, region, scopes: target.center.scopes },
    profiles: plan.add.map(({ name, accountId, roleName }) => ({ name, accountId, roleName, region })),
  });
  void vscode.window.showInformationMessage(
    plan.add.length === 1
      ? vscode.l10n.t('Added 1 profile for {0}: {1}.{2}', quoted(session), plan.add.map((p) => p.name).join(', '), vanished)
      : vscode.l10n.t(
          'Added {0} profiles for {1}: {2}.{3}',
          plan.add.length,
          quoted(session),
          plan.add.map((p) => p.name).join(', '),
          vanished,
        ),
  );
}

function usesSession(profile: Profile, snapshot: ProfileSnapshot, target: SignInTarget): boolean {
  const owner = signInTargetOf(profile, snapshot.ssoSessions)?.owner;
  return owner !== undefined && ownerKey(owner) === ownerKey(target.owner);
}

/** Connects with a role of a session: through the profile that has it, or one added for it (named by the template). */
export async function connectSsoRole(
  { profiles, connection, sso }: IdentityCenterServices,
  session: string,
  role: AccountRole,
): Promise<void> {
  const snapshot = await profiles.upToDate();
  const existing = snapshot.reports.map((report) => report.profile);
  const plan = populatePlan(existing, session, [role], sso.profileNameTemplate());
  const [kept] = plan.kept;
  const [added] = plan.add;
  const section = snapshot.ssoSessions.find((candidate) => candidate.name === session);
  if (!kept && added && section?.startUrl !== undefined && section.region !== undefined) {
    const { startUrl, region, scopes } = section;
    await profiles.edit({
      kind: 'addSso',
      session: { name: session, startUrl, region, scopes },
      profiles: [{ name: added.name, accountId: role.accountId, roleName: role.roleName, region }],
    });
  }
  const name = kept?.name ?? added?.name;
  if (name !== undefined) {
    await connection.connect(name, { interactive: true });
  }
}

interface SessionItem extends vscode.QuickPickItem {
  readonly target: SignInTarget;
}

async function pickSession(
  snapshot: ProfileSnapshot,
  sso: SsoSessions,
  title: string,
  placeHolder: string,
  signedInOnly = false,
): Promise<SignInTarget | undefined> {
  const targets = sessionTargets(snapshot.ssoSessions);
  const items: SessionItem[] = [];
  for (const target of targets) {
    const status = await sso.status(target);
    if (signedInOnly && status.kind === 'notSignedIn') {
      continue;
    }
    items.push({ label: target.label, description: target.center.startUrl, detail: tokenStatusWords(status), target });
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(
      signedInOnly
        ? vscode.l10n.t('No IAM Identity Center session of the config file is signed in.')
        : vscode.l10n.t(
            'The config file has no [sso-session]: add one with AWS: {0} (IAM Identity Center).',
            commandTitle('addConnection'),
          ),
    );
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true }))?.target;
}
