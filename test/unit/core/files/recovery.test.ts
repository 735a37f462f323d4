import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { digestOf, journalPathOf } from '../../../../src/core/files/journal';
import { recoverFiles } from '../../../../src/core/files/recovery';
import { writeTemporary } from '../../../../src/core/files/temporary';
import { readSharedFiles } from '../../../../src/core/profiles/read';
import { deadPid, listing } from '../../helpers/files';
import { useTempFolder } from '../../helpers/sdkFiles';

describe('recoverFiles: what a killed edit of two files left', () => {
  const scratch = useTempFolder();
  let credentials: string;
  let config: string;

  beforeEach(() => {
    credentials = path.join(scratch.path, 'credentials');
    config = path.join(scratch.path, 'config');
  });

  /** Stages both new texts and journals them as a killed writer would have, then renames `renamed` of them. */
  async function interruptedEdit(renamed: number, pid: number): Promise<void> {
    const changes = [
      { target: credentials, before: 'old credentials\n', after: 'new credentials\n' },
      { target: config, before: 'old config\n', after: 'new config\n' },
    ];
    const entries = [];
    for (const change of changes) {
      await fs.writeFile(change.target, change.before);
      const staged = await writeTemporary(change.target, Buffer.from(change.after), 0o600);
      entries.push({ target: change.target, staged, before: digestOf(change.before), after: digestOf(change.after) });
    }
    await fs.writeFile(journalPathOf(credentials), JSON.stringify({ pid, host: os.hostname(), entries }));
    for (const entry of entries.slice(0, renamed)) {
      await fs.rename(entry.staged, entry.target);
    }
  }

  for (const renamed of [0, 1, 2]) {
    it(`finishes an edit killed after ${renamed} of its 2 renames, and leaves nothing behind`, async () => {
      await interruptedEdit(renamed, await deadPid());
      // Once both renames are done, the files hold their new texts already: recovery changes neither.
      assert.equal(await recoverFiles([credentials, config]), renamed < 2);
      assert.equal(await fs.readFile(credentials, 'utf8'), 'new credentials\n');
      assert.equal(await fs.readFile(config, 'utf8'), 'new config\n');
      assert.deepEqual(await listing(scratch.path), ['config', 'credentials']);
    });
  }

  it('finishes an edit beside the files that links in another folder point to, as reading through the links finds it', async () => {
    await interruptedEdit(1, await deadPid());
    const links = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-links-'));
    try {
      await fs.symlink(credentials, path.join(links, 'credentials'));
      await fs.symlink(config, path.join(links, 'config'));
      assert.equal(await recoverFiles([path.join(links, 'credentials'), path.join(links, 'config')]), true);
      assert.equal(await fs.readFile(credentials, 'utf8'), 'new credentials\n');
      assert.equal(await fs.readFile(config, 'utf8'), 'new config\n');
      assert.deepEqual(await listing(scratch.path), ['config', 'credentials']);
    } finally {
      await fs.rm(links, { recursive: true, force: true });
    }
  });

  it('is run by the first readSharedFiles of the files, which reads again what recovery changed', async () => {
    await interruptedEdit(0, await deadPid());
    const files = await readSharedFiles({ config, credentials });
    assert.equal(files.credentials.text, 'new credentials\n');
    assert.equal(files.config.text, 'new config\n');
  });

  it('is run by readSharedFiles again once a file was replaced since, as an edit killed between its renames replaced one', async () => {
    await fs.writeFile(credentials, 'first credentials\n');
    await readSharedFiles({ config, credentials });
    await interruptedEdit(1, await deadPid());
    const files = await readSharedFiles({ config, credentials });
    assert.equal(files.credentials.text, 'new credentials\n');
    assert.equal(files.config.text, 'new config\n');
    assert.deepEqual(await listing(scratch.path), ['config', 'credentials']);
  });

  it('is not run by a readSharedFiles of files written in place since the last cleanup: what an edit killed before its renames left waits for the next edit', async () => {
    await fs.writeFile(credentials, 'old\n');
    await readSharedFiles({ config, credentials });
    const killedPid = await deadPid();
    const staged = path.join(scratch.path, `.credentials.${killedPid}.0123456789abcdef.tmp`);
    await fs.writeFile(staged, 'new\n', { mode: 0o600 });
    await fs.writeFile(credentials, 'written in place\n');
    assert.equal((await readSharedFiles({ config, credentials })).credentials.text, 'written in place\n');
    assert.deepEqual(await listing(scratch.path), [path.basename(staged), 'credentials']);
    // A replacement (here by another program) is the sign that an edit may have been killed.
    await fs.writeFile(`${credentials}.new`, 'renamed over\n');
    await fs.rename(`${credentials}.new`, credentials);
    assert.equal((await readSharedFiles({ config, credentials })).credentials.text, 'renamed over\n');
    assert.deepEqual(await listing(scratch.path), ['credentials']);
  });

  it('leaves a file someone changed since, and still cleans up', async () => {
    await interruptedEdit(1, await deadPid());
    await fs.writeFile(config, 'edited by hand\n');
    assert.equal(await recoverFiles([credentials, config]), false);
    assert.equal(await fs.readFile(config, 'utf8'), 'edited by hand\n');
    assert.deepEqual(await listing(scratch.path), ['config', 'credentials']);
  });

  it('leaves the edit of a process that still runs alone', async () => {
    await interruptedEdit(1, process.ppid);
    assert.equal(await recoverFiles([credentials, config]), false);
    assert.equal(await fs.readFile(config, 'utf8'), 'old config\n');
    assert.equal((await listing(scratch.path)).length, 4);
  });

  it('drops a journal cut short while it was written (no rename had happened) with its staged files', async () => {
    await fs.writeFile(credentials, 'old\n');
    await writeTemporary(credentials, Buffer.from('new\n'), 0o600);
    await fs.writeFile(journalPathOf(credentials), '{"pid": 12');
    // The staged file is this live process's own, so only the journal goes.
    await recoverFiles([credentials, config]);
    assert.equal(await fs.readFile(credentials, 'utf8'), 'old\n');
    assert.deepEqual(
      (await listing(scratch.path)).filter((name) => !name.endsWith('.tmp')),
      ['credentials'],
    );
  });
});
