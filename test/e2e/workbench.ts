/**
 * Drives the real VS Code workbench in Chromium the way a person does: the Command Palette, input
 * boxes, quick picks, the status bar, tree views, notifications, the Output panel and webviews.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { eventually } from '../eventually';

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
  const attempt = async (): Promise<string | undefined> => {
    // A modal dialog makes the palette inert: wait for it (a reconnection) rather than type into nothing.
    const blocking = await openDialogText(page);
    if (blocking !== undefined) {
      await page.waitForTimeout(250);
      return `a modal dialog is open: ${blocking}`;
    }
    await page.keyboard.press('F1');
    try {
      await input.fill(`>${title}`, { timeout: 5_000 });
      await row.waitFor({ timeout: 2_000 });
      await row.click({ timeout: 2_000 });
      // The palette closes, or turns into the command's own input: either way it no longer shows the title.
      await eventually(
        async () => (await page.locator(quickInput).isVisible()) && (await input.inputValue()) === `>${title}`,
        (open) => !open,
        () => `"${title}" was clicked but the Command Palette stayed open`,
        { timeoutMs: 5_000 },
      );
      return undefined;
    } catch (error) {
      await page.keyboard.press('Escape');
      return String(error);
    }
  };
  await eventually(
    attempt,
    (failure) => failure === undefined,
    (failure) => `The Command Palette does not list "${title}" (${failure ?? ''})`,
    {
      timeoutMs: timeout,
      intervalMs: 0,
    },
  );
}

/**
 * Types an answer into the open input box and accepts it, then waits until the box closes or
 * moves on to its next step; an answer the box refuses fails with the box's message.
 */
export async function answerInput(page: Page, text: string): Promise<void> {
  const widget = page.locator(quickInput);
  const input = widget.locator('input');
  await input.waitFor();
  const title = await widget.locator('.quick-input-title').innerText();
  await input.fill(text);
  await input.press('Enter');
  const stillAsking = async (): Promise<string | undefined> =>
    (await widget.isVisible()) && (await widget.locator('.quick-input-title').innerText()) === title && (await input.inputValue()) === text
      ? await widget.locator('.quick-input-message').innerText()
      : undefined;
  await eventually(
    stillAsking,
    (message) => message === undefined,
    (message) => `The input "${title}" did not take the answer: ${message ?? ''}`,
    {
      timeoutMs: 5_000,
    },
  );
}

/**
 * Runs a command with the keyboard alone: F1, its title typed, the arrow keys to its row, Enter.
 * Fails when the palette's focused row never becomes the command.
 */
export async function runCommandWithKeyboard(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator(`${quickInput} input`).waitFor();
  await page.keyboard.type(title);
  await moveQuickPickFocusTo(page, exactly(title));
  await page.keyboard.press('Enter');
}

/** Presses the Down key until the focused row of the open quick pick is the one labelled `label`. */
export async function moveQuickPickFocusTo(page: Page, label: RegExp): Promise<void> {
  const focused = page.locator(`${quickInput} .monaco-list-row.focused .label-name`).first();
  await eventually(
    async () => {
      const text = (await focused.innerText({ timeout: 2_000 }).catch(() => '')).trim();
      if (!label.test(text)) {
        await page.keyboard.press('ArrowDown');
      }
      return text;
    },
    (text) => label.test(text),
    (text) => `The quick pick's focus did not reach ${String(label)} with the Down key; it is on "${text}"`,
    { timeoutMs: 10_000, intervalMs: 100 },
  );
}

/** What a screen reader reads for each row of the open quick pick (its aria-label), once one matches `expected`. */
export async function quickPickAriaLabels(page: Page, expected: RegExp): Promise<string[]> {
  const rows = page.locator(`${quickInput} .monaco-list-row`);
  return eventually(
    async () => Promise.all((await rows.all()).map(async (row) => (await row.getAttribute('aria-label').catch(() => null)) ?? '')),
    (labels) => labels.some((label) => expected.test(label)),
    (labels) => `The quick pick's rows read ${JSON.stringify(labels)}, none matching ${String(expected)}`,
    { timeoutMs: 15_000, intervalMs: 200 },
  );
}

