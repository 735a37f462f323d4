/**
 * A timer that runs in the workbench page: from the next pointer press to the moment a visible
 * list shows a row like a pattern. Both ends are taken inside the page (a pointer listener and a
 * DOM observer), so Playwright's polling adds nothing.
 */
import type { Page } from 'playwright-core';

export interface RowWatch {
  /** The element that holds the list: the quick pick, a view's pane. */
  readonly container: string;
  /** Within it, the element whose whole text must be `title`. */
  readonly heading: string;
  readonly title: string;
  /** Within it, the elements whose text is what a row shows. */
  readonly rows: string;
  /** The pattern (its source) the text of one of them must match. */
  readonly text: string;
  readonly timeoutMs: number;
}

/**
 * Starts watching now; the promise resolves with the milliseconds from the next pointer press to the
 * row. Arm it before the click it times.
 */
export function timePressToRow(page: Page, watch: RowWatch): Promise<number> {
  const shown = page.evaluate(timeInPage, watch);
  // Should the click fail first, the timer's own failure must not go unhandled.
  shown.catch(() => undefined);
  return shown;
}

/** The few browser APIs the timer uses (the project's TypeScript has no DOM library). */
interface PageElement {
  readonly textContent: string | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  checkVisibility(): boolean;
}

interface PageWindow {
  readonly document: PageElement & { readonly body: unknown };
  readonly performance: { now(): number };
  readonly MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  addEventListener(type: string, listener: () => void, capture: boolean): void;
  removeEventListener(type: string, listener: () => void, capture: boolean): void;
  setTimeout(callback: () => void, ms: number): unknown;
}

/** Runs in the page, so it must be self-contained. */
function timeInPage({ container, heading, title, rows, text, timeoutMs }: RowWatch): Promise<number> {
  const page = globalThis as unknown as PageWindow;
  const pattern = new RegExp(text);
  return new Promise((resolve, reject) => {
    let pressed: number | undefined;
    const onPress = (): void => {
      pressed = page.performance.now();
    };
    const titled = (element: PageElement): boolean =>
      [...element.querySelectorAll(heading)].some((candidate) => candidate.textContent?.trim() === title);
    // A hidden list (a view of a closed container, a closed quick pick) keeps its rows in the page.
    const shows = (): boolean =>
      [...page.document.querySelectorAll(container)].some(
        (element) =>
          element.checkVisibility() &&
          titled(element) &&
          [...element.querySelectorAll(rows)].some((row) => row.checkVisibility() && pattern.test(row.textContent ?? '')),
      );
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
      reject(new Error(`"${title}" showed no row like ${text} within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}
