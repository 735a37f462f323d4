/**
 * Connect and Test above each profile's header: the two things a person checks after editing one.
 * The lenses are given bare and get their commands when VS Code shows them (resolveCodeLens): a
 * file of 10,000 profiles would otherwise send 20,000 commands to the window after every keystroke.
 */
import * as vscode from 'vscode';
import { quoted } from '../../core/secrets';
import { commandId, commandTitles } from '../../manifest';
import type { DocumentAnalyses } from './analysis';

export class ProfileCodeLenses implements vscode.CodeLensProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const analysis = await this.analyses.of(document);
    if (!analysis) {
      return [];
    }
    return analysis.features.profileHeaders(analysis.files[analysis.role]).flatMap(({ name, line }) => {
      const range = new vscode.Range(line, 0, line, 0);
      return [
        new vscode.CodeLens(range, {
          title: 'Connect',
          command: commandId('connectProfile'),
          arguments: [name],
          tooltip: `${commandTitles.connectProfile} ${quoted(name)}`,
        }),
        new vscode.CodeLens(range, {
          title: 'Test',
          command: commandId('testProfile'),
          arguments: [name],
          tooltip: `Check with STS GetCallerIdentity that ${quoted(name)} works, without connecting`,
        }),
      ];
    });
  }
}
