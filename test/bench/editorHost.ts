/**
 * The editor of a 10,000-profile config file in the workbench: how long it takes to open with the
 * extension and without it (two code-servers, one with no extension, measured round by round), and the time
 * from a keystroke that misspells a key to its squiggle on screen. Both ends are taken inside the
 * page (a key listener and a DOM observer), so Playwright's polling adds nothing.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../eventually';
import { goToLine, openFile, runCommand, waitForWorkbench } from '../e2e/workbench';
import { startCodeServer, workbenchUrl } from '../host/codeServer';
import { generateProfiles } from './generateProfiles';
import { medianOf, type Row } from './measure';

export interface EditorFigures {
  readonly openWithMs: number;
  readonly openWithoutMs: number;
  readonly squiggleMs: number;
}

export async function measureEditorHost(browser: Browser, extensionsDir: string, runs: number): Promise<EditorFigures> {
  const bare = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-no-extensions-'));
  const [without, withExtension] = [await openWorkbench(browser, bare), await openWorkbench(browser, extensionsDir)];
  try {
    const opens = { without: [] as number[], with: [] as number[] };
    const squiggles: number[] = [];
    // Round by round, one of each, so a noisy moment of the machine weighs on both alike; the first
    // round warms up (the file read, the grammar and the extension's features loaded).
    for (let round = -1; round < runs; round++) {
      const bareMs = await timeOpen(without);
      await runCommand(without.page, 'View: Revert and Close Editor');
      const withMs = await timeOpen(withExtension);
      const squiggleMs = await timeSquiggle(withExtension.page);
      await runCommand(withExtension.page, 'View: Revert and Close Editor');
      if (round >= 0) {
        opens.without.push(bareMs);
        opens.with.push(withMs);
        squiggles.push(squiggleMs);
      }
    }
    return { openWithMs: medianOf(opens.with), openWithoutMs: medianOf(opens.without), squiggleMs: medianOf(squiggles) };
  } finally {
    await without.close();
    await withExtension.close();
  }
}

export function editorRows({ openWithMs, openWithoutMs, squiggleMs }: EditorFigures): Row[] {
  const added = openWithMs - openWithoutMs;
  return [
    {
      measure: 'open the 10,000-profile config file (with / without the extension)',
      value: `${openWithMs.toFixed(0)} / ${openWithoutMs.toFixed(0)} ms`,
      budget: '',
      pass: undefined,
    },
    { measure: '  added by the extension', value: `${added.toFixed(0)} ms`, budget: '<= 50 ms', pass: added <= 50 },
    {
      measure: 'keystroke to squiggle on screen (10,000 profiles; includes the pause that waits for typing to stop)',
      value: `${squiggleMs.toFixed(0)} ms`,
      budget: '',
      pass: undefined,
    },
  ];
}

interface Workbench {
  readonly page: Page;
  readonly file: string;
  close(): Promise<void>;
}

/** A code-server with the extensions of a folder, the 10,000-profile files in its home, and a page on its workbench. */
async function openWorkbench(browser: Browser, extensionsDir: string): Promise<Workbench> {
  const server = await startCodeServer({ extensionsDir });
  const folder = path.join(server.home, '.aws');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const { config, credentials } = generateProfiles(10_000);
  const file = path.join(folder, 'config');
  writeFileSync(file, config);
  writeFileSync(path.join(folder, 'credentials'), credentials, { mode: 0o600 });
  chmodSync(path.join(folder, 'credentials'), 0o600);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(server), { timeout: 60_000 });
  await waitForWorkbench(page);
  return {
    page,
    file,
    close: async () => {
      await page.close();
      await server.stop();
    },
  };
}

/** The time from the Enter that opens the file to its first line on screen. */
async function timeOpen({ page, file }: Workbench): Promise<number> {
  // Keys go to the page in front: each workbench takes its turn there.
  await page.bringToFront();
  await startTimer(page, {
    event: 'keydown',
    key: 'Enter',
    selector: '.editor-instance .monaco-editor .view-line',
    text: 'benchmark',
    timeoutMs: 60_000,
  });
  await openFile(page, file);
  return timed(page);
}

/**
 * Misspells `region` on line 3 (`regionx`), times the keystroke to the warning's squiggle, then
 * undoes it and waits for the squiggle to go, so the next run starts from the file as it was.
 */
async function timeSquiggle(page: Page): Promise<number> {
  const squiggles = page.locator('.editor-instance .monaco-editor .squiggly-warning');
  await goToLine(page, 3, 'region'.length + 1);
  await eventually(
    () => squiggles.count(),
    (count) => count === 0,
    (count) => `${count} squiggles are on the file before the keystroke`,
  );
  await startTimer(page, {
    event: 'keydown',
    key: 'x',
    selector: '.editor-instance .monaco-editor .squiggly-warning',
    text: undefined,
    timeoutMs: 30_000,
  });
  await page.keyboard.type('x');
  const elapsed = await timed(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+Z');
  await eventually(
    () => squiggles.count(),
    (count) => count === 0,
    (count) => `${count} squiggles are left after undoing the keystroke`,
  );
  return elapsed;
}

interface Timing {
  readonly event: string;
  readonly key: string;
  readonly selector: string;
  readonly text: string | undefined;
  readonly timeoutMs: number;
}

/** Starts the page's timer (timeNext) and returns once it listens: before the key is pressed. */
async function startTimer(page: Page, timing: Timing): Promise<void> {
  await page.evaluate(timeNext, timing);
}

async function timed(page: Page): Promise<number> {
  return page.evaluate<number>('globalThis.editorTimer');
}

/** The few browser APIs the timer uses (the project's TypeScript has no DOM library). */
interface PageElement {
  readonly textContent: string | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

interface PageWindow {
  readonly document: PageElement & { readonly body: unknown };
  readonly performance: { now(): number };
  readonly MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  addEventListener(type: string, listener: (event: { key?: string }) => void, capture: boolean): void;
  removeEventListener(type: string, listener: (event: { key?: string }) => void, capture: boolean): void;
  setTimeout(callback: () => void, ms: number): unknown;
}

/**
 * Runs in the page: sets `editorTimer`, which resolves with the milliseconds from the last `event`
 * of `key` to the moment an element like `selector` (holding `text`, when given; the editor draws
 * spaces as no-break spaces) is on the page.
 */
function timeNext({ event, key, selector, text, timeoutMs }: Timing): void {
  const page = globalThis as unknown as PageWindow & { editorTimer: Promise<number> };
  page.editorTimer = new Promise((resolve, reject) => {
    let pressed: number | undefined;
    const onKey = (happened: { key?: string }): void => {
      // The last press counts: the file dialog ignores an Enter until it has listed the folder.
      if (happened.key === key) {
        pressed = page.performance.now();
      }
    };
    const shows = (): boolean =>
      [...page.document.querySelectorAll(selector)].some((element) => text === undefined || (element.textContent ?? '').includes(text));
    const observer = new page.MutationObserver(() => {
      if (pressed !== undefined && shows()) {
        const elapsed = page.performance.now() - pressed;
        stop();
        resolve(elapsed);
      }
    });
    const stop = (): void => {
      observer.disconnect();
      page.removeEventListener(event, onKey, true);
    };
    page.addEventListener(event, onKey, true);
    observer.observe(page.document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    page.setTimeout(() => {
      stop();
      reject(new Error(`Nothing like ${selector} showed within ${timeoutMs} ms of ${key}`));
    }, timeoutMs);
  });
  page.editorTimer.catch(() => undefined);
}
