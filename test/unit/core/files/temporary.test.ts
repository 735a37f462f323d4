import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { removeStaleTemporaries, writeTemporary } from '../../../../src/core/files/temporary';
import { deadPid, fakeSecret, listing, modeOf } from '../../helpers/files';
import { useTempFolder } from '../../helpers/sdkFiles';

describe('temporary files', () => {
  const scratch = useTempFolder();

  for (const [mode, expected] of [
    [0o644, 0o600],
    [0o664, 0o600],
    [0o600, 0o600],
    [0o400, 0o400],
  ] as const) {
    it(`are written ${expected.toString(8)} for a file of mode ${mode.toString(8)}, whatever the umask`, async () => {
      const previous = process.umask(0);
      try {
        const file = await writeTemporary(path.join(scratch.path, 'credentials'), Buffer.from(fakeSecret), mode);
        assert.equal(await modeOf(file), expected);
        assert.equal(await fs.readFile(file, 'utf8'), fakeSecret);
        assert.match(path.basename(file), /^\.credentials\.\d+\.[0-9a-f]{16}\.tmp$/);
      } finally {
        process.umask(previous);
      }
    });
  }

  it('never share a name', async () => {
    const target = path.join(scratch.path, 'config');
    const names = await Promise.all(Array.from({ length: 50 }, () => writeTemporary(target, Buffer.from('x'), 0o600)));
    assert.equal(new Set(names).size, 50);
  });

  describe('removeStaleTemporaries', () => {
    it('removes those of a process that is gone and those over a minute old, and keeps the rest', async () => {
      const gone = await deadPid();
      const names = {
        ofGoneProcess: `.credentials.${gone}.0123456789abcdef.tmp`,
        ofOlderWriter: `.config.${gone}.0123456789ab.tmp`,
        oldOfLiveProcess: `.config.${process.ppid}.00000000000000aa.tmp`,
        youngOfLiveProcess: `.config.${process.ppid}.00000000000000bb.tmp`,
        ofThisProcess: `.config.${process.pid}.00000000000000cc.tmp`,
        spared: `.config.${gone}.00000000000000dd.tmp`,
        unrelated: `.config.${gone}.notours.tmp`,
      };
      for (const name of Object.values(names)) {
        await fs.writeFile(path.join(scratch.path, name), fakeSecret);
      }
      const twoMinutesAgo = new Date(Date.now() - 120_000);
      await fs.utimes(path.join(scratch.path, names.oldOfLiveProcess), twoMinutesAgo, twoMinutesAgo);

      const removed = await removeStaleTemporaries(scratch.path, new Set([path.join(scratch.path, names.spared)]));

      assert.equal(removed, 3);
      assert.deepEqual(await listing(scratch.path), [names.youngOfLiveProcess, names.ofThisProcess, names.spared, names.unrelated].sort());
    });

    it('is quiet about a folder that does not exist', async () => {
      assert.equal(await removeStaleTemporaries(path.join(scratch.path, 'missing')), 0);
    });
  });
});