/** The label of a list row (a quick pick's item, a tree's row), or '' once the list has re-rendered it away. */
export async function rowLabel(row: Locator): Promise<string> {
  return (
    await row
      .locator('.label-name')
      .first()
      .innerText({ timeout: 1_000 })
      .catch(() => '')
  ).trim();
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
  const rows = page.locator(`${quickInput} .monaco-list-row`);
  let previous = '';
  const read = async (): Promise<{ labels: string[]; settled: boolean }> => {
    // A row's first label is the item's label; a detail line has a label of its own.
    const labels: string[] = [];
    for (const row of await rows.all()) {
      labels.push(await rowLabel(row));
    }
    const settled = labels.length > 0 && labels.join('\n') === previous;
    previous = labels.join('\n');
    return { labels, settled };
  };
  const { labels } = await eventually(
    read,
    ({ labels, settled }) => settled && (!expected || labels.some((label) => expected.test(label))),
    ({ labels }) => `The quick pick shows ${labels.join(', ') || 'nothing'}${expected ? `, none matching ${String(expected)}` : ''}`,
    { timeoutMs: timeout, intervalMs: 300 },
  );
  return labels;
}

export async function statusBarTexts(page: Page): Promise<string[]> {
  return (await page.locator('#workbench\\.parts\\.statusbar .statusbar-item').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
}

/**
 * The messages of the notifications shown, as toasts or in the Notification Center. Newer
 * workbenches may keep a notification in the center without a toast, so the center is read too.
 */
export async function notificationMessages(page: Page): Promise<string[]> {
  return (await page.locator(notificationItems).locator('.notification-list-item-message').allInnerTexts()).map((text) => text.trim());
}

const notificationItems = '.notifications-toasts .notification-list-item, .notifications-center .notification-list-item';

/**
 * The text of the Output panel once it contains `expected`. The panel wraps long lines into several
 * rows, so rows are joined: log lines still start with their timestamps.
 */
export async function outputText(page: Page, expected: string | RegExp, timeout = 15_000): Promise<string> {
  const lines = page.locator('.part.panel .output .view-lines, .part.panel [id="workbench.panel.output"] .view-lines').first();
  return eventually(
    async () => ((await lines.count()) > 0 ? (await lines.innerText()).replace(/\u00a0/g, ' ').replace(/\n/g, '') : ''),
    (text) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text)),
    (text) => `The Output panel did not show ${String(expected)} within ${timeout} ms. It shows:\n${text}`,
    { timeoutMs: timeout, intervalMs: 200 },
  );
}

/** The id of the focused element of a webview's page ('' for none). */
export async function focusedId(frame: FrameLocator): Promise<string> {
  // Typed by hand: the tests compile without the DOM's types.
  type Body = { readonly ownerDocument: { readonly activeElement: { readonly id: string } | null } };
  return frame.locator('body').evaluate((body: Body) => body.ownerDocument.activeElement?.id ?? '');
}

/** The content frame of the active webview (webviews are nested iframes of the workbench). */
export function activeWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Waits until a notification matching `expected` is shown, opening the Notification Center to look, and returns its text. */
export async function waitForNotification(page: Page, expected: RegExp, timeout = 15_000): Promise<string> {
  const shown = await eventually(
    async () => {
      if (!(await page.locator('.notifications-center.visible').isVisible())) {
        await showNotificationCenter(page);
      }
      return notificationMessages(page);
    },
    (messages) => messages.some((message) => expected.test(message)),
    (messages) => `No notification matched ${String(expected)} within ${timeout} ms; shown: ${messages.join(' | ') || 'none'}`,
    { timeoutMs: timeout, intervalMs: 200 },
  );
  return shown.find((message) => expected.test(message)) ?? '';
}

/** Clicks a button of the notification that matches `message` (see waitForNotification). */
export async function clickNotificationButton(page: Page, message: RegExp, button: string): Promise<void> {
  await waitForNotification(page, message);
  const item = page.locator(notificationItems, { has: page.locator('.notification-list-item-message', { hasText: message }) }).first();
  await item.click();
  await item
    .locator('.monaco-button', { hasText: exactly(button) })
    .first()
    .click();
}

/** VS Code's own chord for "Notifications: Show Notifications", which does not take the focus from an open input. */
async function showNotificationCenter(page: Page): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+Shift+N');
  await page
    .locator('.notifications-center.visible')
    .waitFor({ timeout: 2_000 })
    .catch(() => undefined);
}

