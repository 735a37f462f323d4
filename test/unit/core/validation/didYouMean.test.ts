import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { closestMatch, editDistance, longestSuggestedWord } from '../../../../src/core/validation/didYouMean';

describe('didYouMean', () => {
  it('measures edits, with a transposition as one', () => {
    assert.equal(editDistance('region', 'region'), 0);
    assert.equal(editDistance('regoin', 'region'), 1);
    assert.equal(editDistance('xaws_access_key_id', 'aws_access_key_id'), 1);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('ca', 'abc'), 3);
  });

  it('measures only up to a bound, and says "more" beyond it', () => {
    assert.equal(editDistance('kitten', 'sitting', 2), 3);
    assert.equal(editDistance('kitten', 'sitting', 3), 3);
    assert.equal(editDistance('regoin', 'region', 1), 1);
    assert.equal(editDistance('region', 'region', 0), 0);
    assert.equal(editDistance('a'.repeat(1_000_000), 'region', 2), 3);
    assert.equal(editDistance('r'.repeat(100_000), 'r'.repeat(100_001), 2), 1);
  });

  it('agrees with the unbounded distance up to the bound', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, bound) => {
        assert.equal(editDistance(a, b, bound), Math.min(editDistance(a, b), bound + 1));
      }),
      { numRuns: 2_000 },
    );
  });

  it('suggests only near misses', () => {
    const known = ['region', 'output', 'aws_access_key_id'];
    assert.equal(closestMatch('Region', known), 'region');
    assert.equal(closestMatch('outptu', known), 'output');
    assert.equal(closestMatch('xaws_access_key_id', known), 'aws_access_key_id');
    assert.equal(closestMatch('hello', known), undefined);
    assert.equal(closestMatch('ab', ['ac']), undefined);
  });

  it('gives the first of equally near candidates, and a case slip before any typo', () => {
    assert.equal(closestMatch('regian', ['regoin', 'regiun', 'region']), 'regiun');
    assert.equal(closestMatch('REGIONS', ['regions1', 'Regions']), 'Regions');
  });

  it('suggests nothing for a word longer than any typo of a known word', () => {
    const known = 'k'.repeat(longestSuggestedWord);
    assert.equal(closestMatch(`${known}x`, [known]), undefined);
    assert.equal(closestMatch(`${known}x`.toUpperCase(), [`${known}x`]), undefined);
    assert.equal(closestMatch('r'.repeat(12_000_000), ['region', 'r'.repeat(12_000_000)]), undefined);
  });

  it('still suggests for a word of the longest length, and for the longest known keys', () => {
    const known = `${'k'.repeat(longestSuggestedWord - 1)}y`;
    assert.equal(closestMatch(`${'k'.repeat(longestSuggestedWord - 1)}z`, [known]), known);
    assert.equal(
      closestMatch('ec2_metadata_servise_endpoint_mode', ['ec2_metadata_service_endpoint_mode']),
      'ec2_metadata_service_endpoint_mode',
    );
  });
});
