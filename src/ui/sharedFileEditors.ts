/** Opens the shared files in editors: both side by side, or one at a line. */
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { SharedFilePaths } from '../core/files/paths';
import { readFileLeniently } from '../core/files/textFile';

/** Config on the left, credentials on the right; a file that does not exist is skipped. */
export async function openSideBySide(paths: SharedFilePaths): Promise<void> {
  const existing = [];
  for (const file of [paths.config, paths.credentials]) {
    if (
      await stat(file).then(
        (stats) => stats.isFile(),
        () => false,
      )
    ) {
      existing.push(file);
    }
  }
  for (const [index, file] of existing.entries()) {
    await showCurrent(file, index === 0 ? vscode.ViewColumn.One : vscode.ViewColumn.Two);
  }
}

/** Opens a file with the cursor at the start of a 1-based line. */
export async function openAtLine(file: string, line: number): Promise<void> {
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  const editor = await showCurrent(file, vscode.ViewColumn.Active);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Shows a file as it is on disk. VS Code can still hold an unedited copy it read before another
 * program changed the file; saving that copy would undo the change, so it is reloaded first.
 */
async function showCurrent(file: string, viewColumn: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn, preview: false });
  const onDisk = (await readFileLeniently(file)).text;
  if (!editor.document.isDirty && onDisk !== undefined && editor.document.getText() !== onDisk) {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  return editor;
}
