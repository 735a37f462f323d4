import * as assert from 'node:assert/strict';
import { compareByName, mergeByName } from '../../../../../src/core/aws/resources/byName';

const named = (...names: string[]): { name: string }[] => names.map((name) => ({ name }));
const names = (list: readonly { name: string }[]): string[] => list.map((entry) => entry.name);

describe('mergeByName', () => {
  it('merges an unsorted page into the sorted list, as one sort of them all would order them', () => {
    assert.deepEqual(names(mergeByName(named('b', 'd', 'f'), named('e', 'a', 'g', 'c'))), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    assert.deepEqual(names(mergeByName([], named('b', 'a'))), ['a', 'b']);
    assert.deepEqual(names(mergeByName(named('a'), [])), ['a']);
  });

  it('gives the order of localeCompare, page after page', () => {
    const all = ['Zeta', 'alpha', 'Beta', 'beta-2', 'éclair', 'eclair', 'fn-10', 'fn-9', 'fn_1', 'Fn-1'];
    let merged: { name: string }[] = [];
    for (let start = 0; start < all.length; start += 3) {
      merged = mergeByName(merged, named(...all.slice(start, start + 3)));
    }
    assert.deepEqual(
      names(merged),
      [...all].sort((a, b) => a.localeCompare(b)),
    );
  });

  it('puts a page that comes after the list at its end, and merges one that overlaps its last entry', () => {
    assert.deepEqual(names(mergeByName(named('a', 'b'), named('d', 'c'))), ['a', 'b', 'c', 'd']);
    assert.deepEqual(names(mergeByName(named('a', 'c'), named('d', 'b'))), ['a', 'b', 'c', 'd']);
  });

  it('keeps an entry already listed before a later one of the same name', () => {
    const first = { name: 'same', page: 1 };
    const second = { name: 'same', page: 2 };
    assert.deepEqual(mergeByName([first], [second]), [first, second]);
    assert.equal(compareByName(first, second), 0);
  });
});
