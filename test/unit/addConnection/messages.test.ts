import * as assert from 'node:assert/strict';
import { connectedMessage, failureMessage, initMessage, rejectedMessage } from '../../../src/addConnection/messages';
import { ProfileEditError } from '../../../src/core/profiles/editChecks';
import { fakeSecrets, SecretSearch } from '../../fixtures/secrets';
import { snapshotOfTexts } from '../helpers/snapshots';

const secret = fakeSecrets.secretAccessKeys[0];
const keys = `aws_access_key_id = AKIAAUDIT0KEYEXAMPLE\naws_secret_access_key = ${secret}\n`;
const identity = { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/Alice', userId: 'AIDAEXAMPLE' };

describe("the panel's messages to its webview", () => {
  it('lists the profiles that exist with their files, leaving out a name that may be a secret', async () => {
    const snapshot = await snapshotOfTexts({ credentials: `[work]\n${keys}[${secret}]\n${keys}` });
    const message = initMessage(snapshot, '/nowhere/credentials');
    assert.equal(message.type, 'init');
    assert.deepEqual(message.type === 'init' && message.existing.map((profile) => profile.name), ['work']);
    assert.equal(new SecretSearch().find(JSON.stringify(message)), undefined);
  });

  it('puts what AWS refused next to its field, and anything else for the form, masked', () => {
    assert.deepEqual(rejectedMessage({ kind: 'wrongSecret', message: 'The secret does not match.' }), {
      type: 'rejected',
      errors: { secretAccessKey: 'The secret does not match.' },
    });
    assert.deepEqual(rejectedMessage({ kind: 'network', message: 'AWS could not be reached.' }), {
      type: 'rejected',
      errors: {},
      formError: 'AWS could not be reached. Nothing was saved.',
    });
    assert.deepEqual(failureMessage(new ProfileEditError('A profile named x already exists.', 'exists')), {
      type: 'rejected',
      errors: {},
      formError: 'Nothing was saved: A profile named x already exists.',
    });
    const bug = failureMessage(new Error(`it printed ${fakeSecrets.sessionTokens[2]}`));
    assert.deepEqual(bug, { type: 'rejected', errors: {}, formError: 'Something went wrong: it printed ********' });
  });

  it('says whom it connected as, with the name as every message shows it', () => {
    assert.deepEqual(connectedMessage('work', identity), {
      type: 'connected',
      profileName: 'work',
      account: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/Alice',
    });
    assert.equal(new SecretSearch().find(JSON.stringify(connectedMessage(secret, identity))), undefined);
  });
});
