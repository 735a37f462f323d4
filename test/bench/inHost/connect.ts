/**
 * Connecting with a static-keys profile, the extension's way beside the bare SDK's, in the same
 * extension host against the same endpoint. Ours runs from the connect command to the connection
 * change that sets the status bar item's text; the bare call is fromIni plus STS GetCallerIdentity.
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ConnectionState } from '../../../src/core/aws/connectionState';
import type { AwsCredentialManagerApi } from '../../../src/api';
import { benchProfile } from './benchProfile';
import { extensionAndSdkFiles, loadedFiles, loadedSince } from './moduleCache';

export interface ConnectFigures {
  /** The extension's and the SDK's files loaded after activation and the first read, before any connect. */
  readonly loadedBeforeConnect: readonly string[];
  /** The first connect, which loads the SDK chunks. */
  readonly firstMs: number;
  readonly loadedByFirstConnect: readonly string[];
  /** Warm, in pairs taken one after the other. */
  readonly oursMs: readonly number[];
  readonly bareMs: readonly number[];
}

export async function measureConnects(api: AwsCredentialManagerApi, root: string, runs: number): Promise<ConnectFigures> {
  const loadedBeforeConnect = extensionAndSdkFiles(root);
  const beforeFirst = loadedFiles();
  const firstMs = await timeOurConnect(api);
  const loadedByFirstConnect = loadedSince(beforeFirst, root);
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
      const elapsed = await timeOurConnect(api);
      if (round >= 0) {
        oursMs.push(elapsed);
      }
    };
    for (const measure of round % 2 === 0 ? [timeOurs, timeBare] : [timeBare, timeOurs]) {
      await measure();
    }
  }
  return { loadedBeforeConnect, firstMs, loadedByFirstConnect, oursMs, bareMs };
}

/** From choosing the profile (the command a quick pick choice runs) until the connection, and so the status bar, shows it. */
async function timeOurConnect(api: AwsCredentialManagerApi): Promise<number> {
  await vscode.commands.executeCommand('awsCredentialManager.disconnect');
  let subscription: vscode.Disposable | undefined;
  const settled = new Promise<ConnectionState>((resolve) => {
    subscription = api.onDidChangeConnection((state) => {
      if (state.kind !== 'connecting') {
        resolve(state);
      }
    });
  });
  const start = performance.now();
  const command = vscode.commands.executeCommand('awsCredentialManager.connectProfile', benchProfile.name);
  const state = await settled;
  const elapsed = performance.now() - start;
  subscription?.dispose();
  await command;
  if (state.kind !== 'connected') {
    throw new Error(
      `Connecting with profile ${benchProfile.name} ended ${state.kind}${'problem' in state ? `: ${state.problem.message}` : ''}`,
    );
  }
  return elapsed;
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
