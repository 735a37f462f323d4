// Builds the extension host bundle. `dist/extension.js` is what VS Code loads at activation; each
// chunk in `lazyChunks` becomes its own file under `dist/lazy/`, reached only through `await import()`,
// so the AWS SDK code it pulls in is read on first use and never on the activation path.
import * as esbuild from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The lazy chunks: each is a file under dist/lazy/ serving the modules listed, and an `await import()`
 * of any of them loads it. `readAndEdit` serves the reader and the writer together so that one
 * module instance holds the scans: an edit reuses the scans of the read before it.
 */
const lazyChunks = {
  readAndEdit: ['src/core/validation/snapshot.ts', 'src/core/profiles/transaction.ts', 'src/core/aws/iam/storedKeys.ts'],
  // STS alone: who keys belong to, and the console sign-in (GetFederationToken, then the federation endpoint).
  identity: ['src/core/aws/identity.ts', 'src/core/aws/console/federation.ts'],
  resolveConnection: ['src/core/aws/resolveConnection.ts'],
  lambda: ['src/core/aws/resources/lambda.ts'],
  // IAM: Rotate Access Key and the key age of the Profiles view.
  iam: ['src/core/aws/iam/accessKeys.ts', 'src/core/aws/iam/rotation.ts'],
  // IAM Identity Center: the OIDC and portal clients, on first sign-in or connect; the cache alone for the views.
  sso: [
    'src/core/aws/sso/oidc.ts',
    'src/core/aws/sso/portal.ts',
    'src/core/aws/sso/freshToken.ts',
    'src/core/aws/sso/connectRole.ts',
    'src/core/aws/sso/signOut.ts',
  ],
  ssoCache: ['src/core/aws/sso/tokenCache.ts'],
  // The editor features of the two files, when the first of them is opened in an editor.
  language: ['src/core/language/features.ts'],
};
const chunkOf = new Map(
  Object.entries(lazyChunks).flatMap(([chunk, modules]) => modules.map((module) => [path.resolve(module), `./lazy/${chunk}.js`])),
);

/** Turns `await import('./core/aws/identity.js')` into a load of `dist/lazy/identity.js`, and refuses static imports of it. */
const lazyModulesPlugin = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /^lazy-chunk:/ }, (args) => ({ path: args.path.slice('lazy-chunk:'.length), namespace: 'lazy-chunk' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({
      contents: [
        ...lazyChunks[args.path].map((module) => `export * from ${JSON.stringify(path.resolve(module))};`),
        // Each chunk bundles its own copy of @vscode/l10n, which reads the bundle that activate gave the host's.
        "import { config } from '@vscode/l10n'; import { l10n } from 'vscode'; config({ contents: l10n.bundle ?? {} });",
      ].join('\n'),
      resolveDir: import.meta.dirname,
      loader: 'ts',
    }));
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'resolving' || args.kind === 'entry-point') {
        return undefined;
      }
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
      const chunk = chunkOf.get(resolved.path);
      if (!chunk || chunkOf.has(args.importer)) {
        return undefined;
      }
      if (args.kind !== 'dynamic-import') {
        return { errors: [{ text: `${args.path} is loaded lazily: import it with await import(), not statically.` }] };
      }
      return { path: chunk, external: true };
    });
  },
};

/** The package a bundled file belongs to (`@smithy/core`), or undefined for the project's own code. */
function packageOf(file) {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
}

/**
 * The packages two or more lazy chunks would each bundle (the AWS SDK's core, signing, HTTP and
 * credential providers) go once into `dist/lazy/sdk.js`, which those chunks share. Found from a first
 * build's metafile: the shared packages, and the files of theirs that other code imports (the entries).
 * Each chunk keeps its own @vscode/l10n, which it configures as it loads.
 */
function sharedPackageCode(metafile) {
  const chunks = Object.entries(metafile.outputs)
    .filter(([file]) => file.startsWith('dist/lazy/') && file.endsWith('.js'))
    .map(([, output]) => Object.keys(output.inputs));
  const chunksOf = new Map();
  for (const inputs of chunks) {
    for (const name of new Set(inputs.map(packageOf))) {
      chunksOf.set(name, (chunksOf.get(name) ?? 0) + 1);
    }
  }
  const shared = new Set([...chunksOf].filter(([name, count]) => name && name !== '@vscode/l10n' && count > 1).map(([name]) => name));
  const entries = new Set();
  for (const input of chunks.flat().filter((file) => !shared.has(packageOf(file)))) {
    for (const { path: imported } of metafile.inputs[input]?.imports ?? []) {
      if (shared.has(packageOf(imported))) {
        entries.add(path.resolve(imported));
      }
    }
  }
  return { shared, entries: [...entries].sort() };
}

