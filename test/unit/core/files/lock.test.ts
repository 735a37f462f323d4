import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withLocks } from '../../../../src/core/files/lock';
import { deadPid, listing, refusal } from '../../helpers/files';
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

  it('creates no folder for a file whose folder does not exist yet, and still lets the editors of this process take turns', async () => {
    const missing = path.join(scratch.path, 'none', 'config');
    const events: string[] = [];
    const editor = (name: string) => async (): Promise<string> => {
      events.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      events.push(`${name} out`);
      return name;
    };
    assert.deepEqual(await Promise.all([withLocks([missing], editor('a')), withLocks([missing], editor('b'))]), ['a', 'b']);
    assert.deepEqual(events, ['a in', 'a out', 'b in', 'b out']);
    assert.deepEqual(await listing(scratch.path), []);
  });
});
