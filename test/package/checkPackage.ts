/**
 * The package step of npm test: fails unless the .vsix holds exactly what a user's VS Code reads
 * (see packageContents) and the activation bundle holds no package code but @vscode/l10n's 2 KB
 * (the status bar's words are translated from the start), so the AWS SDK is never loaded on
 * activation. Prints the .vsix's size in bytes.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { root } from '../host/install';
import { contentProblems, expectedContents, zipEntries } from './packageContents';

interface Meta {
  readonly outputs: Readonly<Record<string, { readonly inputs: Readonly<Record<string, unknown>> }>>;
}

const meta = JSON.parse(readFileSync(path.join(root, 'dist', 'meta.json'), 'utf8')) as Meta;
const activationInputs = Object.keys(meta.outputs['dist/extension.js']?.inputs ?? {});
const allowed = new Set(['node_modules/@vscode/l10n/dist/main.js']);
const packaged = activationInputs.filter((input) => input.includes('node_modules') && !allowed.has(input));
if (activationInputs.length === 0 || packaged.length > 0) {
  console.error(`dist/extension.js must hold only the project's own code and @vscode/l10n; it holds: ${packaged.join(', ') || 'nothing'}`);
  process.exit(1);
}

const vsix = path.resolve(root, process.argv[2] ?? 'aws-credential-manager.vsix');
const bytes = readFileSync(vsix);
const entries = zipEntries(bytes);
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as unknown;
const expected = expectedContents(root, manifest, readFileSync(path.join(root, 'README.md'), 'utf8'));
const { unexpected, missing } = contentProblems(entries, expected);
if (unexpected.length > 0 || missing.length > 0) {
  console.error(
    `${path.basename(vsix)} does not hold exactly what ships.\nUnexpected (leave them out in .vscodeignore): ${unexpected.join(', ') || 'none'}\n` +
      `Missing (the manifest or README names them; let them in with .vscodeignore): ${missing.join(', ') || 'none'}`,
  );
  process.exit(1);
}
console.log(`dist/extension.js: ${activationInputs.length} modules, from node_modules only ${[...allowed].join(', ')}`);
console.log(`${path.basename(vsix)}: ${bytes.length} bytes, ${entries.length} files, all expected:\n  ${entries.join('\n  ')}`);
