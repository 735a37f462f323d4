/**
 * Problems of the shared files as the user types: the validator's, on the unsaved text, a moment
 * after the last keystroke in either file, and again when the files change on disk.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../../core/errors';
import type { DocumentPlace, DocumentProblem } from '../../core/language/diagnostics';
import type { ProfileService } from '../../services/profileService';
import { roleOf, type Analysis, type DocumentAnalyses } from './analysis';

/** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
export const settleMs = 150;

export class SharedFileDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('aws');
  private readonly pending = new Map<vscode.TextDocument, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly analyses: DocumentAnalyses,
    profiles: ProfileService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      // Each file's problems depend on the other's text (a source_profile's keys, say): both are checked again.
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (roleOf(document) !== undefined) {
          vscode.workspace.textDocuments.forEach((open) => this.schedule(open, settleMs));
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        clearTimeout(this.pending.get(document));
        this.pending.delete(document);
        this.collection.delete(document.uri);
      }),
      profiles.onDidChange(() => vscode.workspace.textDocuments.forEach((document) => this.schedule(document, 0))),
    ];
    vscode.workspace.textDocuments.forEach((document) => this.schedule(document, 0));
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (roleOf(document) === undefined) {
      return;
    }
    clearTimeout(this.pending.get(document));
    this.pending.set(
      document,
      setTimeout(() => {
        this.pending.delete(document);
        this.update(document).catch((error: unknown) => this.log.error(`Checking ${document.uri.fsPath} failed: ${errorMessage(error)}`));
      }, delay),
    );
  }

  /** Sets the diagnostics of a document, unless it changed again while they were worked out. */
  async update(document: vscode.TextDocument): Promise<void> {
    const version = document.version;
    const analysis = await this.analyses.of(document);
    if (!analysis || document.isClosed || document.version !== version) {
      return;
    }
    this.collection.set(
      document.uri,
      diagnosticsOf(analysis, document).map(({ diagnostic }) => diagnostic),
    );
  }

  dispose(): void {
    for (const timer of this.pending.values()) {
      clearTimeout(timer);
    }
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}

/** Each problem of the document with the diagnostic that shows it. */
export function diagnosticsOf(
  analysis: Analysis,
  document: vscode.TextDocument,
): { readonly diagnostic: vscode.Diagnostic; readonly problem: DocumentProblem }[] {
  const { features, problems, files, role } = analysis;
  const rangeOf = (place: DocumentPlace): vscode.Range => {
    const text =
      place.role === role
        ? place.line < document.lineCount
          ? document.lineAt(place.line).text
          : ''
        : (files[place.role].scan.lines[place.line]?.text ?? '');
    const { start, end } = features.partColumns(text, place.part);
    return new vscode.Range(place.line, start, place.line, end);
  };
  return features.documentProblems(problems, files, role).map((problem: DocumentProblem) => {
    const diagnostic = new vscode.Diagnostic(
      rangeOf(problem.place),
      problem.message,
      problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
    );
    diagnostic.source = 'AWS';
    if (problem.code) {
      diagnostic.code = problem.code;
    }
    if (problem.related.length > 0) {
      diagnostic.relatedInformation = problem.related.map(
        ({ place, message }) =>
          new vscode.DiagnosticRelatedInformation(
            new vscode.Location(place.role === role ? document.uri : vscode.Uri.file(files[place.role].path), rangeOf(place)),
            message,
          ),
      );
    }
    return { diagnostic, problem };
  });
}
