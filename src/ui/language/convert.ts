/** The editor features' plain positions and edits (core/language/text), as VS Code's. */
import * as vscode from 'vscode';
import type { FileRole } from '../../core/files/roles';
import type { Range, TextEdit } from '../../core/language/text';
import type { SharedFiles } from '../../core/profiles/read';

export const toRange = (range: Range): vscode.Range =>
  new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);

export const toTextEdit = (edit: TextEdit): vscode.TextEdit => vscode.TextEdit.replace(toRange(edit.range), edit.newText);

export const fromPosition = (position: vscode.Position): { line: number; character: number } => ({
  line: position.line,
  character: position.character,
});

/** The editor's URI of one of the files of a read: the document's own when it is that file. */
export function uriOf(files: SharedFiles, role: FileRole, document: vscode.TextDocument, documentRole: FileRole): vscode.Uri {
  return role === documentRole ? document.uri : vscode.Uri.file(files[role].path);
}

/** Edits of both files as one workspace edit, which the editor applies (and undoes) at once. */
export function workspaceEdit(
  files: SharedFiles,
  edits: Partial<Record<FileRole, readonly TextEdit[]>>,
  document: vscode.TextDocument,
  documentRole: FileRole,
): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const role of ['config', 'credentials'] as const) {
    const list = edits[role];
    if (list && list.length > 0) {
      edit.set(uriOf(files, role, document, documentRole), list.map(toTextEdit));
    }
  }
  return edit;
}
