/**
 * The bench's module inside the real VS Code extension host (loaded as extensionTestsPath): takes
 * the activation figures from the probe extension, measures connects, and writes the figures (or
 * the error) to the file named by AWS_CM_TEST_RESULT, which the runner waits for.
 */
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { probeId, type ProbeApi } from '../probe/extension';
import type { ActivationFigures } from './activation';
import { manyProfilesVariable, runsVariable } from './benchProfile';
import { listingEndpointVariable, measureBareListings } from './bareListing';
import { measureConnects, type ConnectFigures } from './connect';

export interface InHostFigures {
  /** The extension host's Node. */
  readonly node: string;
  readonly activation: ActivationFigures;
  /** Absent in the host with many profiles, which has none to connect with. */
  readonly connect?: ConnectFigures;
  /** The bare SDK paginator's listings of the Explorer bench's functions (see bareListing), where the runner asked for them. */
  readonly bareListingMs?: readonly number[];
}

export type InHostResult = { readonly figures: InHostFigures } | { readonly error: string };

export async function run(): Promise<void> {
  let result: InHostResult;
  try {
    const probe = vscode.extensions.getExtension<ProbeApi>(probeId);
    if (!probe) {
      throw new Error(`The activation probe ${probeId} is not loaded`);
    }
    const { api, root, figures: activation } = (await probe.activate()).activation;
    const runs = Number(process.env[runsVariable] ?? 9);
    const connect = process.env[manyProfilesVariable] ? undefined : await measureConnects(api, root, runs);
    const listingEndpoint = process.env[listingEndpointVariable];
    // Two per host: each takes seconds, and several hosts run.
    const bareListingMs = listingEndpoint ? await measureBareListings(api.sharedFiles, listingEndpoint, Math.min(runs, 2)) : undefined;
    result = {
      figures: { node: process.version, activation, ...(connect ? { connect } : {}), ...(bareListingMs ? { bareListingMs } : {}) },
    };
  } catch (error) {
    result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  const resultFile = process.env['AWS_CM_TEST_RESULT'];
  if (resultFile) {
    writeFileSync(resultFile, JSON.stringify(result));
  }
}
