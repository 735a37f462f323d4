/**
 * The two shared files open in their languages wherever they are: package.json names the files of
 * any `.aws` folder, and this gives the files of AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE theirs.
 */
import * as vscode from 'vscode';
import type { SharedFilePaths } from '../../core/files/paths';
import { languageIds } from '../../manifest';

export function assignLanguages(paths: SharedFilePaths): vscode.Disposable {
  const assign = (document: vscode.TextDocument): void => {
    if (document.uri.scheme !== 'file') {
      return;
    }
    const role = document.uri.fsPath === paths.config ? 'config' : document.uri.fsPath === paths.credentials ? 'credentials' : undefined;
    if (role !== undefined && document.languageId !== languageIds[role]) {
      void vscode.languages.setTextDocumentLanguage(document, languageIds[role]);
    }
  };
  vscode.workspace.textDocuments.forEach(assign);
  return vscode.workspace.onDidOpenTextDocument(assign);
}
