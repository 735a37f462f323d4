/** What the Profiles view offers on a profile: edit, rename, delete, copy an export line. */
import * as vscode from 'vscode';
import { displayPath } from '../../core/files/paths';
import { checkProfileName, uneditableProfile } from '../../core/ini/writable';
import { afterRemoval, filesOf } from '../../core/present/profileLabels';
import type { ProfileNode } from '../views/profilesView';
import type { ProfileService } from '../../services/profileService';
import { openAtLine } from '../sharedFileEditors';

export async function editProfile(node: ProfileNode): Promise<void> {
  const [first] = node.report.profile.definitions;
  if (first) {
    await openAtLine(first.path, first.line);
  }
}

/** Says at once, rather than after a confirmation, that a profile can only be edited by hand. */
function refusedHere(name: string): boolean {
  const problem = uneditableProfile(name);
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(problem);
  }
  return problem !== undefined;
}

/** "the config file and the credentials file", in the user's language. */
function inFiles(files: readonly string[]): string {
  const last = files.at(-1) ?? '';
  return files.length < 2 ? last : vscode.l10n.t('{0} and {1}', files.slice(0, -1).join(', '), last);
}

export async function deleteProfileWithConfirmation(service: ProfileService, node: ProfileNode): Promise<void> {
  const { name } = node.report.profile;
  if (refusedHere(name)) {
    return;
  }
  const files = filesOf(node.report.profile).map((file) => displayPath(file));
  const revealed = afterRemoval(node.report.profile);
  const deleteLabel = vscode.l10n.t('Delete');
  const removed = vscode.l10n.t(
    'Its sections, and the comments just above them, will be removed from {0}. Every other line stays as it is.',
    inFiles(files),
  );
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete the profile {0}?', name),
    { modal: true, detail: revealed ? `${removed} ${revealed}` : removed },
    deleteLabel,
  );
  if (answer !== deleteLabel) {
    return;
  }
  await service.edit({ kind: 'delete', name });
  void vscode.window.showInformationMessage(vscode.l10n.t('Profile {0} was deleted from {1}.', name, inFiles(files)));
}

export async function renameProfileByInput(service: ProfileService, node: ProfileNode): Promise<void> {
  const from = node.report.profile.name;
  if (refusedHere(from)) {
    return;
  }
  const existing = new Set((await service.upToDate()).reports.map((report) => report.profile.name));
  const to = await vscode.window.showInputBox({
    title: vscode.l10n.t('Rename Profile {0}', from),
    prompt: [
      vscode.l10n.t('The new name. Profiles that name this one in source_profile are updated too.'),
      afterRemoval(node.report.profile),
    ]
      .filter(Boolean)
      .join(' '),
    value: from,
    validateInput: (value) =>
      value === from
        ? undefined
        : (checkProfileName(value) ?? (existing.has(value) ? vscode.l10n.t('A profile named {0} already exists.', value) : undefined)),
  });
  if (to === undefined || to === from) {
    return;
  }
  await service.edit({ kind: 'rename', from, to });
}

export async function copyExportLine(node: ProfileNode): Promise<void> {
  const line = `export AWS_PROFILE=${node.report.profile.name}`;
  await vscode.env.clipboard.writeText(line);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied "{0}": paste it in a terminal to use this profile there.', line));
}
