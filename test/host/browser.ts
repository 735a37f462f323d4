/** Debian's Chromium driven by playwright-core, with the flags that keep it quiet on a closed network. */
import { chromium, type Browser } from 'playwright-core';
import { onCleanup } from './cleanup';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: process.env['HEADED'] === undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  onCleanup(() => browser.close());
  return browser;
}
