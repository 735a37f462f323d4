import * as path from 'node:path';
import tseslint from 'typescript-eslint';

/**
 * Data flows one way (README, Layout): a file may import from its own layer and the layers before
 * it, never from a later one. `webview` runs in a browser page and may not reach the host's layers.
 */
const layers = [
  ['src/core/errors.ts', 'src/core/secrets.ts', 'src/manifest.ts'],
  ['src/core/files/'],
  ['src/core/ini/'],
  ['src/core/profiles/'],
  ['src/core/validation/'],
  ['src/core/net/'],
  ['src/core/aws/'],
  ['src/core/present/'],
  ['src/core/language/'],
  ['src/addConnection/'],
  ['src/services/'],
  ['src/ui/'],
  ['src/api.ts', 'src/extension.ts'],
];
const hostOnly = ['src/services/', 'src/ui/', 'src/api.ts', 'src/extension.ts'];

const relative = (file) =>
  path
    .relative(import.meta.dirname, file)
    .split(path.sep)
    .join('/');
const layerOf = (file) => layers.findIndex((prefixes) => prefixes.some((prefix) => file === prefix || file.startsWith(prefix)));

const layering = {
  meta: {
    type: 'problem',
    messages: { later: '{{from}} may not import {{to}}: data flows one way (see the Layout section of the README).' },
  },
  create(context) {
    const from = relative(context.filename);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) {
        return;
      }
      const target = relative(path.resolve(path.dirname(context.filename), source)).replace(/\.js$/, '');
      const to = layers.flat().find((prefix) => `${target}.ts` === prefix || `${target}/`.startsWith(prefix)) ?? target;
      const forbidden = from.startsWith('src/webview/')
        ? hostOnly.some((prefix) => to.startsWith(prefix))
        : layerOf(`${target}.ts`) > layerOf(from);
      if (forbidden) {
        context.report({ node, messageId: 'later', data: { from, to } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
    };
  },
};

const noVscode = (where) => ({
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'vscode', message: `${where} is free of vscode: put VS Code code in src/services or src/ui.` }] },
  ],
});

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', '*.vsix', 'media/addConnection.js'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': 'off',
    },
  },
  { files: ['src/**/*.ts'], plugins: { local: { rules: { layering } } }, rules: { 'local/layering': 'error' } },
  { files: ['src/core/**/*.ts'], rules: noVscode('src/core') },
  { files: ['src/addConnection/**/*.ts', 'src/webview/**/*.ts'], rules: noVscode('The panel code shared with the webview') },
);
