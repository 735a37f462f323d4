/**
 * The host half of `npm run bench`: activation (with 10,000 profiles too), connect, the Connect quick pick, the Profiles view and the Explorer's Lambda listing, measured in the
 * real VS Code extension host (code-server) on the extension as users get it: it packages the .vsix
 * (production build) and installs it. Activation happens once per host, so it is measured over
 * several launches (BENCH_HOST_LAUNCHES, default 5), each with the activation probe as the extension
 * under development (see probe/extension.ts); connects are timed in pairs with the bare SDK call.
 * Alone: `npx tsc -p . && node out/test/bench/hostBench.js` (BENCH_RUNS, default 9).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { eventually } from '../eventually';
import { startAwsEndpoint } from '../fixtures/awsEndpoint';
import { launchBrowser } from '../host/browser';
import { onCleanup, runCleanups } from '../host/cleanup';
import { installVsix } from '../host/codeServer';
import { root } from '../host/install';
import { runInHost } from '../host/runInHost';
import { manyProfiles, report, type HostLaunch } from './hostReport';
import { manyProfilesVariable, runsVariable } from './inHost/benchProfile';
import { listingEndpointVariable } from './inHost/bareListing';
import { generateProfiles, writeAwsFiles } from './generateProfiles';
import type { InHostResult } from './inHost/index';
import { measureConnectPick } from './connectPick';
import { measureProfilesView } from './profilesViewOpen';
import { measureExplorerListing, startListingEndpoint } from './explorerListing';
import { writeBenchProfile } from './benchWorkbench';
import { editorRows, measureEditorHost } from './editorHost';
import { table, type Row } from './measure';

/** Injected before every answer of the local endpoint, for ours and the bare call alike. */
const latencyMs = 50;

export async function measureHost(runs: number): Promise<{ rows: Row[]; results: Record<string, number | string | boolean> }> {
  const started = performance.now();
  const launches = Number(process.env['BENCH_HOST_LAUNCHES'] ?? 5);
  try {
    const extensionsDir = await installPackagedExtension();
    const endpoint = await startAwsEndpoint();
    onCleanup(() => endpoint.close());
    endpoint.state.injection.latencyMs = latencyMs;
    const listingEndpoint = await startListingEndpoint();
    onCleanup(() => listingEndpoint.close());
    const browser = await launchBrowser();
    const hosts: HostLaunch[] = [];
    for (let launch = 0; launch < launches; launch++) {
      hosts.push(await launchHost({ browser, extensionsDir, endpointUrl: endpoint.url, listingUrl: listingEndpoint.url, runs }));
    }
    const manyProfilesHost = await launchHost({ browser, extensionsDir, endpointUrl: endpoint.url, runs, profiles: manyProfiles });
    const pickMs = await measureConnectPick({ browser, extensionsDir, profiles: manyProfiles, runs });
    const profilesViewMs = await measureProfilesView({ browser, extensionsDir, profiles: manyProfiles, runs });
    const explorerListing = await measureExplorerListing({ browser, extensionsDir, runs });
    const editor = await measureEditorHost(browser, extensionsDir, runs);
    const measured = report({
      hosts,
      pickMs,
      profilesViewMs,
      manyProfilesHost,
      explorerListing,
      runs,
      latencyMs,
      seconds: (performance.now() - started) / 1000,
    });
    return {
      rows: [...measured.rows, ...editorRows(editor)],
      results: {
        ...measured.results,
        'editor.open.with.ms': editor.openWithMs,
        'editor.open.without.ms': editor.openWithoutMs,
        'editor.squiggle.ms': editor.squiggleMs,
      },
    };
  } finally {
    await runCleanups();
  }
}

/**
 * `npm run package` (the production build, minified, then the .vsix) installed into a new extensions
 * folder, as users install it. A clean clone has no dist/ at all, and a development build would be
 * measured bigger and slower than what users run.
 */
async function installPackagedExtension(): Promise<string> {
  const build = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`npm run package failed:\n${build.stdout}${build.stderr}`);
  }
  const extensionsDir = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-bench-extensions-'));
  onCleanup(() => rmSync(extensionsDir, { recursive: true, force: true }));
  await installVsix(path.join(root, 'aws-credential-manager.vsix'), extensionsDir);
  return extensionsDir;
}

interface Launch {
  readonly browser: Browser;
  readonly extensionsDir: string;
  readonly endpointUrl: string;
  /** Where the host lists the Explorer bench's functions with the bare SDK (see inHost/bareListing). */
  readonly listingUrl?: string;
  readonly runs: number;
  /** Generated profiles instead of the bench profile: activation and their read are measured, no connect. */
  readonly profiles?: number;
}

async function launchHost({ browser, extensionsDir, endpointUrl, listingUrl, runs, profiles }: Launch): Promise<HostLaunch> {
  const { result, server, page } = await runInHost({
    testsPath: path.join(root, 'out', 'test', 'bench', 'inHost', 'index.js'),
    extensionPath: path.join(root, 'test', 'bench', 'probe'),
    extensionsDir,
    timeoutMs: 180_000,
    browser,
    env: {
      AWS_ENDPOINT_URL: endpointUrl,
      [runsVariable]: String(runs),
      ...(profiles ? { [manyProfilesVariable]: String(profiles) } : {}),
      ...(listingUrl ? { [listingEndpointVariable]: listingUrl } : {}),
    },
    beforeOpen: ({ home }) => (profiles ? writeAwsFiles(home, generateProfiles(profiles)) : writeBenchProfile(home)),
  });
  try {
    const outcome = result as InHostResult;
    if ('error' in outcome) {
      throw new Error(`The bench inside the extension host failed: ${outcome.error}`);
    }
    return { figures: outcome.figures, activateMs: await activationLogMs(server.logsFolder) };
  } finally {
    await page.close();
    await server.stop();
  }
}

/** The time activate() measured itself and logged ("Activated in N ms."); the log is written a moment later. */
async function activationLogMs(logsFolder: string): Promise<number> {
  const logged = (): number | undefined => {
    for (const entry of readdirSync(logsFolder, { withFileTypes: true, recursive: true })) {
      const line =
        entry.isFile() && entry.name.endsWith('.log')
          ? /Activated in ([\d.]+) ms\./.exec(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
          : null;
      if (line) {
        return Number(line[1]);
      }
    }
    return undefined;
  };
  const ms = await eventually(
    logged,
    (found) => found !== undefined,
    () =>
      `No "Activated in N ms." line in the logs under ${logsFolder}, which hold: ${readdirSync(logsFolder, { recursive: true }).join(', ')}`,
    {
      // The log is written a moment after the line, later still on a busy machine.
      timeoutMs: 30_000,
      intervalMs: 250,
    },
  );
  return ms ?? 0;
}

if (require.main === module) {
  void measureHost(Number(process.env['BENCH_RUNS'] ?? 9))
    .then(({ rows, results }) => {
      console.log(table(rows));
      console.log(`\n${String(results['host.note'])}`);
      return rows.some((row) => row.pass === false) ? 1 : 0;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.stack : error);
      return 1;
    })
    .then((code) => process.exit(code));
}
