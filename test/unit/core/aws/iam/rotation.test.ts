import * as assert from 'node:assert/strict';
import {
  keyEnding,
  rotateAccessKey,
  type AccessKeyInfo,
  type OldKeyFate,
  type RotationRequest,
  type RotationSteps,
} from '../../../../../src/core/aws/iam/rotation';
import type { KeyCredentials } from '../../../../../src/core/aws/clients';

const oldKeyId = 'AKIAEXAMPLEOLDKEY001';
const newKey = { accessKeyId: 'AKIAEXAMPLENEWKEY002', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', userName: 'Alice' };
const otherKeyId = 'AKIAEXAMPLEOTHER0003';

function awsError(name: string, message = `${name} from AWS`): Error {
  return Object.assign(new Error(message), { name });
}

/** Steps that record what was called, each failing as told; verify fails once with each error listed, then works. */
function fakeSteps(
  failures: Partial<Record<'create' | 'list' | 'write' | 'retire' | 'delete' | 'verifyAlways', Error>> & {
    verify?: Error[];
    /** The write failed after its rename: the file holds the new key all the same. */
    writtenAnyway?: boolean;
  },
) {
  const calls: string[] = [];
  const waits: number[] = [];
  let clock = 0;
  const verifyFailures = [...(failures.verify ?? [])];
  /** Records the call, then fails as told or gives the value, a moment later as the SDK would. */
  const step = <T>(call: string, failure: Error | undefined, value: T): Promise<T> => {
    calls.push(call);
    return new Promise((resolve, reject) => setImmediate(() => (failure ? reject(failure) : resolve(value))));
  };
  const steps: RotationSteps = {
    createKey: () => step('create', failures.create, newKey),
    listKeys: (): Promise<AccessKeyInfo[]> =>
      step('list', failures.list, [
        { accessKeyId: oldKeyId, userName: 'Alice', status: 'Active', createDate: new Date('2026-01-05T10:00:00Z') },
        { accessKeyId: otherKeyId, userName: 'Alice', status: 'Inactive', createDate: new Date('2025-03-01T10:00:00Z') },
      ]),
    verifyKey: (key: KeyCredentials) => step(`verify ${key.accessKeyId}`, verifyFailures.shift() ?? failures.verifyAlways, undefined),
    writeKey: (key: KeyCredentials) => step(`write ${key.accessKeyId}`, failures.write, undefined),
    holdsKey: (accessKeyId: string) => step(`holds ${accessKeyId}`, undefined, failures.writtenAnyway === true || !failures.write),
    retireKey: (accessKeyId: string, fate: OldKeyFate) => step(`${fate} ${accessKeyId}`, failures.retire, undefined),
    deleteKey: (accessKeyId: string) => step(`rollback ${accessKeyId}`, failures.delete, undefined),
    progress: () => undefined,
    wait: (ms: number) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    now: () => clock,
  };
  return { steps, calls, waits };
}

const request: RotationRequest = { profile: 'work', oldKeyId, fate: 'delete' };

describe('rotating an access key: each step, and the rollback of its failure', () => {
  it('creates, verifies, writes, then deletes the old key, naming keys by their last four characters only', async () => {
    const { steps, calls } = fakeSteps({});
    const outcome = await rotateAccessKey(request, steps);
    assert.deepEqual(calls, ['create', `verify ${newKey.accessKeyId}`, `write ${newKey.accessKeyId}`, `delete ${oldKeyId}`]);
    assert.deepEqual(outcome, {
      kind: 'rotated',
      message: 'The profile work has a new access key (the key ending in Y002); the old key (the key ending in Y001) was deleted.',
    });
  });

  it('only deactivates the old key when asked to', async () => {
    const { steps, calls } = fakeSteps({});
    const outcome = await rotateAccessKey({ ...request, fate: 'deactivate' }, steps);
    assert.equal(calls.at(-1), `deactivate ${oldKeyId}`);
    assert.match(outcome.message, /was deactivated \(delete it in IAM once nothing uses it\)/);
  });

  it('tries the new key again with growing pauses while AWS does not know it yet (IAM propagating it)', async () => {
    const unknown = awsError('InvalidClientTokenId');
    const { steps, calls, waits } = fakeSteps({ verify: [unknown, unknown, unknown, unknown] });
    const outcome = await rotateAccessKey(request, steps);
    assert.equal(outcome.kind, 'rotated');
    assert.deepEqual(waits, [500, 1000, 2000, 4000]);
    assert.equal(calls.filter((call) => call.startsWith('verify')).length, 5);
  });

  it('gives the new key up after the time allowed, deletes it, and leaves the file untouched', async () => {
    const { steps, calls, waits } = fakeSteps({ verifyAlways: awsError('InvalidClientTokenId') });
    const outcome = await rotateAccessKey({ ...request, verifyWithinMs: 10_000 }, steps);
    assert.ok(waits.reduce((sum, ms) => sum + ms, 0) <= 10_000, `waited ${waits.join('+')} ms`);
    assert.ok(!calls.some((call) => call.startsWith('write')), 'nothing written');
    assert.equal(calls.at(-1), `rollback ${newKey.accessKeyId}`);
    assert.equal(outcome.kind === 'failed' && outcome.step, 'verify');
    assert.equal(outcome.kind === 'failed' && outcome.newKeyDeleted, true);
    assert.match(outcome.message, /^AWS did not accept the new key: AWS does not know this access key ID\./);
    assert.match(
      outcome.message,
      /The new key was deleted again; the file and the old key are as they were, and the old key still works\.$/,
    );
  });

  it('does not wait on a failure that will not pass by itself (a secret AWS does not match)', async () => {
    const { steps, calls, waits } = fakeSteps({ verifyAlways: awsError('SignatureDoesNotMatch') });
    const outcome = await rotateAccessKey(request, steps);
    assert.deepEqual(waits, []);
    assert.deepEqual(calls, ['create', `verify ${newKey.accessKeyId}`, `rollback ${newKey.accessKeyId}`]);
    assert.match(outcome.message, /The secret access key does not match/);
  });

  it('says which key to delete when the user has two already (LimitExceeded), and changes nothing', async () => {
    const { steps, calls } = fakeSteps({ create: awsError('LimitExceededException', 'Cannot exceed quota for AccessKeysPerUser: 2') });
    const outcome = await rotateAccessKey(request, steps);
    assert.deepEqual(calls, ['create', 'list']);
    assert.deepEqual(outcome, {
      kind: 'failed',
      step: 'create',
      newKeyDeleted: undefined,
      message:
        "The IAM user Alice has two access keys already, the most IAM allows: the profile work's (the key ending in Y001) and " +
        'the key ending in 0003 (inactive, created 2025-03-01). Delete the key ending in 0003 if nothing uses it (in the IAM console, ' +
        "the user's Security credentials, or with aws iam delete-access-key), then rotate again. Nothing was changed.",
    });
  });

  it('still says why when the keys cannot be listed either', async () => {
    const { steps } = fakeSteps({ create: awsError('LimitExceededException'), list: awsError('AccessDenied') });
    const outcome = await rotateAccessKey(request, steps);
    assert.match(
      outcome.message,
      /^This IAM user has two access keys already.*Delete the other key if nothing uses it.*Nothing was changed\.$/,
    );
  });

  it('names the missing permission when IAM denies CreateAccessKey, and changes nothing', async () => {
    const { steps, calls } = fakeSteps({
      create: awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/Alice is not authorized to perform: iam:CreateAccessKey'),
    });
    const outcome = await rotateAccessKey(request, steps);
    assert.deepEqual(calls, ['create']);
    assert.match(outcome.message, /^IAM refused to create a key: the user needs the permission iam:CreateAccessKey on itself/);
    assert.match(
      outcome.message,
      /AWS denied the request: User: arn:aws:iam::123456789012:user\/Alice is not authorized.*Nothing was changed\.$/,
    );
  });

  it('deletes the new key when it cannot be written (a file changed on disk, a read-only file), and retires nothing', async () => {
    const { steps, calls } = fakeSteps({
      write: new Error('/home/me/.aws/credentials changed on disk since it was opened, so nothing was written.'),
    });
    const outcome = await rotateAccessKey(request, steps);
    assert.deepEqual(calls.slice(-3), [`write ${newKey.accessKeyId}`, `holds ${newKey.accessKeyId}`, `rollback ${newKey.accessKeyId}`]);
    assert.equal(outcome.kind === 'failed' && outcome.step, 'write');
    assert.match(
      outcome.message,
      /^The new key could not be written into the profile work: .*changed on disk.*The new key was deleted again/,
    );
  });

  it('keeps the new key and retires the old one when the write failed after putting the new text in place', async () => {
    const { steps, calls } = fakeSteps({ write: new Error('The lock could not be released.'), writtenAnyway: true });
    const outcome = await rotateAccessKey(request, steps);
    assert.deepEqual(calls.slice(-3), [`write ${newKey.accessKeyId}`, `holds ${newKey.accessKeyId}`, `delete ${oldKeyId}`]);
    assert.ok(!calls.includes(`rollback ${newKey.accessKeyId}`), 'the key the file holds is never deleted');
    assert.equal(outcome.kind, 'rotated');
  });

  it('says the new key is left in IAM when deleting it again fails too; the old key still works', async () => {
    const { steps } = fakeSteps({ write: new Error('The file is read-only.'), delete: awsError('Throttling') });
    const outcome = await rotateAccessKey(request, steps);
    assert.equal(outcome.kind === 'failed' && outcome.newKeyDeleted, false);
    assert.match(
      outcome.message,
      /the old key still works, but the new key \(the key ending in Y002\) could not be deleted \(AWS is throttling/,
    );
  });

  it('keeps the new key in the file when the old one cannot be deleted, and says the old one is still active and how to remove it', async () => {
    const { steps, calls } = fakeSteps({ retire: awsError('AccessDenied', 'not authorized to perform: iam:DeleteAccessKey') });
    const outcome = await rotateAccessKey(request, steps);
    assert.ok(!calls.some((call) => call.startsWith('rollback')), 'the new key, in the file, is kept');
    assert.equal(outcome.kind === 'failed' && outcome.step, 'retire');
    assert.match(
      outcome.message,
      /^The profile work now has the new key \(the key ending in Y002\), which works, but the old key \(the key ending in Y001\) is still active: IAM refused to delete it \(AWS denied the request: not authorized to perform: iam:DeleteAccessKey\.\)/,
    );
    assert.match(
      outcome.message,
      /aws iam delete-access-key --access-key-id ID \(aws iam list-access-keys --profile work shows its ID\)\.$/,
    );
  });

  it('never puts a secret or a whole key ID in a message', async () => {
    const cases = [
      {},
      { verifyAlways: awsError('SignatureDoesNotMatch') },
      { write: new Error('x') },
      { retire: awsError('AccessDenied') },
    ];
    for (const failures of cases) {
      const outcome = await rotateAccessKey(request, fakeSteps(failures).steps);
      for (const secret of [newKey.secretAccessKey, newKey.accessKeyId, oldKeyId]) {
        assert.ok(!outcome.message.includes(secret), outcome.message);
      }
    }
    assert.equal(keyEnding(otherKeyId), 'the key ending in 0003');
  });
});
