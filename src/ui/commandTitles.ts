/**
 * Command titles as VS Code shows them, in its display language. The manifest VS Code hands the
 * extension holds package.nls.LANGUAGE.json's titles in place of its %keys%, so each title is
 * translated once, where the Command Palette takes it; manifest.ts's English when it is not there.
 * In a language other than English, VS Code gives each translated title with its original
 * (`{ value, original }`) so that the Command Palette can match both.
 */
import * as vscode from 'vscode';
import { commandId, commandTitles, extensionId, type CommandName } from '../manifest';

interface ContributedCommand {
  readonly command: string;
  readonly title: string | { readonly value: string; readonly original: string };
}

export function commandTitle(name: CommandName): string {
  const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as
    { readonly contributes?: { readonly commands?: readonly ContributedCommand[] } } | undefined;
  const contributed = manifest?.contributes?.commands?.find((command) => command.command === commandId(name))?.title;
  const title = typeof contributed === 'object' ? contributed.value : contributed;
  return typeof title === 'string' && !title.startsWith('%') ? title : commandTitles[name];
}

/** A title as the subject of a sentence ("Delete Profile failed"): without its ellipsis. */
export function commandSubject(name: CommandName): string {
  return commandTitle(name).replace(/(\.\.\.|…)$/, '');
}
