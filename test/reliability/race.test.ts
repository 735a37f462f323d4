/**
 * Races: another program writes a file while an edit of it runs (in place, by rename, by append,
 * or slowly in pieces), and two VS Code windows (two processes) edit the same files at once. An
 * outside write may win or lose against the edit, but never silently: it is in the file at the
 * end, or the edit was refused. An edit is never built from a half-written file, and two editors
 * never both report success when one edit is gone.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { FileError } from '../../src/core/files/fileError';
import type { SharedFilePaths } from '../../src/core/files/paths';
import { applyEditToFiles } from '../../src/core/profiles/transaction';
import type { WriteOrder } from './outsideWriter';
import { random, report, runs } from './scale';

const credentials =
  '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n' +
  '[work]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n';
const config = '[default]\nregion = us-east-1\n\n[profile work]\nregion = eu-west-1\n';
const newSecret = 'rAcEdSeCrEt/K7MDENG/bPxRfiCYEXAMPLEKEY000';

async function scratchFiles(): Promise<{ folder: string; paths: SharedFilePaths }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-race-'));
  const paths = { config: path.join(folder, 'config'), credentials: path.join(folder, 'credentials') };
  await fs.writeFile(paths.credentials, credentials, { mode: 0o600 });
  await fs.writeFile(paths.config, config);
  // Written long ago, as the user's files are: an edit need not wait for them to settle.
  const earlier = new Date(Date.now() - 10_000);
  await Promise.all([fs.utimes(paths.credentials, earlier, earlier), fs.utimes(paths.config, earlier, earlier)]);
  return { folder, paths };
}

/**
 * Changes a secret of the credentials file while `writing` (another program) runs, as the
 * extension does; gives the edit's outcome (`ok`, or the reason it was refused) and the file after both.
 */
async function changeSecretDuring(paths: SharedFilePaths, writing: Promise<void>): Promise<{ result: string; final: string }> {
  let result = 'ok';
  try {
    await applyEditToFiles(paths, { kind: 'change', name: 'work', changes: { aws_secret_access_key: newSecret } });
  } catch (error) {
    if (!(error instanceof FileError)) {
      throw error;
    }
    result = error.reason;
  }
  await writing;
  return { result, final: await fs.readFile(paths.credentials, 'utf8') };
}

class OutsideWriter {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: (() => void)[] = [];

  constructor() {
    this.child = spawn(process.execPath, [path.join(__dirname, 'outsideWriter.js')]);
    readline.createInterface({ input: this.child.stdout }).on('line', () => this.waiting.shift()?.());
  }

  write(order: WriteOrder): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin.write(`${JSON.stringify(order)}\n`);
    });
  }

  close(): void {
    this.child.kill();
  }
}

