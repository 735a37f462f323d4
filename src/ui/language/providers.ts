/**
 * The language providers of the two shared files: each turns a VS Code request into a call of the
 * editor features (core/language) on the document's analysis, and the answer into VS Code's types.
 */
import * as vscode from 'vscode';
import type { CompletionKind } from '../../core/language/completion';
import type { FilePlace } from '../../core/language/references';
import type { SectionSymbol, KeySymbol } from '../../core/language/symbols';
import type { DocumentAnalyses, Analysis } from './analysis';
import { fromPosition, toRange, uriOf, workspaceEdit } from './convert';
import { diagnosticsOf } from './diagnostics';

const completionKinds: Readonly<Record<CompletionKind, vscode.CompletionItemKind>> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  profile: vscode.CompletionItemKind.Reference,
  session: vscode.CompletionItemKind.Reference,
  section: vscode.CompletionItemKind.Module,
};

const symbolKinds: Readonly<Record<SectionSymbol['kind'], vscode.SymbolKind>> = {
  profile: vscode.SymbolKind.Class,
  'sso-session': vscode.SymbolKind.Interface,
  services: vscode.SymbolKind.Namespace,
  ignored: vscode.SymbolKind.Null,
};

function locationOf(analysis: Analysis, document: vscode.TextDocument, place: FilePlace): vscode.Location {
  return new vscode.Location(uriOf(analysis.files, place.role, document, analysis.role), toRange(place.range));
}

function symbolOf(symbol: SectionSymbol | KeySymbol, kind: vscode.SymbolKind): vscode.DocumentSymbol {
  const made = new vscode.DocumentSymbol(symbol.name, symbol.detail, kind, toRange(symbol.range), toRange(symbol.selectionRange));
  made.children = symbol.children.map((child) => symbolOf(child, vscode.SymbolKind.Property));
  return made;
}

export class SharedFileProviders
  implements
    vscode.CompletionItemProvider,
    vscode.HoverProvider,
    vscode.DocumentSymbolProvider,
    vscode.FoldingRangeProvider,
    vscode.DefinitionProvider,
    vscode.ReferenceProvider,
    vscode.RenameProvider,
    vscode.CodeActionProvider
{
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const analysis = await this.analyses.of(document);
    if (!analysis) {
      return [];
    }
    return analysis.features.completionsAt(analysis.files, analysis.role, fromPosition(position)).map((item) => {
      const made = new vscode.CompletionItem(item.label, completionKinds[item.kind]);
      if (item.detail !== undefined) {
        made.detail = item.detail;
      }
      if (item.documentation !== undefined) {
        made.documentation = new vscode.MarkdownString(item.documentation);
      }
      made.insertText = item.isSnippet ? new vscode.SnippetString(item.insertText) : item.insertText;
      made.range = toRange(item.range);
      made.sortText = item.sortText;
      if (item.retrigger) {
        made.command = { title: vscode.l10n.t('Suggest values'), command: 'editor.action.triggerSuggest' };
      }
      return made;
    });
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const analysis = await this.analyses.of(document);
    if (!analysis) {
      return undefined;
    }
    const { snapshot } = analysis;
    const reports = new Map(snapshot.reports.map((report) => [report.profile.name, report]));
    const hover = analysis.features.hoverAt(analysis.files, analysis.role, fromPosition(position), (name) => reports.get(name));
    return hover && new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range));
  }

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const analysis = await this.analyses.of(document);
    return (analysis?.features.documentSymbols(analysis.files[analysis.role]) ?? []).map((symbol) =>
      symbolOf(symbol, symbolKinds[symbol.kind]),
    );
  }

  async provideFoldingRanges(document: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
    const analysis = await this.analyses.of(document);
    // VS Code keeps this many regions and drops the rest: sending them would only slow the window.
    const kept = vscode.workspace.getConfiguration('editor', document).get<number>('foldingMaximumRegions', 5_000);
    return (analysis?.features.foldingRanges(analysis.files[analysis.role].scan) ?? [])
      .slice(0, kept)
      .map((fold) => new vscode.FoldingRange(fold.start, fold.end, fold.kind === 'comment' ? vscode.FoldingRangeKind.Comment : undefined));
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> {
    const analysis = await this.analyses.of(document);
    if (!analysis) {
      return [];
    }
    return analysis.features
      .definitionAt(analysis.files, analysis.role, fromPosition(position))
      .map((place) => locationOf(analysis, document, place));
  }

  async provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): Promise<vscode.Location[]> {
    const analysis = await this.analyses.of(document);
    if (!analysis) {
      return [];
    }
    return analysis.features
      .referencesAt(analysis.files, analysis.role, fromPosition(position), context.includeDeclaration)
      .map((place) => locationOf(analysis, document, place));
  }

  async prepareRename(document: vscode.TextDocument, position: vscode.Position): Promise<{ range: vscode.Range; placeholder: string }> {
    const analysis = await this.analyses.of(document);
    const start = analysis?.features.prepareRename(analysis.files, analysis.role, fromPosition(position));
    if (!start) {
      // VS Code shows the message of what prepareRename throws.
      throw new Error(
        vscode.l10n.t('Only a profile can be renamed here: put the cursor on its name in a section header or after source_profile.'),
      );
    }
    return { range: toRange(start.range), placeholder: start.placeholder };
  }

  async provideRenameEdits(
    document: vscode.TextDocument,
    position: vscode.Position,
    newName: string,
  ): Promise<vscode.WorkspaceEdit | undefined> {
    const analysis = await this.analyses.of(document);
    if (!analysis) {
      return undefined;
    }
    // A refused name throws the edit's own message (the one Rename Profile... shows), which VS Code shows.
    const edits = analysis.features.renameEdits(analysis.files, analysis.role, fromPosition(position), newName.trim());
    return workspaceEdit(analysis.files, edits, document, analysis.role);
  }

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): Promise<vscode.CodeAction[]> {
    const analysis = await this.analyses.of(document);
    if (!analysis) {
      return [];
    }
    return diagnosticsOf(analysis, document).flatMap(({ diagnostic, problem }) => {
      if (problem.code === undefined || !diagnostic.range.intersection(range)) {
        return [];
      }
      return analysis.features.quickFixes(analysis.files, analysis.role, problem.problem).map((fix) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(analysis.files, fix.edits, document, analysis.role);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        return action;
      });
    });
  }
}
