/**
 * Fault injection: a writer process applies a profile edit and is killed with SIGKILL, at every
 * boundary between two of its file operations and at random moments. After the cleanup (which the
 * extension's next edit, first read, or read after a file was replaced runs), each file must be
 * byte for byte its old or its new text, both files of a two-file edit on the same side, and no
 * temporary file, journal or copy of a secret left; while the writer lies dead, no temporary file
 * may be readable by others.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { recoverFiles } from '../../src/core/files/recovery';
import type { SharedFilePaths } from '../../src/core/files/paths';
import { applyEdit, type ProfileEdit } from '../../src/core/profiles/edits';
import { type FileTexts } from '../../src/core/profiles/editChecks';
import { newFileHeaders } from '../../src/core/profiles/transaction';
import { random, report, runs } from './scale';

const secret = 'kIlLeDwRiTeRsEcReT/K7MDENG/bPxRfiCYEXAMPLE';
const credentials = [
  '# keys\r\n[default]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\r\n',
  '\r\n[work]\r\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\r\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\r\n',
].join('');
const config =
  '[default]\nregion = us-east-1\n\n[profile work]\nregion = eu-west-1 ; kept\noutput = json\n\n[profile ci]\nrole_arn = arn:aws:iam::123456789012:role/ci\nsource_profile = work\n';

interface Scenario {
  readonly name: string;
  readonly before: FileTexts;
  readonly edit: ProfileEdit;
}

const scenarios: readonly Scenario[] = [
  {
    name: 'add a profile to both files',
    before: { config, credentials },
    edit: {
      kind: 'add',
      name: 'new',
      settings: { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: secret, region: 'eu-north-1' },
    },
  },
  {
    name: 'change keys in the credentials file',
    before: { config, credentials },
    edit: { kind: 'change', name: 'work', changes: { aws_secret_access_key: secret } },
  },
  { name: 'delete a profile of both files', before: { config, credentials }, edit: { kind: 'delete', name: 'work' } },
  { name: 'rename a profile of both files', before: { config, credentials }, edit: { kind: 'rename', from: 'work', to: 'job' } },
  {
    name: 'the first profile on a new machine',
    before: { config: undefined, credentials: undefined },
    edit: {
      kind: 'add',
      name: 'default',
      settings: { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: secret, region: 'us-west-2' },
    },
  },
];

interface Outcome {
  readonly killed: boolean;
  /** File operations the edit made, when it finished. */
  readonly operations: number;
}

const writer = path.join(__dirname, 'killedWriter.js');

async function runWriter(paths: SharedFilePaths, edit: ProfileEdit, killAt: number, killAfterMs: number | undefined): Promise<Outcome> {
  const child = spawn(process.execPath, [writer, JSON.stringify({ paths, edit, killAt })], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready\n')) {
        resolve();
      }
    }),
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await ready;
  child.stdin.write('go\n');
  if (killAfterMs !== undefined) {
    const until = performance.now() + killAfterMs;
    while (performance.now() < until) {
      // A busy wait: timers cannot wait a fraction of a millisecond.
    }
    child.kill('SIGKILL');
  }
  const signal = await exited;
  const done = /done (\d+)/.exec(output);
  return { killed: signal === 'SIGKILL' && !done, operations: Number(done?.[1] ?? 0) };
}

interface Tally {
  runs: number;
  killedMidEdit: number;
  mixed: number;
  emptyOrMissing: number;
  torn: number;
  leftAfterRecovery: number;
  readableByOthers: number;
  leftWhileDead: number;
}

