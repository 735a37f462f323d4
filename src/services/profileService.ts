/**
 * The one source of truth for profiles: reads both shared files, keeps the latest snapshot,
 * watches the files (created later, edited anywhere) and tells subscribers when they changed.
 * Every write goes through `edit`, which reloads afterwards. The reader and writer are loaded on
 * first use, so activation reads nothing.
 */
import * as vscode from 'vscode';
import type { SharedFilePaths } from '../core/files/paths';
import type { FileRole } from '../core/files/roles';
import { waitUntilSettled } from '../core/files/textFile';
import { filesStamp, watchFiles } from '../core/files/watch';
import type { ProfileEdit } from '../core/profiles/edits';
import type { FileTexts } from '../core/profiles/editChecks';
import type { EditOutcome } from '../core/profiles/transaction';
import type { ProfileSnapshot } from '../core/validation/snapshot';

export class ProfileService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProfileSnapshot>();
  /** Fires when a read finds the files changed; reading never fires it by itself. */
  readonly onDidChange = this.changed.event;
  private current: Promise<ProfileSnapshot> | undefined;
  /** What both files looked like (time, inode, size, mode) just before the current read began. */
  private currentStamps: Promise<string> | undefined;
  /** The snapshot subscribers were last given. */
  private announced: ProfileSnapshot | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly paths: SharedFilePaths) {
    const watch = watchFiles([paths.config, paths.credentials], () => this.reloadSoon());
    this.disposables.push(
      { dispose: () => watch.close() },
      // A save in the editor is seen at once; the watch catches every other writer within its interval.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.uri.scheme === 'file' && [paths.config, paths.credentials].includes(document.uri.fsPath)) {
          this.reloadSoon();
        }
      }),
    );
  }

  /** The latest snapshot, reading the files only the first time. */
  latest(): Promise<ProfileSnapshot> {
    return this.current ?? this.reload();
  }

  /**
   * The files as they are on disk now: the latest snapshot when neither file changed since it was
   * read (two stats, as the watch compares them), else a new read. Re-reading 10,000 profiles costs
   * about 100 ms, which a quick pick opened over unchanged files need not wait for.
   */
  async upToDate(): Promise<ProfileSnapshot> {
    const [current, before] = [this.current, this.currentStamps];
    if (
      current &&
      before &&
      (await before) === (await filesStamp([this.paths.config, this.paths.credentials])) &&
      current === this.current
    ) {
      try {
        return await current;
      } catch {
        // A read that failed is tried again below.
      }
    }
    return this.reload();
  }

  /** Reads both files again; subscribers hear of it only when they changed. */
  reload(): Promise<ProfileSnapshot> {
    const generation = ++this.generation;
    // Taken before reading: a change made during the read is seen as a change by the next upToDate().
    const stamps = filesStamp([this.paths.config, this.paths.credentials]);
    this.currentStamps = stamps;
    const read = (async () => {
      await stamps;
      await Promise.all([this.paths.config, this.paths.credentials].map(waitUntilSettled));
      const { readSnapshot } = await import('../core/validation/snapshot.js');
      return readSnapshot(this.paths);
    })();
    this.current = read;
    read.then(
      (snapshot) => {
        if (generation !== this.generation) {
          return;
        }
        const unchanged = this.announced !== undefined && snapshot.readsSameFilesAs(this.announced);
        this.announced = snapshot;
        if (!unchanged) {
          this.changed.fire(snapshot);
        }
      },
      () => undefined,
    );
    return read;
  }

  /** Applies an edit to the files on disk (see applyEditToFiles) and reloads them. */
  async edit(edit: ProfileEdit, expected?: FileTexts): Promise<EditOutcome> {
    const { applyEditToFiles } = await import('../core/profiles/transaction.js');
    try {
      return await applyEditToFiles(this.paths, edit, expected);
    } finally {
      await this.reload().catch(() => undefined);
    }
  }

  async createFileIfMissing(role: FileRole): Promise<boolean> {
    const { createFileIfMissing } = await import('../core/profiles/transaction.js');
    const created = await createFileIfMissing(this.paths, role);
    if (created) {
      await this.reload().catch(() => undefined);
    }
    return created;
  }

  private reloadSoon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.reload().catch(() => undefined), 50);
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
