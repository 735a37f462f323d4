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
import { SecretMasks } from './secretMasks';

const selector: vscode.DocumentSelector = [{ language: languageIds.config }, { language: languageIds.credentials }];

export function registerLanguageFeatures(profiles: ProfileService, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const analyses = new DocumentAnalyses(profiles);
  return [
    assignLanguages(profiles.paths),
    new SharedFileDiagnostics(analyses, profiles, log),
    new SecretMasks(analyses, log),
    vscode.languages.registerCodeLensProvider(selector, new ProfileCodeLenses(analyses)),
  ];
}
