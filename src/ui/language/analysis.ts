/**
 * What the editor features know about an open shared file: both files with the document's unsaved
 * text, and their snapshot, worked out once per version of the document and of the files on disk.
 * The language features (core/language) load here, on first use: when such a file is opened.
 */
import * as vscode from 'vscode';
import type { FileRole } from '../../core/files/roles';
import type { CheckedProblems } from '../../core/language/diagnostics';
import type * as Features from '../../core/language/features';
import type { SharedFiles } from '../../core/profiles/read';
import type { ProfileSnapshot } from '../../core/validation/snapshot';
import { languageIds } from '../../manifest';
import type { ProfileService } from '../../services/profileService';

export type LanguageFeatures = typeof Features;

export class Analysis {
  #snapshot: ProfileSnapshot | undefined;
  #problems: CheckedProblems | undefined;

  constructor(
    readonly role: FileRole,
    readonly files: SharedFiles,
    private readonly base: ProfileSnapshot,
    private readonly onDisk: SharedFiles | undefined,
    readonly features: LanguageFeatures,
  ) {}

  /** Checked when first asked for (hover): covering secrets and completing need only the files. */
  get snapshot(): ProfileSnapshot {
    // The document as saved: the profile service's snapshot is already this one.
    return (this.#snapshot ??= this.files === this.onDisk ? this.base : this.features.snapshotOf(this.files));
  }

  /** The problems of both files, checked without building the profiles (diagnostics and quick fixes need no more). */
  get problems(): CheckedProblems {
    return (this.#problems ??= this.#snapshot
      ? this.features.problemsOf(this.#snapshot)
      : this.files === this.onDisk
        ? this.features.problemsOf(this.base)
        : this.features.checkFiles(this.files));
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
  private readonly kept = new WeakMap<vscode.TextDocument, { versions: string; base: ProfileSnapshot; analysis: Promise<Analysis> }>();

  constructor(private readonly profiles: ProfileService) {}

  async of(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const role = roleOf(document);
    if (role === undefined) {
      return undefined;
    }
    const base = await this.profiles.latest();
    // The other file as the editor holds it, when it does: an edit of both (a rename) is applied to that text.
    const other = otherRole(role);
    const isSharedFile = document.uri.scheme === 'file' && document.uri.fsPath === this.profiles.paths[role];
    const otherDocument = vscode.workspace.textDocuments.find(
      (candidate) => isSharedFile && candidate.uri.scheme === 'file' && candidate.uri.fsPath === this.profiles.paths[other],
    );
    const versions = `${document.version} ${otherDocument?.version ?? ''}`;
    const kept = this.kept.get(document);
    if (kept && kept.versions === versions && kept.base === base) {
      return kept.analysis;
    }
    const analysis = analyse(document, role, base, otherDocument && { role: other, document: otherDocument }, kept?.analysis);
    this.kept.set(document, { versions, base, analysis });
    return analysis;
  }
}

const otherRole = (role: FileRole): FileRole => (role === 'config' ? 'credentials' : 'config');

async function analyse(
  document: vscode.TextDocument,
  role: FileRole,
  base: ProfileSnapshot,
  other: { readonly role: FileRole; readonly document: vscode.TextDocument } | undefined,
  previous: Promise<Analysis> | undefined,
): Promise<Analysis> {
  // The reader's chunk made the snapshot, so only it can open it; the features come in a chunk of their own.
  const [{ filesOf }, features] = await Promise.all([
    import('../../core/validation/snapshot.js'),
    import('../../core/language/features.js'),
  ]);
  const onDisk = filesOf(base);
  const path = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString();
  // The document a keystroke ago: only the section typed in is scanned again.
  const before = (await previous?.catch(() => undefined))?.files[role];
  let files = features.documentFiles(onDisk, role, path, document.getText(), before);
  if (other) {
    files = features.documentFiles(files, other.role, other.document.uri.fsPath, other.document.getText());
  }
  return new Analysis(role, files, base, onDisk, features);
}
