import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { eventually } from '../eventually';
import { exampleAccount, exampleUser } from '../fixtures/awsEndpoint';
import { installVsix } from '../host/codeServer';
import { root } from '../host/install';
import { startSecondWorkbench, type SecondWorkbench } from './session';
import {
  activeWebview,
  editorTabs,
  resetWorkbench,
  rowLabel,
  runCommand,
  statusBarTooltip,
  waitForNotification,
  waitForStatusBarItem,
} from './workbench';

/** A made-up translation that keeps the English readable: every text of the extension in ⟪ ⟫. */
const translated = (english: string): string => `⟪${english}⟫`;
const isTranslated = (shown: string): boolean => /^⟪[\s\S]*⟫$/.test(shown.trim());

/** The installed extension's texts, translated into German the way a translator's files would ship. */
function addGermanTranslation(extensionFolder: string): void {
  const manifest = JSON.parse(readFileSync(path.join(extensionFolder, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const nls = Object.fromEntries(Object.entries(manifest).map(([key, text]) => [key, translated(text)]));
  writeFileSync(path.join(extensionFolder, 'package.nls.de.json'), JSON.stringify(nls));
  const bundle = JSON.parse(readFileSync(path.join(extensionFolder, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<
    string,
    string | { message: string }
  >;
  const messages = Object.fromEntries(
    Object.entries(bundle).map(([key, entry]) => [key, translated(typeof entry === 'string' ? entry : entry.message)]),
  );
  writeFileSync(path.join(extensionFolder, 'l10n', 'bundle.l10n.de.json'), JSON.stringify(messages));
}

const languagePackId = 'aws-credential-manager-tests.test-language-pack-de';

/**
 * A VS Code in German: the .vsix with a German translation added, and a language pack that makes
 * German VS Code's display language (its own texts stay English: the pack translates none).
 */
async function startGermanVsCode(): Promise<SecondWorkbench> {
  const packFolder = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-language-pack-'));
  try {
    const packVsix = path.join(packFolder, 'language-pack.vsix');
    execFileSync(
      path.join(root, 'node_modules', '.bin', 'vsce'),
      ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', packVsix],
      { cwd: path.join(root, 'test', 'fixtures', 'languagePack'), stdio: 'pipe' },
    );
    let pack = '';
    return await startSecondWorkbench({
      locale: 'de',
      beforeStart: async (extensions) => {
        await installVsix(packVsix, extensions);
        const installed = (prefix: string): string => {
          const folder = readdirSync(extensions).find((name) => name.startsWith(prefix));
          assert.ok(folder, `${prefix} is not installed in ${extensions}`);
          return path.join(extensions, folder);
        };
        addGermanTranslation(installed('aws-credential-manager.aws-credential-manager-'));
        pack = installed(`${languagePackId}-`);
      },
      // Set Display Language lists an installed pack here for the server, which an install from the
      // command line does not: without it, code-server serves English whatever the locale.
      beforeOpen: (server) =>
        writeFileSync(
          path.join(server.userDataDir, 'languagepacks.json'),
          JSON.stringify({
            de: {
              hash: `${languagePackId}-1.0.0`,
              extensions: [{ extensionIdentifier: { id: languagePackId }, version: '1.0.0' }],
              translations: { vscode: path.join(pack, 'translations', 'main.i18n.json') },
              label: 'Deutsch',
            },
          }),
        ),
    });
  } finally {
    rmSync(packFolder, { recursive: true, force: true });
  }
}

/** The commands the Command Palette offers, from the manifest: category and title, in English. */
function paletteTitles(): { category: string; title: string }[] {
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  const nls = read('package.nls.json') as Record<string, string>;
  const manifest = read('package.json') as {
    contributes: {
      commands: { command: string; title: string; category?: string }[];
      menus: { commandPalette: { command: string; when?: string }[] };
    };
  };
  const english = (text: string): string => nls[text.replace(/^%|%$/g, '')] ?? text;
  const hidden = new Set(manifest.contributes.menus.commandPalette.filter((entry) => entry.when === 'false').map((entry) => entry.command));
  return manifest.contributes.commands
    .filter((command) => !hidden.has(command.command))
    .map((command) => ({ category: english(command.category ?? ''), title: english(command.title) }));
}

/**
 * The label the Command Palette shows for a command, looked up by its English title (the palette
 * matches the original of a translated title too, and shows it below the label).
 */
async function paletteLabel(page: Page, english: string): Promise<string> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: english }).first();
  return eventually(
    async () => {
      if (!(await input.isVisible())) {
        await page.keyboard.press('F1');
        await input.waitFor({ timeout: 2_000 }).catch(() => undefined);
      }
      await input.fill(`>${english}`).catch(() => undefined);
      return rowLabel(row);
    },
    (label) => label !== '',
    () => `The Command Palette does not list "${english}"`,
  );
}

describe('in a language other than English (a German translation added to the .vsix)', () => {
  let german: SecondWorkbench | undefined;
  let page: Page;

  before(async function () {
    this.timeout(240_000);
    german = await startGermanVsCode();
    page = german.page;
  });

  after(async () => {
    await german?.close();
  });

  it('opens the walkthrough by itself, and shows the command titles and the views in the translation', async () => {
    // The first activation opens it (this home has no AWS files).
    await page.locator('.editor-instance', { hasText: translated('Get Started with AWS Credential Manager') }).waitFor({ timeout: 60_000 });
    await resetWorkbench(page);
    const titles = paletteTitles();
    assert.ok(titles.length >= 15, JSON.stringify(titles));
    const shown: string[] = [];
    for (const { category, title } of titles) {
      shown.push(await paletteLabel(page, `${category}: ${title}`));
    }
    await page.keyboard.press('Escape');
    assert.deepEqual(
      shown,
      titles.map(({ category, title }) => `${translated(category)}: ${translated(title)}`),
      'every command title and its category are translated',
    );
    await page.locator('.activitybar .action-item a[aria-label^="⟪AWS⟫"]').click();
    await page.locator('.pane-body', { hasText: '⟪No AWS profiles yet.' }).first().waitFor();
  });

  it('says what the extension host says in the translation: a notification and its buttons', async () => {
    await resetWorkbench(page);
    await runCommand(page, `${translated('AWS')}: ${translated('Connect to AWS')}`);
    const message = await waitForNotification(page, /There is no AWS profile yet/);
    assert.ok(message.startsWith('⟪There is no AWS profile yet.'), message);
    const item = page.locator('.notification-list-item', { hasText: 'There is no AWS profile yet' }).first();
    await item.click();
    const buttons = await item.locator('.monaco-button').allInnerTexts();
    assert.deepEqual(buttons.slice(0, 2), [translated('Create Credentials Profile'), translated('Edit Credentials')]);
  });

  it("shows the Add a New Connection panel in the translation, its own scripts' texts too", async () => {
    await resetWorkbench(page);
    await runCommand(page, `${translated('AWS')}: ${translated('Add a New Connection')}`);
    const panel = activeWebview(page);
    await panel.locator('#option-iam').waitFor({ timeout: 20_000 });
    assert.ok((await editorTabs(page)).includes(translated('Add a New Connection')), JSON.stringify(await editorTabs(page)));
    await panel.locator('#option-iam').check();
    const texts = await panel
      .locator('h1:visible, legend:visible, .option strong:visible, .hint:visible, label:visible, button:visible')
      .allInnerTexts();
    texts.push(await panel.locator('#region option').first().innerText());
    assert.ok(texts.length >= 12, JSON.stringify(texts));
    assert.deepEqual(
      texts.filter((text) => !isTranslated(text.split('\n')[0] ?? '')),
      [],
      `every text the panel shows is translated: ${JSON.stringify(texts)}`,
    );
    // A text the webview's script writes.
    await panel.locator('#toggle-secret').click();
    await panel.locator('#secretAccessKey[type=text]').waitFor({ timeout: 5_000 });
    assert.equal(await panel.locator('#toggle-secret').innerText(), translated('Hide'));
  });

  it("says what core's checks and the status bar say in the translation: a field's error, the status bar's label and tooltip", async () => {
    await resetWorkbench(page);
    await runCommand(page, `${translated('AWS')}: ${translated('Add a New Connection')}`);
    const panel = activeWebview(page);
    await panel.locator('#option-iam').check();
    await panel.locator('#profileName').fill('my dev');
    await panel.locator('#profileName').blur();
    const error = panel.locator('#profileName-error');
    await error.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await error.innerText(), translated('A profile name cannot contain spaces: the AWS SDK ignores such profiles.'));

    await panel.locator('#profileName').fill('work');
    await panel.locator('#accessKeyId').fill(exampleUser.accessKeyId);
    await panel.locator('#secretAccessKey').fill(exampleUser.secretAccessKey);
    await panel.locator('#continue').click();
    await waitForStatusBarItem(page, /^AWS: profile:work$/, false);
    const item = page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: 'AWS: profile:work' }).first();
    assert.equal(await item.getAttribute('aria-label'), translated(`AWS: profile:work, connected, account ${exampleAccount}`));
    const tooltip = await statusBarTooltip(page, /AWS: profile:work/, /Account/);
    assert.ok(tooltip.includes(translated(`Account: ${exampleAccount}`)), tooltip);
  });
});
