/**
 * What the editor features know about an open shared file: both files with the document's unsaved
 * text, and their snapshot, worked out once per version of the document and of the files on disk.
 * The language features (core/language) load here, on first use: when such a file is opened.
 */
import type * as vscode from 'vscode';
import type { FileRole } from '../../core/files/roles';
import type * as Features from '../../core/language/features';
import type { SharedFiles } from '../../core/profiles/read';
import type { ProfileSnapshot } from '../../core/validation/snapshot';
import { languageIds } from '../../manifest';
import type { ProfileService } from '../../services/profileService';

export type LanguageFeatures = typeof Features;

export class Analysis {
  #snapshot: ProfileSnapshot | undefined;

  constructor(
    readonly role: FileRole,
    readonly files: SharedFiles,
    private readonly base: ProfileSnapshot,
    private readonly onDisk: SharedFiles | undefined,
    readonly features: LanguageFeatures,
  ) {}

  /** Checked when first asked for (diagnostics, hover): covering secrets and completing need only the files. */
  get snapshot(): ProfileSnapshot {
    // The document as saved: the profile service's snapshot is already this one.
    return (this.#snapshot ??= this.files === this.onDisk ? this.base : this.features.snapshotOf(this.files));
  }
}

/** The file a document is, by its language: the two shared files get theirs wherever they are (see documents). */
export function roleOf(document: vscode.TextDocument): FileRole | undefined {
  return document.languageId === languageIds.config
    ? 'config'
    : document.languageId === languageIds.credentials
      ? 'credentials'
      : undefined;
}

export class DocumentAnalyses {
  private readonly kept = new WeakMap<vscode.TextDocument, { version: number; base: ProfileSnapshot; analysis: Promise<Analysis> }>();

  constructor(private readonly profiles: ProfileService) {}

  async of(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const role = roleOf(document);
    if (role === undefined) {
      return undefined;
    }
    const base = await this.profiles.latest();
    const kept = this.kept.get(document);
    if (kept && kept.version === document.version && kept.base === base) {
      return kept.analysis;
    }
    const analysis = analyse(document, role, base);
    this.kept.set(document, { version: document.version, base, analysis });
    return analysis;
  }
}

async function analyse(document: vscode.TextDocument, role: FileRole, base: ProfileSnapshot): Promise<Analysis> {
  // The reader's chunk made the snapshot, so only it can open it; the features come in a chunk of their own.
  const [{ filesOf }, features] = await Promise.all([
    import('../../core/validation/snapshot.js'),
    import('../../core/language/features.js'),
  ]);
  const onDisk = filesOf(base);
  const path = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString();
  return new Analysis(role, features.documentFiles(onDisk, role, path, document.getText()), base, onDisk, features);
}
