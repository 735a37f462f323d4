/**
 * Runs a module inside a real VS Code extension host: starts code-server, opens the workbench in
 * Chromium with an extension under development (this repository unless told otherwise) and
 * `testsPath` as its tests module, and waits for the result file that module writes (named by AWS_CM_TEST_RESULT). A module that crashes, hangs or
 * never runs writes no result, and the run fails with what the browser and code-server said.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { lastWithin } from '../eventually';
import { launchBrowser } from './browser';
import { onCleanup } from './cleanup';
import { startCodeServer, workbenchUrl, type CodeServer } from './codeServer';
import { root, type CodeServerName } from './install';

export interface InHostRun {
  /** The compiled module whose `run()` VS Code calls inside the extension host. */
  readonly testsPath: string;
  /** The extension under development; this repository when not given. */
  readonly extensionPath?: string;
  /** Installed extensions to load as well (a .vsix installed with `installVsix`). */
  readonly extensionsDir?: string;
  readonly build?: CodeServerName;
  /** Environment for code-server and the extension host. */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** A browser to open the workbench in; one is launched when not given. */
  readonly browser?: Browser;
  /** Runs once code-server is up and before the workbench opens, e.g. to write files into its HOME. */
  readonly beforeOpen?: (server: CodeServer) => void;
}

export interface InHostOutcome {
  /** What the module wrote to its result file, parsed as JSON. */
  readonly result: unknown;
  readonly server: CodeServer;
  readonly page: Page;
}

export class NoResultError extends Error {}

export async function runInHost(options: InHostRun): Promise<InHostOutcome> {
  const resultFolder = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-result-'));
  onCleanup(() => rmSync(resultFolder, { recursive: true, force: true }));
  const resultFile = path.join(resultFolder, 'result.json');
  const server = await startCodeServer({
    ...(options.build ? { build: options.build } : {}),
    ...(options.extensionsDir ? { extensionsDir: options.extensionsDir } : {}),
    env: { ...options.env, AWS_CM_TEST_RESULT: resultFile },
  });
  options.beforeOpen?.(server);
  const browser = options.browser ?? (await launchBrowser());
  const page = await browser.newPage();
  const browserConsole: string[] = [];
  page.on('console', (message) => browserConsole.push(message.text()));
  await page.goto(workbenchUrl(server, { extensionPath: options.extensionPath ?? root, testsPath: options.testsPath }), {
    timeout: 60_000,
  });
  const written = await lastWithin(() => existsSync(resultFile), Boolean, { timeoutMs: options.timeoutMs, intervalMs: 250 });
  if (!written) {
    const serverLog = readFileSync(server.logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new NoResultError(
      `${path.relative(root, options.testsPath)} wrote no result within ${options.timeoutMs / 1000} s.\nBrowser console:\n${browserConsole.slice(-40).join('\n')}\ncode-server log:\n${serverLog}`,
    );
  }
  return { result: JSON.parse(readFileSync(resultFile, 'utf8')) as unknown, server, page };
}