describe('reliability: edits racing other writers', function () {
  const next = random();
  let outside: OutsideWriter;

  before(() => {
    outside = new OutsideWriter();
  });
  after(() => outside.close());

  it('keeps or reports every outside write that races an edit', async () => {
    const tally = { runs: 0, editsApplied: 0, editsRefused: 0, outsideKept: 0, lostButReported: 0, lostUnreported: 0, mixed: 0 };
    const hows = ['inPlace', 'rename', 'append'] as const;
    const lostBy = { inPlace: 0, rename: 0, append: 0 };
    for (let run = 0; run < runs(300, 1000); run++) {
      const { folder, paths } = await scratchFiles();
      try {
        const how = hows[run % hows.length] ?? 'inPlace';
        const marker = `# written by another program, run ${run}\n`;
        const text = how === 'append' ? marker : `${credentials}${marker}`;
        const { result, final } = await changeSecretDuring(
          paths,
          outside.write({ how, file: paths.credentials, text, delayMs: next() * 8 }),
        );
        tally.runs++;
        tally[result === 'ok' ? 'editsApplied' : 'editsRefused']++;
        if (final.includes(marker)) {
          tally.outsideKept++;
        } else {
          tally[result === 'ok' ? 'lostUnreported' : 'lostButReported']++;
          if (result === 'ok') {
            lostBy[how]++;
          }
        }
        const ours = final.includes(newSecret);
        const wellFormed = final.startsWith('[default]') && (ours || final.includes('je7MtGbClwBF'));
        if (!wellFormed) {
          tally.mixed++;
        }
      } finally {
        await fs.rm(folder, { recursive: true, force: true });
      }
    }
    report('outside writers', tally);
    report('outside writers lost unreported, by kind of write', lostBy);
    assert.equal(tally.mixed, 0, 'a file was left mixed');
    assert.equal(tally.lostUnreported, 0, 'an outside write was lost and the edit reported success');
  });

  it('never builds an edit from a file another program is still writing in pieces', async () => {
    const tally = { runs: 0, editsApplied: 0, editsRefused: 0, truncated: 0 };
    const tail = '\n[late]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = LaTeTaIlSeCrEt/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
    for (let run = 0; run < runs(60, 300); run++) {
      const { folder, paths } = await scratchFiles();
      try {
        const pausesMs = Array.from({ length: 1 + Math.floor(next() * 4) }, () => next() * runs(30, 80));
        const writing = outside.write({ how: 'chunks', file: paths.credentials, text: `${credentials}${tail}`, delayMs: 0, pausesMs });
        await new Promise((resolve) => setTimeout(resolve, next() * 10));
        const { result, final } = await changeSecretDuring(paths, writing);
        tally.runs++;
        tally[result === 'ok' ? 'editsApplied' : 'editsRefused']++;
        if (!final.includes(tail)) {
          tally.truncated++;
        }
      } finally {
        await fs.rm(folder, { recursive: true, force: true });
      }
    }
    report('slow writer', tally);
    assert.equal(tally.truncated, 0, 'an edit was built from a half-written file and cut it short');
    assert.ok(tally.editsApplied > 0, 'no edit was ever applied: the race never let an edit through');
  });

  it('lets two windows editing at once take turns: both edits kept, or one refused', async () => {
    const tally = { runs: 0, bothApplied: 0, oneRefused: 0, editLost: 0 };
    for (let run = 0; run < runs(40, 1000); run++) {
      const { folder, paths } = await scratchFiles();
      try {
        const editors = ['one', 'two'].map((name) =>
          startEditor(paths, {
            kind: 'add',
            name,
            settings: { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: newSecret, region: 'eu-west-3' },
          }),
        );
        await Promise.all(editors.map((editor) => editor.ready));
        for (const editor of editors) {
          editor.go();
        }
        const results = await Promise.all(editors.map((editor) => editor.done));
        const [finalCredentials, finalConfig] = await Promise.all([
          fs.readFile(paths.credentials, 'utf8'),
          fs.readFile(paths.config, 'utf8'),
        ]);
        tally.runs++;
        ['one', 'two'].forEach((name, position) => {
          const kept = finalCredentials.includes(`[${name}]`) && finalConfig.includes(`[profile ${name}]`);
          if (results[position] && !kept) {
            tally.editLost++;
          }
        });
        tally[results.every(Boolean) ? 'bothApplied' : 'oneRefused']++;
      } finally {
        await fs.rm(folder, { recursive: true, force: true });
      }
    }
    report('two windows', tally);
    assert.equal(tally.editLost, 0, 'an editor reported success and its edit is gone');
  });
});

/** A second extension host, as a process: the kill suite's writer, never killed. */
function startEditor(paths: SharedFilePaths, edit: unknown): { ready: Promise<void>; go: () => void; done: Promise<boolean> } {
  const child = spawn(process.execPath, [path.join(__dirname, 'killedWriter.js'), JSON.stringify({ paths, edit, killAt: 0 })], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  let output = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('ready\n')) {
      markReady();
    }
  });
  const done = new Promise<boolean>((resolve) => child.once('exit', () => resolve(output.includes('done'))));
  return { ready, go: () => child.stdin.write('go\n'), done };
}
