/**
 * The one source of truth for profiles: reads both shared files, keeps the latest validation,
 * watches the files (created later, edited anywhere) and tells subscribers when they changed.
 * Every write goes through `edit`, which re-reads afterwards. The reader and writer are loaded on
 * first use, so activation reads nothing.
 */
import * as vscode from 'vscode';
import type { SharedFilePaths } from '../core/filePaths';
import { filesStamp, watchFiles } from '../core/fileWatch';
import type { FileTexts, ProfileEdit } from '../core/profileEdits';
import type { EditOutcome } from '../core/profileStore';
import type { FileRole } from '../core/sharedFiles';
import type { Validation } from '../core/validate';

export class ProfileService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Validation>();
  readonly onDidChange = this.changed.event;
  private latest: Promise<Validation> | undefined;
  /** What both files looked like (time, inode, size, mode) just before the latest read began. */
  private latestStamps: Promise<string> | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly paths: SharedFilePaths) {
    const watch = watchFiles([paths.config, paths.credentials], () => this.refreshSoon());
    this.disposables.push(
      { dispose: () => watch.close() },
      // A save in the editor is seen at once; the watch catches every other writer within its interval.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.uri.scheme === 'file' && [paths.config, paths.credentials].includes(document.uri.fsPath)) {
          this.refreshSoon();
        }
      }),
    );
  }

  /** The latest validation, reading the files the first time. */
  validation(): Promise<Validation> {
    return this.latest ?? this.refresh();
  }

  /**
   * The files as they are on disk now: the latest validation when neither file changed since it was
   * read (two stats, as the watch compares them), else a new read. Re-reading 10,000 profiles costs
   * about 100 ms, which a quick pick opened over unchanged files need not wait for.
   */
  async upToDate(): Promise<Validation> {
    const [latest, before] = [this.latest, this.latestStamps];
    if (latest && before && (await before) === (await filesStamp([this.paths.config, this.paths.credentials])) && latest === this.latest) {
      try {
        return await latest;
      } catch {
        // A read that failed is tried again below.
      }
    }
    return this.refresh();
  }

  refresh(): Promise<Validation> {
    const generation = ++this.generation;
    // Taken before reading: a change made during the read is seen as a change by the next upToDate().
    const stamps = filesStamp([this.paths.config, this.paths.credentials]);
    this.latestStamps = stamps;
    const read = (async () => {
      await stamps;
      const { readProfiles } = await import('../core/profileFiles.js');
      return readProfiles(this.paths);
    })();
    this.latest = read;
    read.then(
      (validation) => {
        if (generation === this.generation) {
          this.changed.fire(validation);
        }
      },
      () => undefined,
    );
    return read;
  }

  /** Applies an edit to the files on disk (see editProfiles) and re-reads them. */
  async edit(edit: ProfileEdit, expected?: FileTexts): Promise<EditOutcome> {
    const { editProfileFiles } = await import('../core/profileFiles.js');
    try {
      return await editProfileFiles(this.paths, edit, expected);
    } finally {
      await this.refresh().catch(() => undefined);
    }
  }

  async createFileIfMissing(role: FileRole): Promise<boolean> {
    const { createFileIfMissing } = await import('../core/profileFiles.js');
    const created = await createFileIfMissing(this.paths, role);
    if (created) {
      await this.refresh().catch(() => undefined);
    }
    return created;
  }

  private refreshSoon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh().catch(() => undefined), 50);
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
