/**
 * One VS Code for the whole UI run: the local AWS endpoint, code-server with the packaged .vsix
 * installed the way a user installs it (so a broken package fails), and Chromium on the workbench.
 * A screenshot is kept in test-results/ for every failing test.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { startAwsEndpoint, type AwsEndpoint } from '../fixtures/awsEndpoint';
import { launchBrowser } from '../host/browser';
import { runCleanups } from '../host/cleanup';
import { installVsix, startCodeServer, workbenchUrl, type CodeServer } from '../host/codeServer';
import { root, type CodeServerName } from '../host/install';
import { eventually } from '../eventually';
import { replaceEditorText, waitForWorkbench } from './workbench';

export interface UiSession {
  readonly endpoint: AwsEndpoint;
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly page: Page;
  /** Writes a file under the VS Code HOME, e.g. `.aws/credentials`. */
  writeHomeFile(this: void, relative: string, text: string): void;
  /** A file under the VS Code HOME: its text and mode, or undefined when it does not exist. */
  readHomeFile(this: void, relative: string): { text: string; mode: number } | undefined;
  /** Sets one user setting as a person does: in settings.json, opened, replaced and saved in the editor (undefined removes it). */
  setUserSetting(this: void, key: string, value: unknown): Promise<void>;
  /** Removes `~/.aws`, as on a machine that never had AWS files. */
  removeAwsFolder(this: void): void;
  /** Every log VS Code and the extension wrote so far (code-server's, the extension host's, output channels). */
  logTexts(this: void): { file: string; text: string }[];
  /**
   * Every file VS Code keeps for the run (its logs, the memento's database, webview and extension
   * storage, backups) and every file in `~/.aws` but the two AWS files; binary files as Latin-1.
   */
  storedTexts(this: void): { file: string; text: string }[];
}

let session: UiSession | undefined;

/** Another VS Code with the packaged .vsix, for what needs a first start of its own, in its own page. */
export interface SecondWorkbench {
  readonly server: CodeServer;
  readonly page: Page;
  /** Every log this VS Code and the extension wrote so far, in one text. */
  logText(this: void): string;
  close(this: void): Promise<void>;
}

const secondWorkbenches = new Set<SecondWorkbench>();

export async function startSecondWorkbench(options: {
  /** The VS Code build: the newest unless told (the oldest the extension supports). */
  readonly build?: CodeServerName;
  readonly home?: string;
  readonly locale?: string;
  /** What to add to the installed extensions before VS Code starts (a language pack, a translation). */
  readonly beforeStart?: (extensionsDir: string) => Promise<void>;
  /** What to add to VS Code's user data before the workbench opens. */
  readonly beforeOpen?: (server: CodeServer) => void;
}): Promise<SecondWorkbench> {
  const { browser, endpoint } = ui();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-second-'));
  let server: CodeServer | undefined;
  let page: Page | undefined;
  const close = async (): Promise<void> => {
    try {
      await page?.close();
    } finally {
      await server?.stop();
      rmSync(scratch, { recursive: true, force: true });
    }
  };
  try {
    const extensions = path.join(scratch, 'extensions');
    await installVsix(path.join(root, 'aws-credential-manager.vsix'), extensions, options.build);
    await options.beforeStart?.(extensions);
    server = await startCodeServer({
      extensionsDir: extensions,
      env: { AWS_ENDPOINT_URL: endpoint.url },
      ...(options.build ? { build: options.build } : {}),
      ...(options.home ? { home: options.home } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    });
    options.beforeOpen?.(server);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Chromium stops rendering a page in the background.
    await page.bringToFront();
    await page.goto(workbenchUrl(server));
    await waitForWorkbench(page);
  } catch (error) {
    await close();
    throw error;
  }
  const logs = server.logsFolder;
  const second: SecondWorkbench = {
    server,
    page,
    logText: () =>
      filesUnder(logs)
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n'),
    close: async () => {
      secondWorkbenches.delete(second);
      await close();
    },
  };
  secondWorkbenches.add(second);
  return second;
}

export function ui(): UiSession {
  if (!session) {
    throw new Error('The UI session is not started: run the e2e tests through .mocharc.e2e.json.');
  }
  return session;
}

function filesUnder(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export const resultsFolder = path.join(root, 'test-results');

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(600_000);
    const endpoint = await startAwsEndpoint();
    const extensions = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-extensions-'));
    await installVsix(path.join(root, 'aws-credential-manager.vsix'), extensions);
    const server = await startCodeServer({ extensionsDir: extensions, env: { AWS_ENDPOINT_URL: endpoint.url } });
    const browser = await launchBrowser();
    // Clipboard access lets tests read what a command copied, as a person would paste it.
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(workbenchUrl(server));
    await waitForWorkbench(page);
    // The extension's first activation opens its walkthrough (this home has no AWS files): let it open before the
    // first test, where it would take the focus (walkthrough.test.ts checks that it opens once).
    await page.locator('.editor-instance', { hasText: 'Get Started with AWS Credential Manager' }).waitFor({ timeout: 60_000 });
    session = {
      endpoint,
      server,
      browser,
      page,
      writeHomeFile: (relative, text) => {
        const file = path.join(server.home, relative);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
      },
      readHomeFile: (relative) => {
        const file = path.join(server.home, relative);
        try {
          return { text: readFileSync(file, 'utf8'), mode: statSync(file).mode & 0o777 };
        } catch {
          return undefined;
        }
      },
      setUserSetting: async (key, value) => {
        const settings = JSON.parse(readFileSync(server.settingsFile, 'utf8')) as Record<string, unknown>;
        if (isDeepStrictEqual(settings[key], value)) {
          return;
        }
        await replaceEditorText(page, 'Preferences: Open User Settings (JSON)', JSON.stringify({ ...settings, [key]: value }, null, 2));
        await eventually(
          () => readFileSync(server.settingsFile, 'utf8'),
          (text) => isDeepStrictEqual((JSON.parse(text) as Record<string, unknown>)[key], value),
          () => `settings.json did not get ${key}`,
        );
      },
      removeAwsFolder: () => rmSync(path.join(server.home, '.aws'), { recursive: true, force: true }),
      logTexts: () => [server.logFile, ...filesUnder(server.logsFolder)].map((file) => ({ file, text: readFileSync(file, 'utf8') })),
      storedTexts: () => {
        const aws = path.join(server.home, '.aws');
        const awsFiles = existsSync(aws)
          ? filesUnder(aws).filter((file) => !['config', 'credentials'].includes(path.relative(aws, file)))
          : [];
        return [server.logFile, ...filesUnder(path.dirname(server.logsFolder)), ...awsFiles].map((file) => ({
          file,
          text: readFileSync(file, 'latin1'),
        }));
      },
    };
  },
  async afterEach(this: Mocha.Context): Promise<void> {
    const test = this.currentTest;
    if (session && test?.state === 'failed') {
      mkdirSync(resultsFolder, { recursive: true });
      const name = test
        .fullTitle()
        .replace(/[^\w-]+/g, '-')
        .slice(0, 120);
      await session.page.screenshot({ path: path.join(resultsFolder, `${name}.png`) });
      for (const [index, second] of [...secondWorkbenches].entries()) {
        await second.page.screenshot({ path: path.join(resultsFolder, `${name}-second-${index + 1}.png`) });
      }
    }
  },
  async afterAll(): Promise<void> {
    await runCleanups();
    session = undefined;
  },
};
