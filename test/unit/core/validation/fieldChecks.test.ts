import * as assert from 'node:assert/strict';
import { checkAccessKeyId, checkSecretAccessKey, checkSessionToken } from '../../../../src/core/validation/fieldChecks';

describe('fieldChecks: pasted keys, checked as they are typed', () => {
  it('checks an access key ID as it is typed, and never takes a secret for one', () => {
    assert.equal(checkAccessKeyId('AKIAIOSFODNN7EXAMPLE'), undefined);
    assert.equal(checkAccessKeyId('ASIAIOSFODNN7EXAMPLE'), undefined);
    const cases: [string, RegExp][] = [
      ['', /Enter the access key ID/],
      ['AKIA IOSFODNN7EXAMPLE', /no spaces/],
      ['AKIAIOSFODNN7EXAMPLE\n', /no spaces/],
      ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', /capital letters and digits only/],
      ['akiaiosfodnn7example', /capital letters and digits only/],
      ['AKIA1234', /16 to 128 characters long \(usually 20\); this one has 8/],
    ];
    for (const [value, message] of cases) {
      const problem = checkAccessKeyId(value) ?? '';
      assert.match(problem, message, JSON.stringify(value));
      assert.ok(value === '' || !problem.includes(value), 'the message does not quote the value');
    }
  });

  it('checks a secret access key and a session token without quoting them', () => {
    assert.equal(checkSecretAccessKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), undefined);
    assert.match(checkSecretAccessKey('') ?? '', /Enter the secret access key/);
    assert.match(checkSecretAccessKey('wJalrXUtnFEMI/K7MDENG bPxRfiCYEXAMPLEKEY') ?? '', /no spaces/);
    assert.match(checkSecretAccessKey('AKIAIOSFODNN7EXAMPLE') ?? '', /looks like an access key ID/);
    assert.equal(checkSessionToken('IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJGMEQCIH'), undefined);
    assert.match(checkSessionToken('') ?? '', /Enter the session token/);
    assert.match(checkSessionToken('IQoJ b3Jp') ?? '', /no spaces/);
  });
});
