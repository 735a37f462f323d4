import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describeBypass, findBypasses, findCoreTexts } from '../l10n/bypasses';
import { root } from '../host/install';

const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const sourcesUnder = (folder: string): string[] =>
  readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file).split(path.sep).join('/'));

/** Each line marked `// bypass` must be found, and no other (a constant where it is declared: its text changes there). */
const fixture = `
import * as vscode from 'vscode';
import { commandTitles } from '../manifest';
const copyLabel = 'Copy Line'; // bypass, shown below as a button
const title = \`Rename Profile \${name}\`; // bypass, a constant named for what it shows
export async function run(name: string, count: number, status: vscode.StatusBarItem): Promise<void> {
  void vscode.window.showInformationMessage(\`Profile \${name} was saved.\`); // bypass
  void vscode.window.showErrorMessage('AWS: ' + name + ' failed'); // bypass
  void vscode.window.showWarningMessage(vscode.l10n.t('Delete {0}?', name), copyLabel);
  await vscode.window.showQuickPick([], { title, placeHolder: vscode.l10n.t('Pick one') });
  await vscode.window.showInputBox({ prompt: count > 1 ? 'Many' : vscode.l10n.t('One') }); // bypass
  await vscode.window.showQuickPick([], { title: commandTitles.connect }); // bypass: English title
  void vscode.window.showInformationMessage(vscode.l10n.t('Joined ' + 'text')); // bypass: the export cannot read it
  const item = new vscode.TreeItem('Lambda'); // bypass
  item.tooltip = \`Region \${name}\`; // bypass
  status.name = 'AWS Connection'; // bypass
  item.accessibilityInformation = { label: \`\${count ? 'Error' : 'Warning'}: \${name}\` }; // bypass
  item.contextValue = 'profile;usable';
  item.id = \`region:\${name}\`;
  item.iconPath = new vscode.ThemeIcon('plug');
  item.description = '$(plug)';
  item.label = \`\${name} · \${count}\`;
  item.command = { title: vscode.l10n.t('Connect'), command: 'awsCredentialManager.connect' };
  await vscode.window.showInputBox({ placeHolder: 'AKIAIOSFODNN7EXAMPLE', value: 'default' });
  await vscode.commands.executeCommand('workbench.action.openSettings', 'aws credentials file');
  void vscode.window.createTerminal({ name: 'aws login' });
}
`;

/** Each line marked `// text` must be found, and no other. */
const coreFixture = `
import * as l10n from '@vscode/l10n';
export function why(code: string, name: string, log: { info(line: string): void }): string {
  log.info(\`Checked \${name}.\`);
  if (code === 'Throttling' || name !== 'Error') {
    return l10n.t('AWS is slowing down calls to {0}', name);
  }
  switch (code) {
    case 'Access Denied':
      return \`\${name} was refused\`; // text
  }
  const headers = { 'Content-Type': 'text/html' };
  const reason = code ? 'it is a folder' : l10n.t('it is {0}', 'a socket'); // text: the placeholder's value
  return l10n.t('{0} cannot be read: {1}', name, reason) + headers['Content-Type'] + 'Try again.'; // text
}
`;

/**
 * The texts of src that stay as they are, with why: never shown to a user, or the same in every
 * language. Each entry must still match a text (a stale one fails).
 */
