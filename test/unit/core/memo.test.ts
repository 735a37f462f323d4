import * as assert from 'node:assert/strict';
import { memo, memoPer } from '../../../src/core/memo';

describe('memo', () => {
  it('works a value out once per key, and again for another key', () => {
    const made: string[] = [];
    const lengthOf = memo((key: { name: string }, unit: string) => {
      made.push(key.name);
      return { length: key.name.length, unit };
    });
    const dev = { name: 'dev' };
    const first = lengthOf(dev, 'chars');
    assert.equal(lengthOf(dev, 'bytes'), first);
    assert.deepEqual(first, { length: 3, unit: 'chars' });
    assert.deepEqual(lengthOf({ name: 'prod' }, 'bytes'), { length: 4, unit: 'bytes' });
    assert.deepEqual(made, ['dev', 'prod']);
  });

  it('keeps a false value, and leaves the key as it looks to Object.keys, JSON and deep equality', () => {
    let calls = 0;
    const isEmpty = memo((key: { items: number[] }) => {
      calls++;
      return key.items.length === 0;
    });
    const key = { items: [1] };
    assert.equal(isEmpty(key), false);
    assert.equal(isEmpty(key), false);
    assert.equal(calls, 1);
    assert.deepEqual(Object.keys(key), ['items']);
    assert.equal(JSON.stringify(key), '{"items":[1]}');
    assert.deepStrictEqual(key, { items: [1] });
  });

  it('works a frozen key out on every call, since it cannot keep the value on it', () => {
    let calls = 0;
    const count = memo<object, [], number>(() => ++calls);
    const frozen = Object.freeze({});
    assert.equal(count(frozen), 1);
    assert.equal(count(frozen), 2);
  });

  it('keeps one value per name and key when memoised per name', () => {
    const made: string[] = [];
    const labelOf = memoPer(['config', 'credentials'] as const, (role, key: { name: string }) => {
      made.push(`${role}:${key.name}`);
      return `${role}:${key.name}`;
    });
    const dev = { name: 'dev' };
    assert.equal(labelOf('config', dev), 'config:dev');
    assert.equal(labelOf('credentials', dev), 'credentials:dev');
    assert.equal(labelOf('config', dev), 'config:dev');
    assert.deepEqual(made, ['config:dev', 'credentials:dev']);
  });
});
