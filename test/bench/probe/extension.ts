/**
 * A bench-only extension (test/bench/probe/package.json), loaded as the extension under development
 * beside the installed .vsix. VS Code activates `*` extensions first and waits for them (up to 10 s)
 * before it starts onStartupFinished activations or the tests module. So this one waits for the
 * other `*` extensions and for the host to settle, reads the heap and the require cache while ours
 * is still untouched, activates it, and only then returns. (The tests module alone starts too late:
 * by then VS Code has already loaded dist/extension.js, in every launch tried.)
 */
import * as vscode from 'vscode';
import { lastWithin } from '../../eventually';
import { measureActivation, type Activated } from '../inHost/activation';

export const probeId = 'aws-credential-manager-bench.activation-probe';

export interface ProbeApi {
  readonly activation: Activated;
}

export async function activate(): Promise<ProbeApi> {
  const otherEager = vscode.extensions.all.filter(
    (extension) => extension.id !== probeId && (extension.packageJSON as { activationEvents?: string[] }).activationEvents?.includes('*'),
  );
  await Promise.all(otherEager.map((extension) => extension.activate()));
  await requireCacheSettled();
  return { activation: await measureActivation() };
}

/** Until no module has been loaded for 600 ms (at most 4 s): what the other extensions load after activating. */
async function requireCacheSettled(): Promise<void> {
  let stableSince = Date.now();
  let count = Object.keys(require.cache).length;
  const stableForMs = (): number => {
    const now = Object.keys(require.cache).length;
    if (now !== count) {
      count = now;
      stableSince = Date.now();
    }
    return Date.now() - stableSince;
  };
  // After 4 s the measurement goes on anyway: some extension keeps loading, which the report shows.
  await lastWithin(stableForMs, (ms) => ms >= 600, { timeoutMs: 4_000 });
}
