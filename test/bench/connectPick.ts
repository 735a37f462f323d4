/**
 * AWS: Connect to AWS with thousands of profiles, in the workbench: the time from choosing the command
 * in the Command Palette to the first profile rows of its quick pick in the page (see pageTimer).
 */
import type { Browser, Page } from 'playwright-core';
import { quickPickLabels, runCommand } from '../e2e/workbench';
import { withWorkbench } from './benchWorkbench';
import { writeAwsFiles, generateProfiles } from './generateProfiles';
import { timePressToRow } from './pageTimer';

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
  const prepare = (home: string): void => writeAwsFiles(home, generateProfiles(profiles));
  return withWorkbench({ browser, extensionsDir, prepare }, async (page) => {
    // The first opening waits for the files to be read, as a user who opens it after startup would not.
    await openAndClose(page, 60_000);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      times.push(await openAndClose(page, 30_000));
    }
    return times;
  });
}

/** Opens the quick pick from the Command Palette, returns the time it took to show profiles, and closes it. */
export async function openAndClose(page: Page, timeoutMs: number): Promise<number> {
  const shown = timePressToRow(page, {
    container: '.quick-input-widget',
    heading: '.quick-input-title',
    title,
    rows: '.quick-input-list .monaco-list-row .label-name',
    text: profileLabel.source,
    timeoutMs,
  });
  await runCommand(page, `AWS: ${title}`);
  const elapsed = await shown;
  // The timed rows were the real list: it settles with the profiles.
  await quickPickLabels(page, profileLabel);
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  return elapsed;
}
