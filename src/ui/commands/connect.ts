/**
 * AWS: Connect to AWS. Profiles most recently used first, with kind, region and account; invalid
 * profiles at the end with their reason (choosing one opens the file at the problem); entries to
 * create a profile and to edit the files.
 */
import * as vscode from 'vscode';
import { byRecentUse, profileDescription } from '../../core/present/profileLabels';
import { quoted, quotedValue } from '../../core/secrets';
import type { ProfileReport } from '../../core/validation/snapshot';
import { commandId, type CommandName } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';
import type { GlobalState } from '../../services/globalState';
import type { ProfileService } from '../../services/profileService';
import { commandTitle } from '../commandTitles';
import { openAtLine } from '../sharedFileEditors';

interface ProfileItem extends vscode.QuickPickItem {
  readonly report?: ProfileReport;
  readonly command?: CommandName;
}

/** The commands offered when there is no profile, and below the profiles. */
const creators = ['createCredentialsProfile', 'editCredentials'] as const;

export async function connectToAws(profiles: ProfileService, connection: ConnectionService, globalState: GlobalState): Promise<void> {
  // As on disk now: a file saved a moment ago may not have been noticed yet.
  const snapshot = await profiles.upToDate();
  if (snapshot.reports.length === 0) {
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'There is no AWS profile yet. A profile holds the access keys (or the role or sign-in) that AWS tools use; it is defined in ~/.aws/credentials and ~/.aws/config.',
      ),
      ...creators.map(commandTitle),
    );
    const chosen = creators.find((name) => commandTitle(name) === answer);
    if (chosen) {
      await vscode.commands.executeCommand(commandId(chosen));
    }
    return;
  }
  const chosen = await vscode.window.showQuickPick(connectItems(snapshot.reports, connection, globalState), {
    title: commandTitle('connect'),
    placeHolder: vscode.l10n.t('Choose a profile (most recently used first)'),
    matchOnDescription: true,
    // A row is focused once the rows are on screen (the first by itself): the connect code loads
    // while the person looks for their profile, and would delay the rows if it loaded before.
    onDidSelectItem: () => connection.prepareConnect(),
  });
  if (!chosen) {
    return;
  }
  if (chosen.command) {
    await vscode.commands.executeCommand(commandId(chosen.command));
  } else if (chosen.report?.status === 'invalid') {
    const location =
      chosen.report.problems.find((problem) => problem.severity === 'error')?.location ?? chosen.report.profile.definitions[0];
    if (location) {
      await openAtLine(location.path, location.line);
    }
  } else if (chosen.report) {
    await connection.connect(chosen.report.profile.name, { interactive: true });
  }
}

export function connectItems(reports: readonly ProfileReport[], connection: ConnectionService, globalState: GlobalState): ProfileItem[] {
  const { usable, invalid } = byRecentUse(reports, globalState.get('recentProfiles'));
  const connectedProfile = connection.state.kind === 'connected' ? connection.state.profile : undefined;
  // Looked up once for all items: a quick pick may list 10,000 profiles.
  const accounts = globalState.get('accounts');
  // Only profiles with warnings get an icon: an icon on each of 10,000 rows costs the quick pick
  // about 100 ms to show (measured by npm run bench) and tells nothing the list does not. The
  // warning is also in words, as a screen reader does not read the icon.
  const warningIcon = new vscode.ThemeIcon('warning');
  const items: ProfileItem[] = usable.map((report) => {
    const name = report.profile.name;
    const account = Object.hasOwn(accounts, name) ? accounts[name] : undefined;
    const warnings = report.status === 'warning' ? report.problems.filter((problem) => problem.severity === 'warning') : [];
    const [warning] = warnings;
    const detail = [
      ...(account ? [vscode.l10n.t('account {0}', account)] : []),
      ...(warning === undefined
        ? []
        : [
            warnings.length === 1
              ? vscode.l10n.t('warning: {0}', warning.message)
              : vscode.l10n.t('warning: {0} (and {1} more)', warning.message, warnings.length - 1),
          ]),
    ].join(' · ');
    return {
      label: quoted(name),
      description: name === connectedProfile ? vscode.l10n.t('{0} · connected', profileDescription(report)) : profileDescription(report),
      ...(warning ? { iconPath: warningIcon } : {}),
      ...(detail ? { detail } : {}),
      report,
    };
  });
  if (invalid.length > 0) {
    items.push({
      label: vscode.l10n.t('Invalid profiles (not used): choose one to open it at the problem'),
      kind: vscode.QuickPickItemKind.Separator,
    });
    items.push(
      ...invalid.map((report) => ({
        label: quoted(report.profile.name),
        description: profileDescription(report),
        iconPath: new vscode.ThemeIcon('error'),
        report,
      })),
    );
  }
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    // Icons as iconPath, not $(name) in the label, which a screen reader would read as a word.
    { label: `${commandTitle('createCredentialsProfile')}...`, iconPath: new vscode.ThemeIcon('add'), command: 'createCredentialsProfile' },
    { label: commandTitle('editCredentials'), iconPath: new vscode.ThemeIcon('go-to-file'), command: 'editCredentials' },
  );
  return items;
}

/** Says that there is no connection to use (or why it cannot be used), with Connect to AWS. */
export async function offerToConnect(message = vscode.l10n.t('Not connected to AWS.')): Promise<void> {
  const connect = commandTitle('connect');
  const answer = await vscode.window.showInformationMessage(message, connect);
  if (answer === connect) {
    await vscode.commands.executeCommand(commandId('connect'));
  }
}

export async function showCurrentIdentity(connection: ConnectionService): Promise<void> {
  const state = connection.state;
  if (state.kind !== 'connected') {
    await offerToConnect();
    return;
  }
  const [profile, { account, arn }, region] = [quoted(state.profile), state.identity, quotedValue('region', state.region)];
  const copyArn = vscode.l10n.t('Copy ARN');
  const answer = await vscode.window.showInformationMessage(
    state.expiration
      ? vscode.l10n.t(
          'Profile {0}: account {1}, {2}, region {3}, credentials expire {4}.',
          profile,
          account,
          arn,
          region,
          state.expiration.toLocaleString(),
        )
      : vscode.l10n.t('Profile {0}: account {1}, {2}, region {3}.', profile, account, arn, region),
    copyArn,
  );
  if (answer === copyArn) {
    await vscode.env.clipboard.writeText(state.identity.arn);
  }
}