const neverShown: readonly { readonly file: string; readonly text: RegExp; readonly why: string }[] = [
  { file: 'src/core/present/statusBarView.ts', text: /^`AWS: profile:/, why: "AWS's guides quote the status bar's text" },
  { file: 'src/core/validation/log.ts', text: /^`Profile \$\{quoted\(report/, why: 'a log line' },
  { file: 'src/core/validation/log.ts', text: /^`and \$\{count/, why: 'a log line' },
  {
    file: 'src/core/validation/log.ts',
    text: /^`(Profile|Shared Credentials Profile) \$\{name\} is not/,
    why: "the AWS Toolkit's log lines, word for word",
  },
  {
    file: 'src/services/ssoSessions.ts',
    text: /^'(device code flow|authorization code flow \(PKCE\))'$/,
    why: 'the flow a log line names',
  },
  {
    file: 'src/core/language/completion.ts',
    text: /^'\[(profile|sso-session|services) (name|\$\{1:name\})\]'$/,
    why: 'a header as it is written into the file',
  },
  { file: 'src/core/language/fixes.ts', text: /^`\[sso-session \$\{name\}\]`$/, why: 'a header the fix writes into the file' },
  { file: 'src/core/aws/errors.ts', text: /^'(Throttling|Error)'$/, why: 'an AWS error code, and the name of one that has none' },
  { file: 'src/core/aws/console/federation.ts', text: /^'(Allow|Error)'$/, why: "a policy's Effect sent to STS, and an error's name" },
  { file: 'src/core/aws/iam/accessKeys.ts', text: /^'Inactive'$/, why: 'the status IAM is sent' },
  { file: 'src/core/aws/identity.ts', text: /^'<GetCallerIdentityResponse /, why: "STS's answer, which the warm-up's client reads" },
  {
    file: 'src/core/aws/export/formats.ts',
    text: /^("export AWS_|"set -gx AWS_|'set "AWS_|'\{ "Version"|`export \$|`set -gx \$)/,
    why: 'the shell lines and JSON the user copies, and their examples',
  },
  { file: 'src/core/aws/export/quoting.ts', text: /^`set "\$\{name\}=/, why: 'the cmd line the user copies' },
  {
    file: 'src/core/aws/sso/loopback.ts',
    text: /^(`<!DOCTYPE html>|'text\/html; charset=utf-8'$)/,
    why: "the page's markup around its translated words, and its Content-Type",
  },
  { file: 'src/core/ini/builtIns.ts', text: /^'Object'$/, why: 'a JavaScript name' },
  { file: 'src/core/ini/scan.ts', text: /^`Found invalid profile name/, why: "the AWS SDK's own error, quoted as the SDK words it" },
  {
    file: 'src/core/ini/syntax.ts',
    text: /^`(profile \$\{refusedProfileName\}|\[profile \$\{name\}\])`$/,
    why: 'a section name compared, and a header written into the file',
  },
  { file: 'src/core/profiles/ssoEdit.ts', text: /^`\[sso-session \$\{session\.name\}\]`$/, why: 'a header written into the file' },
  {
    file: 'src/core/profiles/transaction.ts',
    text: /^'# AWS shared (credentials|config) file/,
    why: 'the comment a new file starts with, read by every tool',
  },
  { file: 'src/core/profiles/knownKeys.ts', text: /^'Environment'$/, why: 'a credential_source value the SDK compares' },
  { file: 'src/core/net/proxy.ts', text: /^('every host'|`Basic \$)/, why: "a no-proxy entry's kind, and the header sent to the proxy" },
  { file: 'src/core/net/tunnel.ts', text: /^`(Proxy-Authorization: |CONNECT )/, why: 'the HTTP request to the proxy' },
  {
    file: 'src/core/net/get.ts',
    text: /^'(No answer in time\.|The answer is too long\.)'$/,
    why: 'replaced by its one caller (federation) with words of its own',
  },
  { file: 'src/extension.ts', text: /^'AWS Credential Manager'$/, why: "the product's name, the Output channel's" },
  { file: 'src/ui/addConnection/html.ts', text: /^(`<!DOCTYPE html>|'<a id=)/, why: "the panel's markup, whose texts are vscode.l10n.t" },
  { file: 'src/ui/commands/awsLogin.ts', text: /^`aws login/, why: 'the command the terminal runs, and the terminal named after it' },
  { file: 'src/ui/commands/profileActions.ts', text: /^`export AWS_PROFILE=/, why: 'the shell line it copies' },
  { file: 'src/webview/dom.ts', text: /^`The panel has no #/, why: "a bug's message, for whoever changes the panel's markup" },
];

describe('l10n: every text the user sees goes through vscode.l10n', () => {
  it('finds, in a fixture, each text that bypasses vscode.l10n.t, and nothing else', () => {
    const found = findBypasses('fixture.ts', fixture);
    const lines = fixture.split('\n');
    const marked = lines.flatMap((line, index) => (line.includes('// bypass') ? [index + 1] : []));
    assert.deepEqual(
      [...new Set(found.map((bypass) => bypass.line))].sort((a, b) => a - b),
      marked,
    );
    const kindOf = (marker: string): string[] =>
      found.filter((bypass) => lines[bypass.line - 1]?.includes(marker)).map((bypass) => bypass.kind);
    assert.deepEqual(kindOf('English title'), ['englishTitle']);
    assert.deepEqual(kindOf('cannot read it'), ['unexported']);
    assert.deepEqual(kindOf("'Error'"), ['literal', 'literal']);
    assert.match(
      describeBypass(found[0] ?? assert.fail()),
      /vscode\.l10n\.t\('Text with \{0\}', value\).*npx @vscode\/l10n-dev export --outDir \.\/l10n \.\/src/,
    );
  });

  it('finds no bypass in src/ui, src/services and the panel markup', () => {
    const bypasses = [...sourcesUnder('src/ui'), ...sourcesUnder('src/services')].flatMap((file) => findBypasses(file, read(file)));
    assert.deepEqual(bypasses.map(describeBypass), []);
  });

  it('finds, in a fixture of a pure module, each text outside l10n.t, and nothing else', () => {
    const found = findCoreTexts('fixture.ts', coreFixture);
    const lines = coreFixture.split('\n');
    const marked = lines.flatMap((line, index) => (line.includes('// text') ? [index + 1] : []));
    assert.deepEqual([...new Set(found.map((text) => text.line))], marked);
    assert.equal(found.length, 4, 'two texts on the line of the placeholder');
  });

  it('finds no text in src outside l10n.t, but those listed as never shown', () => {
    // The English command titles of manifest.ts are package.json's source; the check above keeps them out of src/ui.
    const texts = sourcesUnder('src')
      .filter((file) => file !== 'src/manifest.ts')
      .flatMap((file) => findCoreTexts(file, read(file)));
    const listed = (text: { file: string; text: string }): boolean =>
      neverShown.some((entry) => entry.file === text.file && entry.text.test(text.text));
    assert.deepEqual(
      texts.filter((text) => !listed(text)).map(describeBypass),
      [],
      'write each as l10n.t (import * as l10n from @vscode/l10n), or add it to neverShown with why',
    );
    const stale = neverShown.filter((entry) => !texts.some((text) => text.file === entry.file && entry.text.test(text.text)));
    assert.deepEqual(stale, [], 'these neverShown entries match no text any more: remove them');
  });

  it('has l10n/bundle.l10n.json as the export writes it from src today', function () {
    this.timeout(60_000);
    const out = mkdtempSync(path.join(tmpdir(), 'l10n-export-'));
    try {
      execFileSync(path.join(root, 'node_modules', '.bin', 'vscode-l10n-dev'), ['export', '--outDir', out, './src'], {
        cwd: root,
        stdio: 'pipe',
      });
      const fresh = JSON.parse(readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as unknown;
      assert.deepEqual(
        JSON.parse(read('l10n/bundle.l10n.json')),
        fresh,
        'l10n/bundle.l10n.json is stale: run `npx @vscode/l10n-dev export --outDir ./l10n ./src` and commit it.',
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('has an English text in package.nls.json for every %key% of package.json, and no unused one', () => {
    const manifest = read('package.json');
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
    const texts = Object.keys(JSON.parse(read('package.nls.json')) as Record<string, string>);
    assert.deepEqual(
      [...used].filter((key) => key !== undefined && !texts.includes(key)),
      [],
      'package.json names these keys without a text: add them to package.nls.json.',
    );
    assert.deepEqual(
      texts.filter((key) => !used.has(key)),
      [],
      'package.nls.json has texts no %key% of package.json uses: remove them.',
    );
    assert.ok(used.size > 40);
  });

  it('leaves no user-facing text of package.json contributes unlocalised', () => {
    const { displayName, description, contributes } = JSON.parse(read('package.json')) as {
      displayName: string;
      description: string;
      contributes: Record<string, unknown>;
    };
    const shownKeys = new Set([
      'title',
      'category',
      'name',
      'contextualTitle',
      'contents',
      'markdownDescription',
      'description',
      'enumDescriptions',
    ]);
    const plain: string[] = [];
    const walk = (value: unknown, key: string): void => {
      if (typeof value === 'string') {
        if (shownKeys.has(key) && !/^%[^%]+%$/.test(value)) {
          plain.push(`${key}: ${value}`);
        }
      } else if (Array.isArray(value)) {
        value.forEach((element) => walk(element, key));
      } else if (value && typeof value === 'object') {
        Object.entries(value).forEach(([child, element]) => walk(element, child));
      }
    };
    walk({ displayName, description, contributes }, '');
    walk(displayName, 'title');
    walk(description, 'description');
    assert.deepEqual(plain, [], 'write these as %key% with their English text in package.nls.json');
  });
});