export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  if (await page.locator('.notifications-center.visible').isVisible()) {
    await runCommand(page, 'Notifications: Hide Notifications');
  }
}

/** The open input box: its title (with the step), prompt, validation message, and whether it masks what is typed. */
export async function inputState(page: Page): Promise<{ title: string; message: string; value: string; password: boolean }> {
  const widget = page.locator(quickInput);
  await widget.locator('input').waitFor();
  return {
    title: (await widget.locator('.quick-input-title').innerText()).trim(),
    message: (await widget.locator('.quick-input-message').innerText()).trim(),
    value: await widget.locator('input').inputValue(),
    password: (await widget.locator('input').getAttribute('type')) === 'password',
  };
}

/** Types a text the open input box refuses, without accepting it, and returns the message it refuses it with. */
export async function typeIntoInput(page: Page, text: string): Promise<string> {
  const widget = page.locator(quickInput);
  const message = async (): Promise<string> => (await widget.locator('.quick-input-message').innerText()).trim();
  const before = await message();
  await widget.locator('input').fill(text);
  // The box checks as it is typed: the message changes from the one shown before the text.
  return eventually(
    message,
    (shown) => shown !== before,
    (shown) => `The input box still shows "${shown}" after "${text}" was typed`,
    {
      timeoutMs: 5_000,
    },
  );
}

export interface TreeRow {
  readonly label: string;
  readonly description: string;
}

/** The rows of a tree view with their descriptions, once `until` accepts them. */
export async function treeRows(
  page: Page,
  viewTitle: string,
  until: (rows: TreeRow[]) => boolean = () => true,
  timeout = 10_000,
): Promise<TreeRow[]> {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(viewTitle, 'i') }) }).first();
  const read = async (): Promise<TreeRow[]> => {
    const rows: TreeRow[] = [];
    for (const row of await pane.locator('.monaco-list-row').all()) {
      // Rows are re-rendered as the tree changes: a row gone since it was listed reads as empty.
      const text = async (selector: string): Promise<string> =>
        (await row.locator(selector).count()) > 0
          ? (
              await row
                .locator(selector)
                .first()
                .innerText({ timeout: 1_000 })
                .catch(() => '')
            ).trim()
          : '';
      rows.push({ label: await text('.label-name'), description: await text('.label-description') });
    }
    return rows;
  };
  return eventually(
    read,
    until,
    (rows) => `The ${viewTitle} view did not reach the expected rows within ${timeout} ms; it shows: ${JSON.stringify(rows)}`,
    { timeoutMs: timeout, intervalMs: 200 },
  );
}

/** What a screen reader reads for each row of a tree view (its aria-label), beside the label shown. */
export async function treeRowAriaLabels(page: Page, viewTitle: string): Promise<{ label: string; ariaLabel: string }[]> {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(viewTitle, 'i') }) }).first();
  const rows: { label: string; ariaLabel: string }[] = [];
  for (const row of await pane.locator('.monaco-list-row').all()) {
    rows.push({ label: await rowLabel(row), ariaLabel: (await row.getAttribute('aria-label').catch(() => null)) ?? '' });
  }
  return rows;
}

async function openTreeContextMenu(page: Page, viewTitle: string, rowLabel: string): Promise<void> {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(viewTitle, 'i') }) }).first();
  const row = pane.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: exactly(rowLabel) }) }).first();
  await row.click({ button: 'right' });
  await page.locator('.monaco-menu .action-label').first().waitFor();
}

/** The items of a row's context menu, which is closed again. */
export async function treeContextMenu(page: Page, viewTitle: string, rowLabel: string): Promise<string[]> {
  await openTreeContextMenu(page, viewTitle, rowLabel);
  const items = (await page.locator('.monaco-menu .action-label').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
  await page.keyboard.press('Escape');
  return items;
}

/** Right-clicks the row labelled `rowLabel` in a view and chooses `item` from its context menu. */
export async function treeContextAction(page: Page, viewTitle: string, rowLabel: string, item: string): Promise<void> {
  await openTreeContextMenu(page, viewTitle, rowLabel);
  // The workbench's menus act on the highlighted item; a synthetic click can land before the menu listens.
  await page
    .locator('.monaco-menu .action-label', { hasText: exactly(item) })
    .first()
    .hover();
  await page.keyboard.press('Enter');
}

/** Clicks the row labelled `rowLabel` in a view (a tree row's click runs its command or expands it). */
export async function clickTreeRow(page: Page, viewTitle: string, rowLabel: string | RegExp): Promise<void> {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(viewTitle, 'i') }) }).first();
  const label = typeof rowLabel === 'string' ? exactly(rowLabel) : rowLabel;
  await pane
    .locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: label }) })
    .first()
    .click();
}

