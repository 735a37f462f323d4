/**
 * The journal of an edit that replaces several files (the config and credentials files): written,
 * private and synced, once every new text is staged beside its file and before the first rename;
 * removed after the last. A journal found later means an edit was killed between two renames:
 * finishInterruptedEdit completes it from the staged files it names, so the files are never left
 * half old, half new. It holds no secret, only digests of the texts and the staged files' names.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isRunning } from './processes';
import { privateFileMode } from './temporary';
import { readSettledBytes } from './textFile';

export interface JournalEntry {
  readonly target: string;
  /** The staged new text, renamed over `target` to finish the edit. */
  readonly staged: string;
  /** Digests of the target's text before and after the edit; null: no file. */
  readonly before: string | null;
  readonly after: string;
}

interface Journal {
  readonly pid: number;
  readonly host: string;
  readonly entries: readonly JournalEntry[];
}

/** The journal of edits whose first file is `target`, beside it. */
export function journalPathOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.journal`);
}

export function digestOf(bytes: Buffer | string | undefined): string | null {
  return bytes === undefined ? null : createHash('sha256').update(bytes).digest('hex');
}

export async function writeJournal(file: string, entries: readonly JournalEntry[]): Promise<void> {
  const journal: Journal = { pid: process.pid, host: os.hostname(), entries };
  const handle = await fs.open(file, 'wx', privateFileMode);
  try {
    await handle.writeFile(JSON.stringify(journal));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function removeJournal(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

/**
 * Completes an edit a killed process left half done; call it holding the files' locks. Each file
 * still holding its old text gets its staged new text; a file someone changed since is left as
 * it is. Gives the files it completed, or undefined when there was nothing to finish.
 */
export async function finishInterruptedEdit(file: string): Promise<readonly string[] | undefined> {
  const journal = await readJournal(file);
  if (journal === undefined) {
    return undefined;
  }
  if (journal.pid !== process.pid && journal.host === os.hostname() && isRunning(journal.pid)) {
    // Its writer still runs and lost its lock (it hung for longer than a lock lasts): leave it be.
    return undefined;
  }
  const completed: string[] = [];
  for (const entry of journal.entries) {
    const current = digestOf((await readSettledBytes(entry.target).catch(() => undefined))?.bytes);
    if (current === entry.before && current !== entry.after) {
      const renamed = await fs.rename(entry.staged, entry.target).then(
        () => true,
        () => false,
      );
      if (renamed) {
        completed.push(entry.target);
      }
    }
    await fs.rm(entry.staged, { force: true });
  }
  await removeJournal(file);
  return completed;
}

/** The staged files a journal names: not stale leftovers while the journal waits to be finished. */
export async function stagedFilesOf(file: string): Promise<ReadonlySet<string>> {
  return new Set((await readJournal(file))?.entries.map((entry) => entry.staged) ?? []);
}

async function readJournal(file: string): Promise<Journal | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    return undefined;
  }
  try {
    const journal = JSON.parse(text) as Journal;
    return Array.isArray(journal.entries) ? journal : { pid: 0, host: '', entries: [] };
  } catch {
    // Killed while writing the journal: no rename had happened yet, so there is nothing to finish.
    return { pid: 0, host: '', entries: [] };
  }
}
