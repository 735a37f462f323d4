/**
 * Drives the real VS Code workbench in Chromium the way a person does: the Command Palette, input
 * boxes, quick picks, the status bar, tree views, notifications, the Output panel and webviews.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';

const quickInput = '.quick-input-widget';

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('#workbench\\.parts\\.statusbar').waitFor({ timeout: 60_000 });
}

/**
 * Runs a command from the Command Palette by its full title, such as "AWS: Show Logs". Right after
 * start the extensions' commands may not be registered yet, so the palette is reopened until it lists it.
 */
export async function runCommand(page: Page, title: string, timeout = 30_000): Promise<void> {
  const input = page.locator(`${quickInput} input`);
  const row = page.locator(`${quickInput} .monaco-list-row`, { has: page.locator('.label-name', { hasText: exactly(title) }) }).first();
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 2_000 });
      await row.click();
      // The palette closes, or turns into the command's own input: either way it no longer shows the title.
      const closedBy = Date.now() + 5_000;
      while ((await page.locator(quickInput).isVisible()) && (await input.inputValue()) === `>${title}`) {
        if (Date.now() > closedBy) {
          throw new Error(`"${title}" was clicked but the Command Palette stayed open`);
        }
        await page.waitForTimeout(100);
      }
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) {
        throw new Error(`The Command Palette does not list "${title}" (${String(error)})`);
      }
    }
  }
}

/** Types an answer into the open input box and accepts it. */
export async function answerInput(page: Page, text: string): Promise<void> {
  const input = page.locator(`${quickInput} input`);
  await input.waitFor();
  await input.fill(text);
  await input.press('Enter');
}

/** Picks an item of the open quick pick by its label. */
export async function pick(page: Page, label: string): Promise<void> {
  const row = page.locator(`${quickInput} .monaco-list-row`, { has: page.locator('.label-name', { hasText: exactly(label) }) });
  await row.first().click();
}

/**
 * The labels of the open quick pick, once its list has settled (it fills in steps) and, when
 * `expected` is given, once a label matches it.
 */
export async function quickPickLabels(page: Page, expected?: RegExp, timeout = 15_000): Promise<string[]> {
  const labels = page.locator(`${quickInput} .monaco-list-row .label-name`);
  const deadline = Date.now() + timeout;
  let previous = '';
  for (;;) {
    const current = await labels.allInnerTexts();
    const settled = current.length > 0 && current.join('\n') === previous;
    if (settled && (!expected || current.some((label) => expected.test(label)))) {
      return current;
    }
    if (Date.now() > deadline) {
      throw new Error(`The quick pick shows ${current.join(', ') || 'nothing'}${expected ? `, none matching ${String(expected)}` : ''}`);
    }
    previous = current.join('\n');
    await page.waitForTimeout(300);
  }
}

export async function statusBarTexts(page: Page): Promise<string[]> {
  return (await page.locator('#workbench\\.parts\\.statusbar .statusbar-item').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
}

/** The labels of a tree view's visible rows, found by the view's title (any case). */
export async function treeLabels(page: Page, viewTitle: string): Promise<string[]> {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(viewTitle, 'i') }) });
  return pane.first().locator('.monaco-list-row .label-name').allInnerTexts();
}

export async function notificationMessages(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
}

/**
 * The text of the Output panel once it contains `expected`. The panel wraps long lines into several
 * rows, so rows are joined: log lines still start with their timestamps.
 */
export async function outputText(page: Page, expected: string | RegExp, timeout = 15_000): Promise<string> {
  const lines = page.locator('.part.panel .output .view-lines, .part.panel [id="workbench.panel.output"] .view-lines').first();
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = (await lines.count()) > 0 ? (await lines.innerText()).replace(/\u00a0/g, ' ').replace(/\n/g, '') : '';
    if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) {
      return text;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`The Output panel did not show ${String(expected)} within ${timeout} ms. It shows:\n${text}`);
}

/** The content frame of the active webview (webviews are nested iframes of the workbench). */
export function activeWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

export function byText(page: Page, text: string): Locator {
  return page.getByText(text, { exact: true });
}

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
