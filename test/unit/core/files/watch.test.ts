import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { filesStamp, watchFiles, watchFileSet } from '../../../../src/core/files/watch';
import { lastWithin } from '../../../eventually';
import { useTempFolder } from '../../helpers/sdkFiles';

describe('watchFiles', () => {
  const folder = useTempFolder();

  async function changesDuring(paths: string[], act: () => void): Promise<string[]> {
    const seen: string[] = [];
    const watch = watchFiles(paths, (changed) => seen.push(changed), 50);
    try {
      await new Promise((resolve) => setTimeout(resolve, 120));
      act();
      // Returned when seen or after 3 s: the tests assert on what was seen, none included.
      return await lastWithin(
        () => seen,
        (changes) => changes.length > 0,
        { timeoutMs: 3_000, intervalMs: 20 },
      );
    } finally {
      watch.close();
    }
  }

  it('sees a file created later in a folder created later', async () => {
    const file = path.join(folder.path, 'later', 'config');
    const seen = await changesDuring([file], () => {
      mkdirSync(path.dirname(file));
      writeFileSync(file, '[default]\n');
    });
    assert.deepEqual(seen, [file]);
  });

  it('sees an atomic replace, a deletion, and nothing for the other file', async () => {
    const config = path.join(folder.path, 'config');
    const credentials = path.join(folder.path, 'credentials');
    writeFileSync(config, '[default]\n');
    writeFileSync(credentials, '[default]\n');
    const replaced = await changesDuring([config, credentials], () => {
      writeFileSync(`${config}.tmp`, '[default]\nregion = us-east-1\n');
      renameSync(`${config}.tmp`, config);
    });
    assert.deepEqual(replaced, [config]);
    const removed = await changesDuring([config, credentials], () => rmSync(credentials));
    assert.deepEqual(removed, [credentials]);
  });
});

describe('filesStamp', () => {
  const folder = useTempFolder();

  it('stays the same while nothing changes, and changes with a rewrite, an atomic replace, a chmod or a deletion', async () => {
    const config = path.join(folder.path, 'config');
    const credentials = path.join(folder.path, 'credentials');
    writeFileSync(config, '[default]\n');
    const stamps = [await filesStamp([config, credentials]), await filesStamp([config, credentials])];
    await new Promise((resolve) => setTimeout(resolve, 5));
    writeFileSync(config, '[other]\n');
    stamps.push(await filesStamp([config, credentials]));
    writeFileSync(`${config}.new`, '[other]\n');
    renameSync(`${config}.new`, config);
    stamps.push(await filesStamp([config, credentials]));
    chmodSync(config, 0o600);
    stamps.push(await filesStamp([config, credentials]));
    rmSync(config);
    stamps.push(await filesStamp([config, credentials]));
    assert.equal(stamps[0], stamps[1]);
    assert.equal(new Set(stamps.slice(1)).size, 5, stamps.join('\n'));
  });
});

describe('watchFileSet', () => {
  const folder = useTempFolder();

  it('watches the set it follows last, and only it', async () => {
    const [first, second] = ['first.json', 'second.json'].map((name) => path.join(folder.path, name)) as [string, string];
    const seen: string[] = [];
    const watch = watchFileSet((changed) => seen.push(changed), 50);
    const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 150));
    try {
      watch.follow([first]);
      watch.follow([first, first]);
      await settle();
      writeFileSync(first, '{}');
      await lastWithin(
        () => seen,
        (changes) => changes.length > 0,
        { timeoutMs: 3_000, intervalMs: 20 },
      );
      assert.deepEqual(seen, [first], 'following the same set again keeps one watch');
      watch.follow([second]);
      await settle();
      writeFileSync(first, '{"again": true}');
      writeFileSync(second, '{}');
      await lastWithin(
        () => seen,
        (changes) => changes.length > 1,
        { timeoutMs: 3_000, intervalMs: 20 },
      );
      await settle();
      assert.deepEqual(seen, [first, second], 'a file no longer followed is not watched');
    } finally {
      watch.close();
    }
  });
});
