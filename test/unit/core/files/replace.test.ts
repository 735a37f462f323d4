import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkStaged, commitStaged, prepareReplacement, releaseStaged, stageReplacement } from '../../../../src/core/files/replace';
import { listing, refusal } from '../../helpers/files';
import { useTempFolder } from '../../helpers/sdkFiles';

describe('replace: outside writes between the checks and the rename', () => {
  const scratch = useTempFolder();
  let file: string;

  beforeEach(async () => {
    file = path.join(scratch.path, 'config');
    await fs.writeFile(file, 'old\n');
  });

  async function staged(after = 'mine\n') {
    return stageReplacement(await prepareReplacement(file, 'old\n'), after);
  }

  it('refuses at the last check a write made after the edit was staged', async () => {
    const replacement = await staged();
    await fs.appendFile(file, 'appended by another program\n');
    try {
      await refusal(checkStaged(replacement), 'changed');
    } finally {
      await releaseStaged(replacement);
    }
    assert.equal(await fs.readFile(file, 'utf8'), 'old\nappended by another program\n');
    assert.deepEqual(await listing(scratch.path), ['config']);
  });

  it('refuses, right before its rename, a file another program replaced by a rename, even with the same text', async () => {
    const replacement = await staged();
    await checkStaged(replacement);
    await fs.writeFile(path.join(scratch.path, 'other'), 'old\n');
    await fs.rename(path.join(scratch.path, 'other'), file);
    const inode = (await fs.stat(file)).ino;
    try {
      await refusal(commitStaged(replacement), 'changed');
    } finally {
      await releaseStaged(replacement);
    }
    assert.equal((await fs.stat(file)).ino, inode);
    assert.deepEqual(await listing(scratch.path), ['config']);
  });

  it('puts back a write that lands in place after the last check, and says the edit was not applied', async () => {
    const replacement = await staged();
    await checkStaged(replacement);
    // In place, as a program that opens the file for writing does: the write reaches the file being replaced.
    const outside = await fs.open(file, 'r+');
    await outside.write('OLD\nand more\n', 0);
    await outside.close();
    try {
      const error = await refusal(commitStaged(replacement), 'changed');
      assert.match(error.message, /Another program wrote .*config while it was being saved: its version was kept/);
    } finally {
      await releaseStaged(replacement);
    }
    assert.equal(await fs.readFile(file, 'utf8'), 'OLD\nand more\n');
    assert.deepEqual(await listing(scratch.path), ['config']);
  });

  it('does not overwrite a file created after a new one was staged', async () => {
    const fresh = path.join(scratch.path, 'credentials');
    const replacement = await stageReplacement(await prepareReplacement(fresh, undefined), 'mine\n');
    await checkStaged(replacement);
    await fs.writeFile(fresh, 'theirs\n');
    try {
      await refusal(commitStaged(replacement), 'changed');
    } finally {
      await releaseStaged(replacement);
    }
    assert.equal(await fs.readFile(fresh, 'utf8'), 'theirs\n');
    assert.deepEqual(await listing(scratch.path), ['config', 'credentials']);
  });

  it('keeps the mode of a 0644 file once the new text is in place', async () => {
    await fs.chmod(file, 0o644);
    const replacement = await staged();
    assert.equal((await fs.stat(replacement.temporary)).mode & 0o777, 0o600);
    await checkStaged(replacement);
    await commitStaged(replacement);
    await releaseStaged(replacement);
    assert.equal((await fs.stat(file)).mode & 0o777, 0o644);
    assert.equal(await fs.readFile(file, 'utf8'), 'mine\n');
  });
});
