import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withLocks } from '../../../../src/core/files/lock';
import { deadPid, listing, modeOf, refusal } from '../../helpers/files';
import { useTempFolder } from '../../helpers/sdkFiles';

describe('withLocks', () => {
  const scratch = useTempFolder();
  const files = (): string[] => [path.join(scratch.path, 'credentials'), path.join(scratch.path, 'config')];

  it('lets one editor in at a time, in the order they came, and removes its locks after', async () => {
    const events: string[] = [];
    const editor = (name: string) => async (): Promise<void> => {
      events.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push(`${name} out`);
    };
    await Promise.all([withLocks(files(), editor('a')), withLocks([...files()].reverse(), editor('b')), withLocks(files(), editor('c'))]);
    for (let position = 0; position < events.length; position += 2) {
      assert.equal(events[position]?.replace(' in', ''), events[position + 1]?.replace(' out', ''), events.join(', '));
    }
    assert.equal(events.length, 6);
    assert.deepEqual(await listing(scratch.path), []);
  });

  it('releases the locks when the edit throws', async () => {
    await assert.rejects(
      withLocks(files(), () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.deepEqual(await listing(scratch.path), []);
  });

  it('takes over a lock that a killed process left', async () => {
    await fs.writeFile(path.join(scratch.path, '.config.lock'), JSON.stringify({ pid: await deadPid(), host: os.hostname() }));
    assert.equal(await withLocks(files(), () => Promise.resolve('done')), 'done');
    assert.deepEqual(await listing(scratch.path), []);
  });

  it('waits for a live editor, then says another window is editing', async () => {
    const lock = path.join(scratch.path, '.config.lock');
    await fs.writeFile(lock, JSON.stringify({ pid: process.ppid, host: os.hostname() }));
    let ran = false;
    const error = await refusal(
      withLocks(
        files(),
        () => {
          ran = true;
          return Promise.resolve();
        },
        100,
      ),
      'busy',
    );
    assert.match(error.message, /config is being edited by another VS Code window/);
    assert.equal(ran, false);
    assert.deepEqual(await listing(scratch.path), ['.config.lock']);
  });

  it('creates the private folder of a file that does not exist yet, to hold its lock', async () => {
    const missing = path.join(scratch.path, 'none', 'config');
    assert.equal(await withLocks([missing], () => Promise.resolve(1)), 1);
    assert.equal(await modeOf(path.join(scratch.path, 'none')), 0o700);
    assert.deepEqual(await listing(path.join(scratch.path, 'none')), []);
  });
});
