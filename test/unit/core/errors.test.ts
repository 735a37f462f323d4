import * as assert from 'node:assert/strict';
import { CancelledError, errorDetail, errorMessage, isCancellation, isKnownError, KnownError } from '../../../src/core/errors';
import { withoutSecrets } from '../../../src/core/secrets';
import { FileError } from '../../../src/core/files/fileError';
import { ProfileEditError } from '../../../src/core/profiles/editChecks';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('errors every layer shares', () => {
  it('tells a cancellation however it is spelt, and nothing else', () => {
    assert.equal(isCancellation(new CancelledError()), true);
    assert.equal(isCancellation(Object.assign(new Error('x'), { name: 'AbortError' })), true);
    assert.equal(isCancellation(Object.assign(new Error('x'), { code: 'ABORT_ERR' })), true);
    assert.equal(isCancellation(AbortSignal.abort().reason), true);
    for (const other of [new Error('Cancelled.'), 'AbortError', undefined, null, { name: 'TimeoutError' }]) {
      assert.equal(isCancellation(other), false, JSON.stringify(other));
    }
  });

  it('tells a KnownError from another copy of the module, as each lazy chunk of the bundle has one', () => {
    const file = require.resolve('../../../src/core/errors');
    const cached = require.cache[file];
    delete require.cache[file];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const copy = require(file) as { CancelledError: typeof CancelledError };
    require.cache[file] = cached;
    assert.notEqual(copy.CancelledError, CancelledError, 'a second copy of the class');
    assert.equal(new copy.CancelledError() instanceof KnownError, false, 'which instanceof does not see');
    assert.equal(isKnownError(new copy.CancelledError()), true);
    assert.equal(isKnownError(new ProfileEditError('x', 'missing')), true);
    assert.equal(isKnownError(new copy.CancelledError(), 'cancelled'), true, 'told by its reason');
    assert.equal(isKnownError(new ProfileEditError('x', 'missing'), 'cancelled'), false);
    for (const other of [new Error('x'), { reason: 'cancelled' }, undefined, 'KnownError']) {
      assert.equal(isKnownError(other), false, JSON.stringify(other));
    }
  });

  it('masks anything shaped like a secret in a message, and reads any thrown value', () => {
    assert.equal(withoutSecrets(`key ${secret} and more`), 'key ******** and more');
    assert.equal(errorMessage(new Error(`it printed ${secret}`)), 'it printed ********');
    assert.equal(errorMessage(`thrown ${secret}`), 'thrown ********');
    assert.equal(errorMessage(42), '42');
    assert.equal(withoutSecrets('~/.aws/credentials changed on disk'), '~/.aws/credentials changed on disk');
  });

  it('masks access key IDs and shorter secret-shaped runs too, but not account IDs, ARNs or paths', () => {
    const echoed = new Error('The AWS Access Key Id ASIAIOSFODNN7EXAMPLE does not exist; token IQoJb3JpZ2luX2VjEXAMPLE');
    assert.equal(errorMessage(echoed), 'The AWS Access Key Id ******** does not exist; token ********');
    assert.ok(!errorDetail(echoed).includes('ASIAIOSFODNN7EXAMPLE'));
    const kept = 'User: arn:aws:iam::123456789012:user/Alice is not authorized (/tmp/aws-profiles-test-Xy3kP9/credentials)';
    assert.equal(errorMessage(new Error(kept)), kept);
  });

  it('gives the failures the extension explains one base with a reason', () => {
    const known = [new FileError('m', 'changed', '/f'), new ProfileEditError('m', 'exists'), new CancelledError()];
    assert.deepEqual(
      known.map((error) => [error instanceof KnownError, error.reason]),
      [
        [true, 'changed'],
        [true, 'exists'],
        [true, 'cancelled'],
      ],
    );
    assert.equal(new Error('bug') instanceof KnownError, false);
  });
});
