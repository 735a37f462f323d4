import * as assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { watchFiles } from '../../src/core/fileWatch';
import { useTempFolder } from './sdkFiles';

describe('watchFiles', () => {
  const folder = useTempFolder();

  async function changesDuring(paths: string[], act: () => void): Promise<string[]> {
    const seen: string[] = [];
    const watch = watchFiles(paths, (changed) => seen.push(changed), 50);
    try {
      await new Promise((resolve) => setTimeout(resolve, 120));
      act();
      const deadline = Date.now() + 3_000;
      while (seen.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return seen;
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
