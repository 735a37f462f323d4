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

const deleteLabel = 'Delete';

/** Says at once, rather than after a confirmation, that a profile can only be edited by hand. */
function refusedHere(name: string): boolean {
  const problem = uneditableProfile(name);
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(problem);
  }
  return problem !== undefined;
}

export async function deleteProfileWithConfirmation(service: ProfileService, node: ProfileNode): Promise<void> {
  const { name } = node.report.profile;
  if (refusedHere(name)) {
    return;
  }
  const files = filesOf(node.report.profile).map((file) => displayPath(file));
  const revealed = afterRemoval(node.report.profile);
  const answer = await vscode.window.showWarningMessage(
    `Delete the profile ${name}?`,
    {
      modal: true,
      detail:
        `Its sections, and the comments just above them, will be removed from ${files.join(' and ')}. Every other line stays as it is.` +
        (revealed ? ` ${revealed}` : ''),
    },
    deleteLabel,
  );
  if (answer !== deleteLabel) {
    return;
  }
  await service.edit({ kind: 'delete', name });
  void vscode.window.showInformationMessage(`Profile ${name} was deleted from ${files.join(' and ')}.`);
}

export async function renameProfileByInput(service: ProfileService, node: ProfileNode): Promise<void> {
  const from = node.report.profile.name;
  if (refusedHere(from)) {
    return;
  }
  const existing = new Set((await service.upToDate()).reports.map((report) => report.profile.name));
  const to = await vscode.window.showInputBox({
    title: `Rename Profile ${from}`,
    prompt: ['The new name. Profiles that name this one in source_profile are updated too.', afterRemoval(node.report.profile)]
      .filter(Boolean)
      .join(' '),
    value: from,
    validateInput: (value) =>
      value === from
        ? undefined
        : (checkProfileName(value) ?? (existing.has(value) ? `A profile named ${value} already exists.` : undefined)),
  });
  if (to === undefined || to === from) {
    return;
  }
  await service.edit({ kind: 'rename', from, to });
}

export async function copyExportLine(node: ProfileNode): Promise<void> {
  const line = `export AWS_PROFILE=${node.report.profile.name}`;
  await vscode.env.clipboard.writeText(line);
  void vscode.window.showInformationMessage(`Copied "${line}": paste it in a terminal to use this profile there.`);
}
