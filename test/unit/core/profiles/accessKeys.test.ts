import * as assert from 'node:assert/strict';
import {
  hasAccessKeyIdCharacters,
  isAccessKeyId,
  isLongTermAccessKeyId,
  isTemporaryAccessKeyId,
  looksLikeAccessKeyId,
} from '../../../../src/core/profiles/accessKeys';

describe('accessKeys: the format of an access key ID', () => {
  it('takes 16 to 128 capital letters and digits', () => {
    for (const id of ['AKIAIOSFODNN7EXAMPLE', 'A'.repeat(16), 'Z9'.repeat(64)]) {
      assert.equal(isAccessKeyId(id), true, id);
    }
    for (const id of ['A'.repeat(15), 'A'.repeat(129), 'akiaiosfodnn7example', 'AKIA IOSFODNN7EXAMPLE', 'AKIA-IOSFODNN7EXAMP']) {
      assert.equal(isAccessKeyId(id), false, id);
    }
    assert.equal(hasAccessKeyIdCharacters('AKIA1234'), true, 'any length');
  });

  it('tells long-term keys (AKIA) from temporary ones (ASIA)', () => {
    assert.deepEqual([isLongTermAccessKeyId('AKIAIOSFODNN7EXAMPLE'), isTemporaryAccessKeyId('AKIAIOSFODNN7EXAMPLE')], [true, false]);
    assert.deepEqual([isLongTermAccessKeyId('ASIAIOSFODNN7EXAMPLE'), isTemporaryAccessKeyId('ASIAIOSFODNN7EXAMPLE')], [false, true]);
  });

  it('knows a pasted key ID when it sees one, so a secret field can refuse it', () => {
    assert.equal(looksLikeAccessKeyId('AKIAIOSFODNN7EXAMPLE'), true);
    assert.equal(looksLikeAccessKeyId('ASIAIOSFODNN7EXAMPLE'), true);
    assert.equal(looksLikeAccessKeyId('AIDAIOSFODNN7EXAMPLE'), false, 'a user ID, not a key');
    assert.equal(looksLikeAccessKeyId('AKIA12345678'), false, 'too short');
    assert.equal(looksLikeAccessKeyId('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), false);
  });
});
