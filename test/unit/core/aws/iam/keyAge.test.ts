import * as assert from 'node:assert/strict';
import { isOldKey, keyAgeDays, keyAgeWords } from '../../../../../src/core/aws/iam/keyAge';

describe('the age of an access key', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('counts whole days since the key was created', () => {
    assert.equal(keyAgeDays(new Date('2026-12-01T00:00:00Z'), now), 0);
    assert.equal(keyAgeDays(new Date('2026-11-30T12:00:00Z'), now), 1);
    assert.equal(keyAgeDays(new Date('2026-01-05T10:00:00Z'), now), 330);
    assert.equal(keyAgeDays(new Date('2027-01-01T00:00:00Z'), now), 0, 'a clock behind IAM gives no negative age');
  });

  it('marks keys older than 90 days, in the words the Profiles view shows', () => {
    assert.deepEqual([89, 90, 91, 123].map(isOldKey), [false, false, true, true]);
    assert.equal(keyAgeWords(123), 'key 123 days old');
    assert.equal(keyAgeWords(1), 'key 1 day old');
  });
});