/** The open modal dialog's message and detail, and a way to press one of its buttons. */
export async function dialog(page: Page): Promise<{ text: string; press(this: void, button: string): Promise<void> }> {
  const box = page.locator('.monaco-dialog-box');
  await box.waitFor();
  return {
    text: (await box.innerText()).replace(/\s+/g, ' '),
    press: (button) =>
      box
        .locator('.dialog-buttons .monaco-button', { hasText: exactly(button) })
        .first()
        .click(),
  };
}

/** The titles of the open editor tabs. */
export async function editorTabs(page: Page): Promise<string[]> {
  return (await page.locator('.tabs-container .tab .label-name').allInnerTexts()).map((text) => text.trim());
}

/** Closes inputs, editors and notifications left by an earlier test. */
export async function resetWorkbench(page: Page): Promise<void> {
  // A tab a test opened (a console or IAM Identity Center sign-in) must not take the next test's, nor leave the
  // workbench in the background, where Chromium stops rendering: no lenses, and inputs that never show.
  for (const tab of page
    .context()
    .pages()
    .filter((other) => other !== page)) {
    await tab.close();
  }
  await page.bringToFront();
  await dismissDialog(page, 0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editors');
  await dismissDialog(page, 1_000);
  await clearNotifications(page);
}

/** The text of the modal dialog on the page, if one is open. */
async function openDialogText(page: Page): Promise<string | undefined> {
  const box = page.locator('.monaco-dialog-box');
  return (await box.isVisible()) ? (await box.innerText().catch(() => '')).replace(/\s+/g, ' ') : undefined;
}

/**
 * Closes a modal dialog that blocks every later step, waiting `appearMs` for one to open: an editor left
 * unsaved (a copy VS Code restored, or one the last test left) asks whether to save, and the reset discards it.
 */
async function dismissDialog(page: Page, appearMs: number): Promise<void> {
  const box = page.locator('.monaco-dialog-box');
  const open = await box.waitFor({ timeout: Math.max(appearMs, 1) }).then(
    () => true,
    () => false,
  );
  if (!open) {
    return;
  }
  const discard = box.locator('.dialog-buttons .monaco-button', { hasText: exactly("Don't Save") }).first();
  await ((await discard.count()) > 0 ? discard.click() : page.keyboard.press('Escape'));
  // A dialog without a way out (VS Code reconnecting to its server) closes by itself.
  await box.waitFor({ state: 'hidden', timeout: 60_000 });
}

/**
 * Waits until a status bar item that is not spinning has a text matching `expected` (and, when
 * `warning` is given, the look it asks for); returns its text and whether it has the warning look.
 */
export async function waitForStatusBarItem(
  page: Page,
  expected: RegExp,
  warning?: boolean,
  timeout = 20_000,
): Promise<{ text: string; warning: boolean }> {
  const items = page.locator('#workbench\\.parts\\.statusbar .statusbar-item');
  const read = async (): Promise<{ found: { text: string; warning: boolean } | undefined; seen: string[] }> => {
    const seen: string[] = [];
    for (const item of await items.all()) {
      const text = (await item.innerText().catch(() => '')).trim();
      const classes = (await item.getAttribute('class').catch(() => '')) ?? '';
      const found = { text, warning: /\bwarning-kind\b/.test(classes) };
      // A spinning item is on its way to another state.
      const busy = (await item.locator('.codicon-loading, [class*="~spin"]').count()) > 0;
      if (!busy && expected.test(text) && (warning === undefined || found.warning === warning)) {
        return { found, seen };
      }
      if (text) {
        seen.push(found.warning ? `${text} (warning)` : text);
      }
    }
    return { found: undefined, seen };
  };
  const look = warning === undefined ? '' : warning ? ' with the warning look' : ' without the warning look';
  const { found } = await eventually(
    read,
    (result) => result.found !== undefined,
    ({ seen }) => `No status bar item matched ${String(expected)}${look} within ${timeout} ms; it shows: ${seen.join(' | ')}`,
    { timeoutMs: timeout, intervalMs: 200 },
  );
  return found ?? { text: '', warning: false };
}

/** Runs AWS: Connect to AWS and picks the profile, as a person does; waits for nothing after. */
export async function connectWithProfile(page: Page, profile: string): Promise<void> {
  await runCommand(page, 'AWS: Connect to AWS');
  await quickPickLabels(page, new RegExp(`^${profile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await pick(page, profile);
}

/** The text of the tooltip of the status bar item whose text matches `item`, as a person hovering over it reads it. */
export async function statusBarTooltip(page: Page, item: RegExp, expected: RegExp): Promise<string> {
  await page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: item }).first().hover();
  const hover = page.locator('.monaco-hover:visible .hover-contents, .workbench-hover:visible').first();
  const text = await eventually(
    () => hover.innerText({ timeout: 1_000 }).catch(() => ''),
    (shown) => expected.test(shown),
    (shown) => `The tooltip of the status bar item ${String(item)} did not match ${String(expected)}; it showed: ${shown}`,
    { timeoutMs: 10_000, intervalMs: 200 },
  );
  await page.mouse.move(0, 0);
  return text;
}

/** Waits until an input box or quick pick titled like `title` is open. */
export async function waitForInput(page: Page, title: RegExp, timeout = 15_000): Promise<void> {
  const widget = page.locator(quickInput);
  await eventually(
    async () => ((await widget.isVisible()) ? await widget.locator('.quick-input-title').innerText() : ''),
    (shown) => title.test(shown),
    (shown) => `No input titled ${String(title)} opened; shown: ${shown || 'none'}`,
    { timeoutMs: timeout },
  );
}

/** The title of the open input box or quick pick, or '' when none is open. */
export async function openInputTitle(page: Page): Promise<string> {
  const widget = page.locator(quickInput);
  return (await widget.isVisible())
    ? (
        await widget
          .locator('.quick-input-title')
          .innerText()
          .catch(() => '')
      ).trim()
    : '';
}

/** Opens a file with a command, replaces its whole text by pasting (no auto-closing of brackets) and saves it. */
export async function replaceEditorText(page: Page, openCommand: string, text: string): Promise<void> {
  await runCommand(page, openCommand);
  const editor = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await editor.waitFor();
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.press('ControlOrMeta+S');
  // Closing an editor whose save has not finished asks whether to save, in a modal that blocks every later step.
  await eventually(
    () => page.locator('.tabs-container .tab.active.dirty').count(),
    (dirty) => dirty === 0,
    () => 'the editor was still unsaved after Ctrl+S',
  );
  await runCommand(page, 'View: Close Editor');
}

/** Opens a file by its path with File: Open File..., as a person who knows where it is does. */
export async function openFile(page: Page, file: string): Promise<void> {
  await runCommand(page, 'File: Open File...');
  const widget = page.locator(quickInput);
  const input = widget.locator('input');
  const name = file.split('/').at(-1) ?? file;
  // The dialog fills in a folder of its own once it is ready, and takes Enter only once it lists the file's folder.
  await eventually(
    async () => {
      if (await widget.isVisible()) {
        if ((await input.inputValue().catch(() => '')) !== file) {
          await input.fill(file);
        } else if ((await widget.locator('.monaco-list-row', { hasText: name }).count()) > 0) {
          await page.keyboard.press('Enter');
        }
      }
      return page
        .locator('.tabs-container .tab.active .label-name')
        .innerText({ timeout: 500 })
        .catch(() => '');
    },
    (title) => title.trim() === name,
    (title) => `${file} did not open; the active tab is ${title || 'none'}`,
    { intervalMs: 300, timeoutMs: 20_000 },
  );
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Puts the cursor of the active editor at a 1-based line and column (Go to Line). */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('ControlOrMeta+G');
  const input = page.locator(`${quickInput} input`);
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await eventually(
    () => page.locator(quickInput).isVisible(),
    (open) => !open,
    () => 'Go to Line stayed open',
  );
}

/** The whole text of the active editor, as copying it gives it. */
export async function editorText(page: Page): Promise<string> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  const text = await page.evaluate<string>('navigator.clipboard.readText()');
  await page.keyboard.press('Escape');
  return text;
}

/** The rows of the Problems panel (it is opened), as their text. */
export async function problemRows(page: Page): Promise<string[]> {
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
  return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}
