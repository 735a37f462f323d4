/**
 * The AWS Explorer listing thousands of Lambda functions, in the workbench: from the click that
 * expands Lambda to its first function row, and to the end of the listing (the Lambda row then says
 * how many it listed), both in the page (see pageTimer). The local endpoint answers each page after
 * a fixed latency. The pages come one after the other (each asks for the marker the one before
 * gave), so the same calls made by the bare SDK paginator, in plain Node, set the floor no listing
 * can beat; each listing of the Explorer is timed right after one of them.
 */
import { LambdaClient, paginateListFunctions } from '@aws-sdk/client-lambda';
import type { Browser, Page } from 'playwright-core';
import { clickTreeRow, connectWithProfile, runCommand, treeRows, waitForStatusBarItem } from '../e2e/workbench';
import { exampleAccount, exampleUser, startAwsEndpoint, type AwsEndpoint } from '../fixtures/awsEndpoint';
import { withWorkbench, writeBenchProfile } from './benchWorkbench';
import { benchProfile } from './inHost/benchProfile';
import { timePressToRow } from './pageTimer';

export const listing = { functions: 5_000, pageSize: 50, latencyMs: 20 } as const;
const view = 'AWS Explorer';

export interface ExplorerListingRun {
  readonly browser: Browser;
  readonly extensionsDir: string;
  readonly runs: number;
}

export interface ListingTimes {
  readonly firstRowMs: number;
  readonly allMs: number;
  /** The bare SDK paginator's listing of the same functions, in plain Node, just before. */
  readonly bareMs: number;
}

/** An endpoint with the listing's functions for the bench profile, answering after the listing's latency. */
export async function startListingEndpoint(): Promise<AwsEndpoint> {
  const endpoint = await startAwsEndpoint();
  endpoint.state.functions[`${exampleAccount}:${benchProfile.region}`] = Array.from(
    { length: listing.functions },
    (_, index) => `fn-${String(index + 1).padStart(5, '0')}`,
  );
  endpoint.state.injection.latencyMs = listing.latencyMs;
  return endpoint;
}

export async function measureExplorerListing({ browser, extensionsDir, runs }: ExplorerListingRun): Promise<ListingTimes[]> {
  const endpoint = await startListingEndpoint();
  try {
    const env = { AWS_ENDPOINT_URL: endpoint.url };
    return await withWorkbench({ browser, extensionsDir, env, prepare: writeBenchProfile }, async (page) => {
      await connectWithProfile(page, benchProfile.name);
      await waitForStatusBarItem(page, new RegExp(`^AWS: profile:${benchProfile.name}$`), false, 30_000);
      await runCommand(page, `AWS: Focus on ${view} View`);
      await treeRows(page, view, (rows) => rows.some((row) => row.label === 'Lambda'));
      // The first listing loads the SDK's Lambda client, once per window: a warm-up, not timed.
      await listOnce(page, endpoint);
      const times: ListingTimes[] = [];
      for (let run = 0; run < runs; run++) {
        const bareMs = await bareListing(endpoint);
        times.push({ ...(await listOnce(page, endpoint)), bareMs });
      }
      return times;
    });
  } finally {
    await endpoint.close();
  }
}

/** Every page of the functions, through the SDK's paginator with a new client, as the Explorer lists them. */
async function bareListing(endpoint: AwsEndpoint): Promise<number> {
  const start = performance.now();
  const client = new LambdaClient({ region: benchProfile.region, endpoint: endpoint.url, credentials: exampleUser });
  let functions = 0;
  try {
    for await (const page of paginateListFunctions({ client, pageSize: listing.pageSize }, {})) {
      functions += page.Functions?.length ?? 0;
    }
  } finally {
    client.destroy();
  }
  if (functions !== listing.functions) {
    throw new Error(`The bare listing found ${functions} functions, not ${listing.functions}`);
  }
  return performance.now() - start;
}

/** Expands Lambda and times the listing, then collapses it and forgets what was listed. */
async function listOnce(page: Page, endpoint: AwsEndpoint): Promise<Omit<ListingTimes, 'bareMs'>> {
  const watch = { container: '.pane', heading: '.pane-header h3.title', title: view, timeoutMs: 60_000 };
  const firstRow = timePressToRow(page, { ...watch, rows: '.monaco-list-row .label-name', text: /^fn-\d{5}$/.source });
  const all = timePressToRow(page, { ...watch, rows: '.monaco-list-row .label-description', text: `^${listing.functions} functions$` });
  const calls = (): number => endpoint.state.log.filter((entry) => entry.service === 'lambda').length;
  const before = calls();
  await clickTreeRow(page, view, 'Lambda');
  const times = { firstRowMs: await firstRow, allMs: await all };
  const pages = calls() - before;
  if (pages !== listing.functions / listing.pageSize) {
    throw new Error(`The listing asked for ${pages} pages, not ${listing.functions / listing.pageSize}`);
  }
  await clickTreeRow(page, view, 'Lambda');
  await runCommand(page, 'AWS: Refresh Explorer');
  return times;
}
