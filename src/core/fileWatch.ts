/**
 * Notices changes to files that may not exist yet, in folders that may not exist yet, edited by
 * any program. Polling `stat` (Node's `watchFile`) is the one way that covers all of that, symlinks
 * and atomic renames included; for two small files it costs next to nothing.
 */
import { unwatchFile, watchFile, type Stats } from 'node:fs';

export interface FileWatch {
  close(): void;
}

export function watchFiles(paths: readonly string[], onChange: (path: string) => void, intervalMs = 400): FileWatch {
  const listeners = paths.map((path) => {
    const listener = (current: Stats, previous: Stats): void => {
      if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino || current.size !== previous.size || current.mode !== previous.mode) {
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
