/**
 * The Profiles view with thousands of profiles, in the workbench: the time from choosing its Focus
 * command in the Command Palette to its first profile rows (see pageTimer). Each run is the view's
 * first opening in a window, so it lists every profile: the window is reloaded between runs, and the
 * files are read (the Connect quick pick waits for that) before the view is opened.
 */
import type { Browser, Page } from 'playwright-core';
import { runCommand } from '../e2e/workbench';
import { waitForExtension, withWorkbench } from './benchWorkbench';
import { openAndClose } from './connectPick';
import { generateProfiles, writeAwsFiles } from './generateProfiles';
import { timePressToRow } from './pageTimer';

export interface ProfilesViewRun {
  readonly browser: Browser;
  readonly extensionsDir: string;
  readonly profiles: number;
  readonly runs: number;
}

export async function measureProfilesView({ browser, extensionsDir, profiles, runs }: ProfilesViewRun): Promise<number[]> {
  const prepare = (home: string): void => writeAwsFiles(home, generateProfiles(profiles));
  return withWorkbench({ browser, extensionsDir, prepare }, async (page) => {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      if (run > 0) {
        await runCommand(page, 'View: Show Explorer');
        // As Developer: Reload Window does, and Playwright waits for the new page.
        await page.reload({ timeout: 60_000 });
        await waitForExtension(page);
      }
      await openAndClose(page, 60_000);
      times.push(await openView(page));
    }
    return times;
  });
}

async function openView(page: Page): Promise<number> {
  const shown = timePressToRow(page, {
    container: '.pane',
    heading: '.pane-header h3.title',
    title: 'Profiles',
    rows: '.monaco-list-row .label-name',
    text: /^team-\d{5}$/.source,
    timeoutMs: 30_000,
  });
  await runCommand(page, 'AWS: Focus on Profiles View');
  return shown;
}
