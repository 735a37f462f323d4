/**
 * Notices changes to files that may not exist yet, in folders that may not exist yet, edited by
 * any program. Polling `stat` (Node's `watchFile`) is the one way that covers all of that, symlinks
 * and atomic renames included; for two small files it costs next to nothing.
 */
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';

export interface FileWatch {
  close(): void;
}

/** What the watch compares: a file changed when any of these did. */
function stampOf(stats: Stats): string {
  return `${stats.mtimeMs}:${stats.ino}:${stats.size}:${stats.mode}`;
}

/**
 * What the files look like now, in the terms the watch compares, as one string: equal stamps
 * taken before a read and later mean the read is still what is on disk, without reading again.
 */
export async function filesStamp(paths: readonly string[]): Promise<string> {
  const stamps = await Promise.all(
    paths.map((path) => stat(path).then(stampOf, (error: NodeJS.ErrnoException) => `unreadable:${error.code ?? ''}`)),
  );
  return stamps.join('|');
}

export function watchFiles(paths: readonly string[], onChange: (path: string) => void, intervalMs = 400): FileWatch {
  const listeners = paths.map((path) => {
    const listener = (current: Stats, previous: Stats): void => {
      if (stampOf(current) !== stampOf(previous)) {
        onChange(path);
      }
    };
    watchFile(path, { interval: intervalMs, persistent: false }, listener);
    return { path, listener };
  });
  return {
    close: () => {
      for (const { path, listener } of listeners) {
        unwatchFile(path, listener);
      }
    },
  };
}

/**
 * A watch over a set of files that changes with the AWS files (the token files they name):
 * following the same set again costs nothing, another set replaces the watch.
 */
export interface FileSetWatch extends FileWatch {
  follow(paths: readonly string[]): void;
}

export function watchFileSet(onChange: (path: string) => void, intervalMs?: number): FileSetWatch {
  let watch: FileWatch | undefined;
  let watched = '';
  return {
    follow: (paths) => {
      const files = [...new Set(paths)].sort();
      if (files.join('\0') === watched) {
        return;
      }
      watch?.close();
      watched = files.join('\0');
      watch = files.length > 0 ? watchFiles(files, onChange, intervalMs) : undefined;
    },
    close: () => watch?.close(),
  };
}
