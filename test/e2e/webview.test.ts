import * as assert from 'node:assert/strict';
import { ui } from './session';
import { activeWebview, answerInput, resetWorkbench, runCommand } from './workbench';

// The extension's own panel arrives with "Add a New Connection"; until then the webview helper is
// proved on VS Code's Simple Browser, a webview that shows a page of the local endpoint.
describe('working inside a webview', () => {
  it("reads the content of VS Code's Simple Browser webview", async () => {
    const { page, endpoint } = ui();
    await resetWorkbench(page);
    await runCommand(page, 'Simple Browser: Show');
    await answerInput(page, `${endpoint.url}/`);
    const webview = activeWebview(page);
    await webview.locator('.url-input').waitFor({ timeout: 15_000 });
    assert.equal(await webview.locator('.url-input').inputValue(), `${endpoint.url}/`);
    assert.match((await webview.locator('iframe').getAttribute('src')) ?? '', new RegExp(`^${endpoint.url.replace(/[.]/g, '\\.')}/`));
    await runCommand(page, 'View: Close All Editors');
  });
});
