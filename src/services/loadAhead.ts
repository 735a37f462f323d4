/**
 * Loading a lazy chunk before its first use, once the user shows they are about to need it: the
 * Connect to AWS pick shown, the sign-in panel opened. An `import()` of a chunk is a `require`, which
 * caches the module, so the use that imports it again finds it loaded (and so does a second load ahead).
 */
import type * as vscode from 'vscode';
import { errorMessage } from '../core/errors';

/**
 * Starts `load` on a later turn of the event loop: a chunk is read on the extension host's one
 * thread, and what the caller has just shown must reach the window first. A failure is only logged:
 * the use loads the chunk again, and tells the user why it cannot.
 */
export function loadAhead(log: vscode.LogOutputChannel, load: () => Promise<unknown>): void {
  setTimeout(() => {
    // The error names the file that could not be loaded.
    load().catch((error: unknown) => log.warn(`Loading code ahead of its use failed: ${errorMessage(error)}`));
  }, 0);
}
