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
import { measureConnects, type ConnectFigures } from './connect';

export interface InHostFigures {
  /** The extension host's Node. */
  readonly node: string;
  readonly activation: ActivationFigures;
  /** Absent in the host with many profiles, which has none to connect with. */
  readonly connect?: ConnectFigures;
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
    const connect = process.env[manyProfilesVariable]
      ? undefined
      : await measureConnects(api, root, Number(process.env[runsVariable] ?? 9));
    result = { figures: { node: process.version, activation, ...(connect ? { connect } : {}) } };
  } catch (error) {
    result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  const resultFile = process.env['AWS_CM_TEST_RESULT'];
  if (resultFile) {
    writeFileSync(resultFile, JSON.stringify(result));
  }
}
