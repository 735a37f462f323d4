/**
 * The editor of the two shared files: their languages wherever they are, diagnostics as the user
 * types, secrets covered, and the providers. Registering them loads nothing: the features
 * (core/language) load when the first such file is opened.
 */
import * as vscode from 'vscode';
import { languageIds } from '../../manifest';
import type { ProfileService } from '../../services/profileService';
import { DocumentAnalyses } from './analysis';
import { ProfileCodeLenses } from './codeLens';
import { SharedFileDiagnostics } from './diagnostics';
import { assignLanguages } from './documents';
import { SharedFileProviders } from './providers';
import { SecretMasks } from './secretMasks';

const selector: vscode.DocumentSelector = [{ language: languageIds.config }, { language: languageIds.credentials }];

export function registerLanguageFeatures(profiles: ProfileService, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const analyses = new DocumentAnalyses(profiles);
  const providers = new SharedFileProviders(analyses);
  const lenses = new ProfileCodeLenses(analyses);
  return [
    assignLanguages(profiles.paths),
    new SharedFileDiagnostics(analyses, profiles, log),
    new SecretMasks(analyses, log),
    lenses,
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerCompletionItemProvider(selector, providers, '[', '='),
    vscode.languages.registerHoverProvider(selector, providers),
    vscode.languages.registerDocumentSymbolProvider(selector, providers, { label: vscode.l10n.t('AWS profiles') }),
    vscode.languages.registerFoldingRangeProvider(selector, providers),
    vscode.languages.registerDefinitionProvider(selector, providers),
    vscode.languages.registerReferenceProvider(selector, providers),
    vscode.languages.registerRenameProvider(selector, providers),
    vscode.languages.registerCodeActionsProvider(selector, providers, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  ];
}
