/**
 * Connecting with a static-keys profile, the extension's way beside the bare SDK's, in the same
 * extension host against the same endpoint. Ours runs from the choice of the profile to the
 * connection change that sets the status bar item's text; the bare call is fromIni plus STS
 * GetCallerIdentity. The first connect, and as many warm ones, are chosen in the Connect to AWS pick
 * as a person chooses; the pairs with the bare call run the command that choice runs.
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ConnectionState } from '../../../src/core/aws/connectionState';
import type { AwsCredentialManagerApi } from '../../../src/api';
import { eventually } from '../../eventually';
import { benchProfile, readingMs } from './benchProfile';
import { extensionAndSdkFiles, loadedFiles, loadedSince } from './moduleCache';

export interface ConnectFigures {
  /** The extension's and the SDK's files loaded after activation and the first read, before the pick is first opened. */
  readonly loadedBeforeConnect: readonly string[];
  /** The first connect from the pick, timed from the choice. */
  readonly firstMs: number;
  /** Loaded from opening the pick to the first connection. */
  readonly loadedByFirstConnect: readonly string[];
  /** Warm connects from the pick, timed the same way as the first. */
  readonly fromPickMs: readonly number[];
  /** Warm, in pairs taken one after the other. */
  readonly oursMs: readonly number[];
  readonly bareMs: readonly number[];
}

/** Gets the bench profile ready to be chosen (untimed) and returns the choice (timed), which settles once the command ends. */
type Chooser = () => Promise<() => Promise<unknown>>;

/** The command a choice in the pick runs. */
const byCommand: Chooser = () =>
  Promise.resolve(() => Promise.resolve(vscode.commands.executeCommand('awsCredentialManager.connectProfile', benchProfile.name)));

/** As a person: opens Connect to AWS, reads it, and takes the row in focus, the first: the bench profile is the only one. */
const fromPick: Chooser = async () => {
  const pick = Promise.resolve(vscode.commands.executeCommand('awsCredentialManager.connect'));
  await new Promise((resolve) => setTimeout(resolve, readingMs));
  return async () => {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await pick;
  };
};

export async function measureConnects(api: AwsCredentialManagerApi, root: string, runs: number): Promise<ConnectFigures> {
  const loadedBeforeConnect = extensionAndSdkFiles(root);
  const beforeFirst = loadedFiles();
  const firstMs = await timeOurConnect(api, fromPick);
  const loadedByFirstConnect = loadedSince(beforeFirst, root);
  const fromPickMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    fromPickMs.push(await timeOurConnect(api, fromPick));
  }
  const bare = await bareConnect(api.sharedFiles);
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  // Three warm-up rounds (as sideBySide in ../measure), then pairs; alternating which goes first
  // cancels out what one leaves behind for the other (a collection, a cooler cache).
  for (let round = -3; round < runs; round++) {
    const timeBare = async (): Promise<void> => {
      const start = performance.now();
      await bare();
      const elapsed = performance.now() - start;
      if (round >= 0) {
        bareMs.push(elapsed);
      }
    };
    const timeOurs = async (): Promise<void> => {
      const elapsed = await timeOurConnect(api, byCommand);
      if (round >= 0) {
        oursMs.push(elapsed);
      }
    };
    for (const measure of round % 2 === 0 ? [timeOurs, timeBare] : [timeBare, timeOurs]) {
      await measure();
    }
  }
  return { loadedBeforeConnect, firstMs, loadedByFirstConnect, fromPickMs, oursMs, bareMs };
}

interface Settled {
  readonly state: ConnectionState;
  readonly at: number;
}

/** From choosing the profile until the connection, and so the status bar, shows it. */
async function timeOurConnect(api: AwsCredentialManagerApi, chooser: Chooser): Promise<number> {
  await vscode.commands.executeCommand('awsCredentialManager.disconnect');
  let settled: Settled | undefined;
  // The end is taken as the change is told, not when the wait below next looks.
  const subscription = api.onDidChangeConnection((state) => {
    if (state.kind !== 'connecting') {
      settled ??= { state, at: performance.now() };
    }
  });
  try {
    const choose = await chooser();
    const start = performance.now();
    const run = choose();
    // A choice the pick did not take would change nothing, and the command would never end.
    const { state, at } = await eventually(
      () => settled,
      (value): value is Settled => value !== undefined,
      () => `Choosing profile ${benchProfile.name} changed no connection`,
      { timeoutMs: 15_000, intervalMs: 10 },
    );
    await run;
    if (state.kind !== 'connected') {
      throw new Error(
        `Connecting with profile ${benchProfile.name} ended ${state.kind}${'problem' in state ? `: ${state.problem.message}` : ''}`,
      );
    }
    return at - start;
  } finally {
    subscription.dispose();
  }
}

/** The bare SDK call: a new client each time, as each connect of the extension makes one. */
async function bareConnect(paths: { readonly config: string; readonly credentials: string }): Promise<() => Promise<void>> {
  const { GetCallerIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
  const { fromIni } = await import('@aws-sdk/credential-providers');
  return async () => {
    const credentials = fromIni({
      profile: benchProfile.name,
      filepath: paths.credentials,
      configFilepath: paths.config,
      ignoreCache: true,
    });
    const client = new STSClient({ region: benchProfile.region, credentials });
    try {
      await client.send(new GetCallerIdentityCommand({}));
    } finally {
      client.destroy();
    }
  };
}