/** The shared entries, as `dist/lazy/sdk.js` exports them: by their index in `entries`. */
function sharedSdkEntry(entries) {
  return {
    name: 'shared-sdk-entry',
    setup(build) {
      build.onResolve({ filter: /^shared-sdk$/ }, () => ({ path: 'sdk', namespace: 'shared-sdk' }));
      build.onLoad({ filter: /.*/, namespace: 'shared-sdk' }, () => ({
        contents: [
          ...entries.map((entry, index) => `import * as m${index} from ${JSON.stringify(entry)};`),
          `export const modules = [${entries.map((_, index) => `m${index}`).join(', ')}];`,
        ].join('\n'),
        resolveDir: import.meta.dirname,
      }));
    },
  };
}

/** Has the chunks require the shared entries from `./sdk.js` (beside them in dist/lazy/) instead of bundling them. */
function sharedSdkImports({ shared, entries }) {
  const indexOf = new Map(entries.map((entry, index) => [entry, index]));
  return {
    name: 'shared-sdk-imports',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (
          args.pluginData === 'shared-sdk' ||
          args.kind === 'entry-point' ||
          args.path === 'vscode' ||
          shared.has(packageOf(args.importer))
        ) {
          return undefined;
        }
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'shared-sdk' });
        const index = indexOf.get(resolved.path);
        return index === undefined ? resolved : { path: String(index), namespace: 'shared-sdk-import' };
      });
      build.onLoad({ filter: /.*/, namespace: 'shared-sdk-import' }, (args) => ({
        contents: `module.exports = require('./sdk.js').modules[${args.path}];`,
      }));
      build.onResolve({ filter: /^\.\/sdk\.js$/ }, (args) =>
        args.namespace === 'shared-sdk-import' ? { path: './sdk.js', external: true } : undefined,
      );
    },
  };
}

const options = {
  entryPoints: [
    { in: 'src/extension.ts', out: 'extension' },
    ...Object.keys(lazyChunks).map((chunk) => ({ in: `lazy-chunk:${chunk}`, out: `lazy/${chunk}` })),
  ],
  bundle: true,
  outdir: 'dist',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The AWS SDK's ES modules, which esbuild can tree-shake: a client brings the commands used, not all of its service's.
  mainFields: ['module', 'main'],
  // bowser parses a browser's user agent: @aws-sdk/core imports it only where `window` exists, never in Node.
  external: ['vscode', 'bowser'],
  // An external `import()` becomes a `require` in a promise, which the extension host resolves like any file.
  supported: { 'dynamic-import': false },
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'info',
  plugins: [lazyModulesPlugin],
};

/** The Add a New Connection panel's script, for the webview (a browser page): one file in media/, next to its styles. */
const webviewOptions = {
  entryPoints: ['src/webview/addConnection.ts'],
  bundle: true,
  outfile: 'media/addConnection.js',
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: production,
  sourcemap: false,
  logLevel: 'info',
};

if (watch) {
  // While developing, each chunk keeps its own copy of the SDK code: no dist/lazy/sdk.js to keep in step.
  const contexts = [await esbuild.context(options), await esbuild.context(webviewOptions)];
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  // A module that is no longer lazy must not linger in dist/ and ship in the package.
  await rm('dist', { recursive: true, force: true });
  await esbuild.build(webviewOptions);
  const first = await esbuild.build({ ...options, write: false, logLevel: 'silent' });
  const sharing = sharedPackageCode(first.metafile);
  const [chunks, sdk] = await Promise.all([
    esbuild.build({ ...options, plugins: [...options.plugins, sharedSdkImports(sharing)] }),
    esbuild.build({ ...options, entryPoints: [{ in: 'shared-sdk', out: 'lazy/sdk' }], plugins: [sharedSdkEntry(sharing.entries)] }),
  ]);
  const result = {
    metafile: {
      inputs: { ...chunks.metafile.inputs, ...sdk.metafile.inputs },
      outputs: { ...chunks.metafile.outputs, ...sdk.metafile.outputs },
    },
  };
  // Read by the package check, which proves that activation loads no package code.
  await writeFile('dist/meta.json', JSON.stringify(result.metafile));
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) {
      console.log(`${file}: ${(output.bytes / 1024).toFixed(1)} KB`);
    }
  }
}
