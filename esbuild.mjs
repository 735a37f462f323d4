// Builds the extension host bundle. `dist/extension.js` is what VS Code loads at activation; each
// module in `lazyModules` becomes its own file under `dist/lazy/`, reached only through `await import()`,
// so the AWS SDK code it pulls in is read on first use and never on the activation path.
import * as esbuild from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const lazyModules = ['src/core/profileFiles.ts', 'src/core/identity.ts', 'src/core/connect.ts', 'src/core/lambdaFunctions.ts'];
const lazyFiles = new Map(lazyModules.map((file) => [path.resolve(file), `./lazy/${path.basename(file, '.ts')}.js`]));

/** Turns `await import('./core/readProfiles')` into a load of `dist/lazy/readProfiles.js`, and refuses static imports of it. */
const lazyModulesPlugin = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'resolving' || args.kind === 'entry-point') {
        return undefined;
      }
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
      const lazy = lazyFiles.get(resolved.path);
      if (!lazy || lazyFiles.has(args.importer)) {
        return undefined;
      }
      if (args.kind !== 'dynamic-import') {
        return { errors: [{ text: `${args.path} is loaded lazily: import it with await import(), not statically.` }] };
      }
      return { path: lazy, external: true };
    });
  },
};

const options = {
  entryPoints: [
    { in: 'src/extension.ts', out: 'extension' },
    ...lazyModules.map((file) => ({ in: file, out: `lazy/${path.basename(file, '.ts')}` })),
  ],
  bundle: true,
  outdir: 'dist',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  // An external `import()` becomes a `require` in a promise, which the extension host resolves like any file.
  supported: { 'dynamic-import': false },
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'info',
  plugins: [lazyModulesPlugin],
};

/** The sign-in panel's script, for the webview (a browser page): one file in media/, next to its styles. */
const webviewOptions = {
  entryPoints: ['src/webview/signIn.ts'],
  bundle: true,
  outfile: 'media/signIn.js',
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: production,
  sourcemap: false,
  logLevel: 'info',
};

if (watch) {
  const contexts = [await esbuild.context(options), await esbuild.context(webviewOptions)];
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  // A module that is no longer lazy must not linger in dist/ and ship in the package.
  await rm('dist', { recursive: true, force: true });
  await esbuild.build(webviewOptions);
  const result = await esbuild.build(options);
  // Read by the package check, which proves that activation loads no package code.
  await writeFile('dist/meta.json', JSON.stringify(result.metafile));
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) {
      console.log(`${file}: ${(output.bytes / 1024).toFixed(1)} KB`);
    }
  }
}
