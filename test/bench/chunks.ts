/**
 * The size of each bundle of the production build and the ten modules that take most of it, from
 * esbuild's metafile (dist/meta.json): where a chunk's bytes go, to find code it never runs.
 * Alone: `npx tsc -p . && node esbuild.mjs --production && node out/test/bench/chunks.js`
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { root } from '../host/install';

interface Metafile {
  readonly outputs: Record<string, { readonly bytes: number; readonly inputs: Record<string, { readonly bytesInOutput: number }> }>;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** A module as the report names it: its package and path inside it, or the project's path. */
function moduleName(input: string): string {
  const inPackage = /node_modules\/(.*)$/.exec(input);
  return inPackage?.[1] ?? input.replace(/^(\.\.\/)+/, '');
}

export function chunkReport(top = 10): string {
  const meta = JSON.parse(readFileSync(path.join(root, 'dist', 'meta.json'), 'utf8')) as Metafile;
  const chunks = Object.entries(meta.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .sort(([, a], [, b]) => b.bytes - a.bytes);
  return chunks
    .map(([file, output]) => {
      const modules = Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput);
      const listed = modules
        .slice(0, top)
        .map(([input, { bytesInOutput }]) => `    ${kb(bytesInOutput).padStart(9)}  ${moduleName(input)}`);
      return [`${file}: ${kb(output.bytes)}, ${modules.length} modules`, ...listed].join('\n');
    })
    .join('\n');
}

if (require.main === module) {
  console.log(chunkReport());
}
