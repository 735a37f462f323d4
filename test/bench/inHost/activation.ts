/**
 * Activation as the extension host sees it: whether VS Code had already started it, the time
 * `extension.activate()` takes, the heap it keeps and the files it loads, and the heap once the
 * first read of the AWS files is done as well.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { AwsCredentialManagerApi } from '../../../src/api';
import { liveHeapBytes, loadedFiles, loadedSince } from './moduleCache';

const extensionId = 'aws-credential-manager.aws-credential-manager';

export interface ActivationFigures {
  /** VS Code had already activated it when the measure started. */
  readonly activeAtStart: boolean;
  /** dist/extension.js was in the require cache when the measure started: VS Code was already activating it. */
  readonly bundleLoadedAtStart: boolean;
  /** `await extension.activate()`: loading the bundle and calling activate(), as another extension would wait for it. */
  readonly activateCallMs: number;
  readonly heapGrowthBytes: number;
  /** Relative to the extension for its own files, absolute for others' (loaded meanwhile by other extensions). */
  readonly loadedByActivation: readonly string[];
  readonly heapGrowthWithReadBytes: number;
}

export interface Activated {
  readonly figures: ActivationFigures;
  readonly api: AwsCredentialManagerApi;
  readonly root: string;
}

export async function measureActivation(): Promise<Activated> {
  const extension = vscode.extensions.getExtension<AwsCredentialManagerApi>(extensionId);
  if (!extension) {
    throw new Error(`${extensionId} is not loaded`);
  }
  const root = extension.extensionPath;
  const activeAtStart = extension.isActive;
  const bundleLoadedAtStart = path.join(root, 'dist', 'extension.js') in require.cache;
  const heapBefore = liveHeapBytes();
  const beforeActivation = loadedFiles();
  const start = performance.now();
  const api = await extension.activate();
  const activateCallMs = performance.now() - start;
  const heapActivated = liveHeapBytes();
  const loadedByActivation = loadedSince(beforeActivation, root);
  // Resolves once the read that activation started is done.
  await api.profiles();
  const heapRead = liveHeapBytes();
  return {
    api,
    root,
    figures: {
      activeAtStart,
      bundleLoadedAtStart,
      activateCallMs,
      heapGrowthBytes: heapActivated - heapBefore,
      loadedByActivation,
      heapGrowthWithReadBytes: heapRead - heapBefore,
    },
  };
}
