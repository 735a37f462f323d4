import * as assert from 'node:assert/strict';
import { closestMatch, editDistance } from '../../../../src/core/validation/didYouMean';

describe('didYouMean', () => {
  it('measures edits, with a transposition as one', () => {
    assert.equal(editDistance('region', 'region'), 0);
    assert.equal(editDistance('regoin', 'region'), 1);
    assert.equal(editDistance('xaws_access_key_id', 'aws_access_key_id'), 1);
    assert.equal(editDistance('abc', ''), 3);
  });

  it('suggests only near misses', () => {
    const known = ['region', 'output', 'aws_access_key_id'];
    assert.equal(closestMatch('Region', known), 'region');
    assert.equal(closestMatch('outptu', known), 'output');
    assert.equal(closestMatch('xaws_access_key_id', known), 'aws_access_key_id');
    assert.equal(closestMatch('hello', known), undefined);
    assert.equal(closestMatch('ab', ['ac']), undefined);
  });
});
