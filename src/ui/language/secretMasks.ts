/**
 * Covers the values of secret keys in the editor until the cursor is on their line, so a shared
 * screen does not show them. `awsCredentialManager.editor.maskSecrets` turns it off; the command
 * Show or Mask Secrets in the Editor flips that setting.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../../core/errors';
import { settingIds } from '../../manifest';
import { roleOf, type DocumentAnalyses } from './analysis';
import { settleMs } from './diagnostics';

/** Lines above and below the visible ones that are covered too, so scrolling never shows a secret first. */
const margin = 50;

export class SecretMasks implements vscode.Disposable {
  private readonly mask = vscode.window.createTextEditorDecorationType({
    // The characters stay in the document (copy, search); only their glyphs are hidden, behind dots.
    opacity: '0',
    letterSpacing: '-1ch',
    before: { contentText: '••••••••', color: new vscode.ThemeColor('editorCodeLens.foreground') },
  });
  private readonly disposables: vscode.Disposable[];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const all = (): void => vscode.window.visibleTextEditors.forEach((editor) => this.refresh(editor));
    this.disposables = [
      this.mask,
      vscode.window.onDidChangeVisibleTextEditors(all),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => this.refresh(textEditor)),
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => this.refresh(textEditor)),
      // Decorations move with the text they cover; new lines are covered once typing pauses.
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        clearTimeout(this.pending);
        this.pending = setTimeout(
          () => vscode.window.visibleTextEditors.filter((editor) => editor.document === document).forEach((editor) => this.refresh(editor)),
          settleMs,
        );
      }),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(settingIds.editorMaskSecrets) && all()),
    ];
    all();
  }

  private refresh(editor: vscode.TextEditor): void {
    if (roleOf(editor.document) === undefined) {
      return;
    }
    this.cover(editor).catch((error: unknown) =>
      this.log.error(`Covering the secrets of ${editor.document.uri.fsPath} failed: ${errorMessage(error)}`),
    );
  }

  private async cover(editor: vscode.TextEditor): Promise<void> {
    if (!vscode.workspace.getConfiguration().get<boolean>(settingIds.editorMaskSecrets, true)) {
      editor.setDecorations(this.mask, []);
      return;
    }
    const { document } = editor;
    const version = document.version;
    const analysis = await this.analyses.of(document);
    if (!analysis || document.version !== version) {
      return;
    }
    const visible = editor.visibleRanges;
    const from = Math.max(0, (visible[0]?.start.line ?? 0) - margin);
    const to = Math.min(document.lineCount - 1, (visible.at(-1)?.end.line ?? 0) + margin);
    const underCursor = (line: number): boolean =>
      editor.selections.some((selection) => selection.start.line <= line && line <= selection.end.line);
    const ranges = analysis.features
      .secretRanges(analysis.files[analysis.role].scan, (index) => document.lineAt(index).text, from, to)
      .filter((range) => !underCursor(range.start.line))
      .map((range) => new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
    editor.setDecorations(this.mask, ranges);
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}

/** Show or Mask Secrets in the Editor: flips the setting for every window. */
export async function toggleSecretMasking(): Promise<void> {
  const configuration = vscode.workspace.getConfiguration();
  const masked = configuration.get<boolean>(settingIds.editorMaskSecrets, true);
  await configuration.update(settingIds.editorMaskSecrets, !masked, vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(
    masked
      ? vscode.l10n.t('Secrets in the AWS files are now shown in the editor.')
      : vscode.l10n.t('Secrets in the AWS files are now covered in the editor until the cursor is on their line.'),
  );
}
