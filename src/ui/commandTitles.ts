/**
 * Command titles as VS Code shows them, in its display language. The manifest VS Code hands the
 * extension holds package.nls.LANGUAGE.json's titles in place of its %keys%, so each title is
 * translated once, where the Command Palette takes it; manifest.ts's English when it is not there.
 */
import * as vscode from 'vscode';
import { commandId, commandTitles, extensionId, type CommandName } from '../manifest';

interface ContributedCommand {
  readonly command: string;
  readonly title: string;
}

export function commandTitle(name: CommandName): string {
  const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as
    { readonly contributes?: { readonly commands?: readonly ContributedCommand[] } } | undefined;
  const title = manifest?.contributes?.commands?.find((command) => command.command === commandId(name))?.title;
  return title !== undefined && !title.startsWith('%') ? title : commandTitles[name];
}

/** A title as the subject of a sentence ("Delete Profile failed"): without its ellipsis. */
export function commandSubject(name: CommandName): string {
  return commandTitle(name).replace(/(\.\.\.|…)$/, '');
}
