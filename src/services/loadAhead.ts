/**
 * Loading a lazy chunk before its first use, once the user shows they are about to need it: the
 * Connect to AWS pick on screen, the sign-in panel's form shown. An `import()` of a chunk is a
 * `require`, which caches the module, so the use that imports it again finds it loaded.
 */
import type * as vscode from 'vscode';
import { errorMessage } from '../core/errors';

/** The loads started (or done): each runs once, however often the pick is shown. */
const started = new Set<() => Promise<unknown>>();

/**
 * Starts `load`, once, on a later turn of the event loop: a chunk is read on the extension host's
 * one thread, and what the caller has just shown must reach the window first. A failure is only
 * logged (and the load may be tried again): the use loads the chunk again, and tells the user why it cannot.
 */
export function loadAhead(log: vscode.LogOutputChannel, load: () => Promise<unknown>): void {
  if (started.has(load)) {
    return;
  }
  started.add(load);
  setTimeout(() => {
    load().catch((error: unknown) => {
      started.delete(load);
      // The error names the file that could not be loaded.
      log.warn(`Loading code ahead of its use failed: ${errorMessage(error)}`);
    });
  }, 0);
}
