/** What the extension host has loaded with require(), and the garbage collector, for measuring activation. */
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Every module file in the extension host's require cache. */
export function loadedFiles(): Set<string> {
  return new Set(Object.keys(require.cache));
}

/** The files loaded since `before`, relative to `root` (files outside it keep their absolute path). */
export function loadedSince(before: ReadonlySet<string>, root: string): string[] {
  return [...loadedFiles()]
    .filter((file) => !before.has(file))
    .map((file) => (file.startsWith(root + path.sep) ? path.relative(root, file) : file))
    .sort();
}

/** The extension's own files in the require cache (relative to its `root`) and any AWS SDK file, wherever it is. */
export function extensionAndSdkFiles(root: string): string[] {
  return loadedSince(new Set(), root).filter((file) => !path.isAbsolute(file) || /[\\/]node_modules[\\/]@(aws-sdk|smithy)[\\/]/.test(file));
}

setFlagsFromString('--expose-gc');
// A new context sees the `gc` function the flag just exposed; the host itself was started without it.
const gc = runInNewContext('gc') as () => void;

/** The heap in use once garbage is collected, so that two readings differ only by what stayed alive. */
export function liveHeapBytes(): number {
  gc();
  return process.memoryUsage().heapUsed;
}
