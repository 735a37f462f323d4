/** A code-server with the packaged extension and its workbench page, for the measures taken in the page. */
import type { Browser, Page } from 'playwright-core';
import { startCodeServer, workbenchUrl, type CodeServer } from '../host/codeServer';
import { waitForStatusBarItem, waitForWorkbench } from '../e2e/workbench';
import { exampleUser } from '../fixtures/awsEndpoint';
import { writeAwsFiles } from './generateProfiles';
import { benchProfile } from './inHost/benchProfile';

export interface BenchWorkbench {
  readonly browser: Browser;
  /** Where the packaged extension is installed. */
  readonly extensionsDir: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Runs before the workbench opens, e.g. to write the AWS files into the home. */
  readonly prepare: (home: string) => void;
}

/** Runs `work` on the workbench once the extension has put its status bar item up; stops it all after. */
export async function withWorkbench<T>(
  { browser, extensionsDir, env, prepare }: BenchWorkbench,
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const server = await startCodeServer({ extensionsDir, ...(env ? { env } : {}) });
  try {
    prepare(server.home);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await openWorkbench(page, server);
      return await work(page);
    } finally {
      await page.close();
    }
  } finally {
    await server.stop();
  }
}

async function openWorkbench(page: Page, server: CodeServer): Promise<void> {
  await page.goto(workbenchUrl(server), { timeout: 60_000 });
  await waitForExtension(page);
}

/** The workbench is up and the extension activated (its status bar item shows). */
export async function waitForExtension(page: Page): Promise<void> {
  await waitForWorkbench(page);
  await waitForStatusBarItem(page, /^AWS/, undefined, 60_000);
}

/** A static-keys profile with the endpoint's example keys. */
export function writeBenchProfile(home: string): void {
  writeAwsFiles(home, {
    config: `[profile ${benchProfile.name}]\nregion = ${benchProfile.region}\n`,
    credentials: `[${benchProfile.name}]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
  });
}
