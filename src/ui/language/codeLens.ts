/**
 * Connect and Test above each profile's header: the two things a person checks after editing one.
 * Only the headers on and near the screen get lenses, which are given bare and get their commands
 * when VS Code shows them (resolveCodeLens): for a file of 10,000 profiles the window would
 * otherwise take in 20,000 lenses with their commands on every keystroke.
 */
import * as vscode from 'vscode';
import { quoted } from '../../core/secrets';
import { commandId } from '../../manifest';
import { roleOf, type DocumentAnalyses } from './analysis';
import { commandTitle } from '../commandTitles';

/** Lines above and below the visible ones that get lenses too, so scrolling shows them at once. */
const margin = 200;

class ProfileLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly profile: string,
    readonly action: 'connect' | 'test',
  ) {
    super(range);
  }
}

export class ProfileCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly scrolled: vscode.Disposable;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly analyses: DocumentAnalyses) {
    this.scrolled = vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => {
      // Scrolling another file changes no lens of these.
      if (roleOf(textEditor.document) === undefined) {
        return;
      }
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.changed.fire(), 100);
    });
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const analysis = await this.analyses.of(document);
    if (!analysis) {
      return [];
    }
    const shown = vscode.window.visibleTextEditors
      .filter((editor) => editor.document === document)
      .flatMap((editor) => editor.visibleRanges);
    const near = (line: number): boolean =>
      shown.length === 0 ? line < margin : shown.some((range) => range.start.line - margin <= line && line <= range.end.line + margin);
    return analysis.features
      .profileHeaders(analysis.files[analysis.role])
      .filter(({ line }) => near(line))
      .flatMap(({ name, line }) => {
        const range = new vscode.Range(line, 0, line, 0);
        return [new ProfileLens(range, name, 'connect'), new ProfileLens(range, name, 'test')];
      });
  }

  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (lens instanceof ProfileLens) {
      const { profile } = lens;
      lens.command =
        lens.action === 'connect'
          ? {
              title: vscode.l10n.t('Connect'),
              command: commandId('connectProfile'),
              arguments: [profile],
              tooltip: vscode.l10n.t('{0} {1}', commandTitle('connectProfile'), quoted(profile)),
            }
          : {
              title: vscode.l10n.t('Test'),
              command: commandId('testProfile'),
              arguments: [profile],
              tooltip: vscode.l10n.t('Check with STS GetCallerIdentity that {0} works, without connecting', quoted(profile)),
            };
    }
    return lens;
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.scrolled.dispose();
    this.changed.dispose();
  }
}
