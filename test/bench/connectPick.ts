/**
 * AWS: Connect to AWS with thousands of profiles, in the workbench: the time from choosing the command
 * in the Command Palette to the first profile rows of its quick pick in the page. Both ends are
 * taken inside the page (a pointer listener and a DOM observer), so Playwright's polling adds nothing.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startCodeServer, workbenchUrl } from '../host/codeServer';
import { quickPickLabels, runCommand, waitForStatusBarItem, waitForWorkbench } from '../e2e/workbench';
import { generateProfiles } from './generateProfiles';

const title = 'Connect to AWS';
const profileLabel = /^(default|team-\d{5})$/;

export interface ConnectPickRun {
  readonly browser: Browser;
  /** Where the packaged extension is installed. */
  readonly extensionsDir: string;
  readonly profiles: number;
  readonly runs: number;
}

export async function measureConnectPick({ browser, extensionsDir, profiles, runs }: ConnectPickRun): Promise<number[]> {
  const server = await startCodeServer({ extensionsDir });
  try {
    writeAwsFiles(server.home, profiles);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(workbenchUrl(server), { timeout: 60_000 });
    await waitForWorkbench(page);
    await waitForStatusBarItem(page, /^AWS$/, undefined, 60_000);
    // The first opening waits for the files to be read, as a user who opens it after startup would not.
    await openAndClose(page, 60_000);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      times.push(await openAndClose(page, 30_000));
    }
    await page.close();
    return times;
  } finally {
    await server.stop();
  }
}

function writeAwsFiles(home: string, count: number): void {
  const folder = path.join(home, '.aws');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const { config, credentials } = generateProfiles(count);
  writeFileSync(path.join(folder, 'config'), config);
  writeFileSync(path.join(folder, 'credentials'), credentials, { mode: 0o600 });
  chmodSync(path.join(folder, 'credentials'), 0o600);
}

/** Opens the quick pick from the Command Palette, returns the time it took to show profiles, and closes it. */
async function openAndClose(page: Page, timeoutMs: number): Promise<number> {
  const shown = page.evaluate(timeNextQuickPick, { title, label: profileLabel.source, timeoutMs });
  // Should the command fail first, the timer's own failure must not go unhandled.
  shown.catch(() => undefined);
  await runCommand(page, `AWS: ${title}`);
  const elapsed = await shown;
  // The timed rows were the real list: it settles with the profiles.
  await quickPickLabels(page, profileLabel);
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  return elapsed;
}

/** The few browser APIs the timer uses (the project's TypeScript has no DOM library). */
interface PageElement {
  readonly textContent: string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

interface PageWindow {
  readonly document: PageElement & { readonly body: unknown };
  readonly performance: { now(): number };
  readonly MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  addEventListener(type: string, listener: () => void, capture: boolean): void;
  removeEventListener(type: string, listener: () => void, capture: boolean): void;
  setTimeout(callback: () => void, ms: number): unknown;
}

/**
 * Runs in the page: resolves with the milliseconds from the next pointer press (the click on the
 * command) to the moment the quick pick titled `title` shows a row labelled like `label`.
 */
function timeNextQuickPick({ title, label, timeoutMs }: { title: string; label: string; timeoutMs: number }): Promise<number> {
  const page = globalThis as unknown as PageWindow;
  const labelPattern = new RegExp(label);
  return new Promise((resolve, reject) => {
    let pressed: number | undefined;
    const onPress = (): void => {
      pressed = page.performance.now();
    };
    const shows = (): boolean => {
      const widget = page.document.querySelector('.quick-input-widget');
      if (widget?.querySelector('.quick-input-title')?.textContent !== title) {
        return false;
      }
      return [...widget.querySelectorAll('.quick-input-list .monaco-list-row .label-name')].some((name) =>
        labelPattern.test(name.textContent ?? ''),
      );
    };
    const observer = new page.MutationObserver(() => {
      if (pressed !== undefined && shows()) {
        const elapsed = page.performance.now() - pressed;
        stop();
        resolve(elapsed);
      }
    });
    const stop = (): void => {
      observer.disconnect();
      page.removeEventListener('pointerdown', onPress, true);
    };
    page.addEventListener('pointerdown', onPress, true);
    observer.observe(page.document.body, { childList: true, subtree: true, characterData: true });
    page.setTimeout(() => {
      stop();
      reject(new Error(`The quick pick "${title}" showed no row like ${label} within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}
