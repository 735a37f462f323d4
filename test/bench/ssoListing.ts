/**
 * IAM Identity Center at scale: the accounts and roles of 500 accounts with 3 roles each, listed by
 * `listAssignments` (the real `@aws-sdk/client-sso`, over HTTP) against the local endpoint with
 * 20 ms before every answer, within 1 s; beside it what the calls would take one after another and
 * what the client saw (calls in flight, time per call). Then the activation bundle: the production
 * build's dist/meta.json must show no IAM Identity Center client in `dist/extension.js` (the
 * clients load on first use, from dist/lazy/sso.js). Alone: `npx tsc -p . && node out/test/bench/ssoListing.js`
 * (BENCH_RUNS, default 9; it rebuilds dist/ with `node esbuild.mjs --production`).
 */
import { spawnSync } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listAssignments } from '../../src/core/aws/sso/portal';
import { startAwsEndpoint } from '../fixtures/awsEndpoint';
import { exampleSsoRegion, type SsoAccount } from '../fixtures/ssoEndpoint';
import { median, medianOf, table, type Row } from './measure';
import { direct } from '../fixtures/network';

const accountCount = 500;
const rolesPerAccount = 3;
const latencyMs = 20;
const budgetMs = 1_000;
const root = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');

function accounts(): SsoAccount[] {
  const roles = ['ReadOnly', 'PowerUser', 'AdministratorAccess'].slice(0, rolesPerAccount);
  return Array.from({ length: accountCount }, (_, index) => {
    const number = String(index + 1).padStart(3, '0');
    return {
      accountId: String(100_000_000_000 + index + 1),
      accountName: `team-${number}`,
      emailAddress: `team-${number}@example.com`,
      roles: [...roles],
    };
  });
}

export async function measureSsoListing(runs: number): Promise<{ rows: Row[]; results: Record<string, number | string | boolean> }> {
  const endpoint = await startAwsEndpoint();
  try {
    const instance = endpoint.state.sso.instances[0];
    if (!instance) {
      throw new Error('the local endpoint has no IAM Identity Center instance');
    }
    instance.accounts.splice(0, instance.accounts.length, ...accounts());
    const { accessToken } = endpoint.sso.signIn();
    endpoint.state.injection = { latencyMs };
    const expected = accountCount * rolesPerAccount;
    const list = (): ReturnType<typeof listAssignments> =>
      listAssignments(accessToken, exampleSsoRegion, { endpointUrl: endpoint.url, network: direct });
    // What each run returned and how many portal calls it made, checked after the timing.
    const found: number[] = [];
    const calls: number[] = [];
    const ms = await median(
      runs,
      async () => {
        found.push((await list()).length);
        calls.push(endpoint.state.log.length);
      },
      () => {
        endpoint.state.log.length = 0;
      },
    );
    const complete = found.every((count) => count === expected);
    const callCount = Math.max(...calls);
    const traffic = await observeCalls(list);
    const sequentialMs = callCount * latencyMs;
    const label = `${accountCount} accounts x ${rolesPerAccount} roles (${latencyMs} ms per call)`;
    return {
      rows: [
        {
          measure: `IAM Identity Center: list ${label}`,
          value: complete ? `${ms.toFixed(1)} ms` : `${ms.toFixed(1)} ms, but ${found.find((count) => count !== expected)} of ${expected}`,
          budget: `<= ${budgetMs} ms`,
          pass: complete && ms <= budgetMs,
        },
        {
          measure: `  sequential floor: ${callCount} calls x ${latencyMs} ms`,
          value: `${sequentialMs.toLocaleString('en-US')} ms`,
          budget: '',
          pass: undefined,
        },
        {
          measure: '  calls in flight at most / time per call (median)',
          value: `${traffic.peak} / ${traffic.medianMs.toFixed(1)} ms`,
          budget: '',
          pass: undefined,
        },
        activationRow(),
      ],
      results: {
        'sso.list.500x3.ms': ms,
        'sso.list.500x3.assignments': found[found.length - 1] ?? 0,
        'sso.list.500x3.calls': callCount,
        'sso.list.500x3.sequentialFloor.ms': sequentialMs,
        'sso.list.500x3.peakInFlight': traffic.peak,
        'sso.list.500x3.callMedian.ms': traffic.medianMs,
      },
    };
  } finally {
    await endpoint.close();
  }
}

/** One more listing, untimed, watching Node's HTTP client: the most requests in flight at once and each one's time to its answer. */
async function observeCalls(list: () => Promise<unknown>): Promise<{ peak: number; medianMs: number }> {
  const started = new WeakMap<object, number>();
  const times: number[] = [];
  let inFlight = 0;
  let peak = 0;
  const onStart = (message: unknown): void => {
    started.set((message as { request: object }).request, performance.now());
    inFlight++;
    peak = Math.max(peak, inFlight);
  };
  const onFinish = (message: unknown): void => {
    const start = started.get((message as { request: object }).request);
    if (start !== undefined) {
      times.push(performance.now() - start);
      inFlight--;
    }
  };
  subscribe('http.client.request.start', onStart);
  subscribe('http.client.response.finish', onFinish);
  try {
    await list();
  } finally {
    unsubscribe('http.client.request.start', onStart);
    unsubscribe('http.client.response.finish', onFinish);
  }
  return { peak, medianMs: medianOf(times) };
}

/**
 * The production build's inputs: `dist/extension.js` must hold no module of either IAM Identity
 * Center client (`@aws-sdk/client-sso`, `@aws-sdk/client-sso-oidc`, or their copies in
 * `@aws-sdk/nested-clients`); dist/lazy/sso.js must hold some, or the pattern proves nothing.
 */
function activationRow(): Row {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`node esbuild.mjs --production failed:\n${build.stdout}${build.stderr}`);
  }
  const meta = JSON.parse(readFileSync(path.join(root, 'dist', 'meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs?: Record<string, unknown> }>;
  };
  // The clients, and the SDK's own copies of them in nested-clients (its credential providers use those).
  const ssoClient = /(^|[\\/])@aws-sdk[\\/](client-sso(-oidc)?[\\/]|nested-clients[\\/].*[\\/]submodules[\\/]sso(-oidc)?[\\/])/;
  const inputsOf = (output: string): string[] => Object.keys(meta.outputs[output]?.inputs ?? {});
  const activation = inputsOf('dist/extension.js').filter((input) => ssoClient.test(input));
  const lazy = inputsOf('dist/lazy/sso.js').filter((input) => ssoClient.test(input));
  return {
    measure: 'IAM Identity Center clients in dist/extension.js (production)',
    value:
      activation.length > 0
        ? `${activation.length} modules: ${activation.slice(0, 3).join(', ')}`
        : `none (dist/lazy/sso.js holds ${lazy.length} of their modules)`,
    budget: 'none',
    pass: activation.length === 0 && lazy.length > 0,
  };
}

if (require.main === module) {
  void measureSsoListing(Number(process.env['BENCH_RUNS'] ?? 9))
    .then(({ rows, results }) => {
      console.log(table(rows));
      console.log(JSON.stringify(results, null, 2));
      return rows.some((row) => row.pass === false) ? 1 : 0;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.stack : error);
      return 1;
    })
    .then((code) => process.exit(code));
}
