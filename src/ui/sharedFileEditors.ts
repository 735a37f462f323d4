/** Opens the shared files in editors: both side by side, or one at a line. */
import * as vscode from 'vscode';
import type { SharedFilePaths } from '../core/filePaths';
import { stat } from 'node:fs/promises';

/** Config on the left, credentials on the right; a file that does not exist is skipped. */
export async function openSideBySide(paths: SharedFilePaths): Promise<void> {
  const existing = [];
  for (const file of [paths.config, paths.credentials]) {
    if (await stat(file).then((stats) => stats.isFile(), () => false)) {
      existing.push(file);
    }
  }
  for (const [index, file] of existing.entries()) {
    await vscode.window.showTextDocument(vscode.Uri.file(file), {
      viewColumn: index === 0 ? vscode.ViewColumn.One : vscode.ViewColumn.Two,
      preview: false,
      preserveFocus: index > 0,
    });
  }
}

/** Opens a file with the cursor at the start of a 1-based line. */
export async function openAtLine(file: string, line: number): Promise<void> {
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position), preview: false });
}
