/**
 * Which loaded files are AWS SDK code: files of @aws-sdk/* or @smithy/* packages, and our bundles
 * that carry some of it (read from esbuild's metafile, dist/meta.json), with how much they carry.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface Metafile {
  readonly outputs: Record<string, { readonly bytes: number; readonly inputs: Record<string, { readonly bytesInOutput: number }> }>;
}

const sdkPackage = /node_modules[\\/]((?:@aws-sdk|@smithy)[\\/][^\\/]+)/;

/** Each loaded file that is or bundles SDK code, described for the table, e.g. "dist/lazy/x.js (bundles @smithy/core 2.0 KB)". */
export function sdkCodeIn(loaded: readonly string[], root: string): string[] {
  const meta = JSON.parse(readFileSync(path.join(root, 'dist', 'meta.json'), 'utf8')) as Metafile;
  const found: string[] = [];
  for (const file of loaded) {
    if (sdkPackage.test(file)) {
      found.push(file);
      continue;
    }
    const bundled = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[file.split(path.sep).join('/')]?.inputs ?? {})) {
      const name = sdkPackage.exec(input)?.[1];
      if (name && bytesInOutput > 0) {
        bundled.set(name, (bundled.get(name) ?? 0) + bytesInOutput);
      }
    }
    if (bundled.size > 0) {
      found.push(`${file} (bundles ${[...bundled].map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`).join(', ')})`);
    }
  }
  return found;
}