/** Runs `work` on a fresh folder holding the scenario's files (of `mode`), removed after. */
async function withScenarioFiles<T>(
  scenario: Scenario,
  mode: number,
  work: (paths: SharedFilePaths, folder: string) => Promise<T>,
): Promise<T> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-kill-'));
  try {
    const paths: SharedFilePaths = { config: path.join(folder, 'config'), credentials: path.join(folder, 'credentials') };
    for (const role of ['config', 'credentials'] as const) {
      const text = scenario.before[role];
      if (text !== undefined) {
        await fs.writeFile(paths[role], text, { mode });
      }
    }
    return await work(paths, folder);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

function runOnce(scenario: Scenario, killAt: number, killAfterMs: number | undefined, mode: number, tally: Tally): Promise<void> {
  return withScenarioFiles(scenario, mode, async (paths, folder) => {
    const base = {
      config: scenario.before.config ?? newFileHeaders.config,
      credentials: scenario.before.credentials ?? newFileHeaders.credentials,
    };
    const after = applyEdit(base, scenario.edit);
    const outcome = await runWriter(paths, scenario.edit, killAt, killAfterMs);
    tally.runs++;
    if (outcome.killed) {
      tally.killedMidEdit++;
    }
    for (const name of await fs.readdir(folder)) {
      if (name.endsWith('.tmp')) {
        tally.leftWhileDead++;
        if (((await fs.stat(path.join(folder, name))).mode & 0o077) !== 0) {
          tally.readableByOthers++;
        }
      }
    }
    await recoverFiles([paths.credentials, paths.config]);
    const sides: ('old' | 'new')[] = [];
    for (const role of ['config', 'credentials'] as const) {
      const now = await fs.readFile(paths[role], 'utf8').catch(() => undefined);
      const changed = after[role] !== base[role];
      if (now === scenario.before[role] || (!changed && now === undefined && scenario.before[role] === undefined)) {
        if (changed) {
          sides.push('old');
        }
      } else if (now === after[role]) {
        sides.push('new');
      } else if (now === undefined || now === '') {
        tally.emptyOrMissing++;
      } else {
        tally.mixed++;
      }
    }
    if (sides.includes('old') && sides.includes('new')) {
      tally.torn++;
    }
    const left = (await fs.readdir(folder)).filter((name) => name !== 'config' && name !== 'credentials' && !name.endsWith('.lock'));
    tally.leftAfterRecovery += left.length;
  });
}

describe('reliability: writers killed with SIGKILL mid-edit', function () {
  const tally: Tally = {
    runs: 0,
    killedMidEdit: 0,
    mixed: 0,
    emptyOrMissing: 0,
    torn: 0,
    leftAfterRecovery: 0,
    readableByOthers: 0,
    leftWhileDead: 0,
  };
  const next = random();

  after(() => report('kill', { ...tally }));

  for (const scenario of runs(scenarios.slice(0, 2), scenarios)) {
    it(`at every file operation: ${scenario.name}`, async () => {
      const total = (await runWriterCount(scenario)) + 1;
      for (let killAt = 1; killAt <= total; killAt++) {
        await runOnce(scenario, killAt, undefined, killAt % 2 === 0 ? 0o644 : 0o600, tally);
      }
      assertClean(tally);
    });
  }

  it('at random moments, over every scenario', async () => {
    const count = runs(100, 1000);
    for (let run = 0; run < count; run++) {
      const scenario = scenarios[Math.floor(next() * scenarios.length)] as Scenario;
      await runOnce(scenario, 0, next() * 12, next() < 0.5 ? 0o644 : 0o600, tally);
    }
    assertClean(tally);
    assert.ok(tally.killedMidEdit > 0, 'no run was killed mid-edit: the kill moments miss the edit');
  });
});

/** How many file operations an unkilled edit of the scenario makes. */
function runWriterCount(scenario: Scenario): Promise<number> {
  return withScenarioFiles(scenario, 0o600, async (paths) => {
    const outcome = await runWriter(paths, scenario.edit, 0, undefined);
    assert.ok(outcome.operations > 0, 'the writer made no file operation');
    return outcome.operations;
  });
}

function assertClean(tally: Tally): void {
  assert.equal(tally.mixed, 0, 'a file was left neither old nor new');
  assert.equal(tally.emptyOrMissing, 0, 'a file was left empty or missing');
  assert.equal(tally.torn, 0, 'a two-file edit was left half applied');
  assert.equal(tally.leftAfterRecovery, 0, 'a temporary file or journal outlived the cleanup');
  assert.equal(tally.readableByOthers, 0, 'a temporary file was readable by other users');
}
