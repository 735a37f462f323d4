import * as assert from 'node:assert/strict';
import { isWebviewMessage } from '../../../src/addConnection/protocol';

const form = { profileName: 'dev', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 's', sessionToken: '', region: '' };

describe('the webview message guard', () => {
  it('takes ready, and a submit with every field a string', () => {
    assert.equal(isWebviewMessage({ type: 'ready' }), true);
    assert.equal(isWebviewMessage({ type: 'submit', form }), true);
  });

  it('takes the IAM Identity Center messages only in their shapes', () => {
    const sso = { startUrl: 'https://d-9067c1a2b3.awsapps.com/start', ssoRegion: 'us-east-1', sessionName: 'corp' };
    const role = { accountId: '111122223333', roleName: 'ReadOnly', profileName: 'dev' };
    const taken = [
      { type: 'signIn', form: sso },
      { type: 'cancelSignIn' },
      { type: 'copy', what: 'code' },
      { type: 'copy', what: 'address' },
      { type: 'addProfiles', roles: [role], region: 'us-east-1' },
      { type: 'addProfiles', roles: [], region: '' },
    ];
    const refused = [
      { type: 'signIn', form: { ...sso, ssoRegion: 1 } },
      { type: 'signIn' },
      { type: 'copy', what: 'token' },
      { type: 'copy' },
      { type: 'addProfiles', roles: [{ ...role, profileName: null }], region: 'us-east-1' },
      { type: 'addProfiles', roles: 'all', region: 'us-east-1' },
      { type: 'addProfiles', roles: [role] },
    ];
    for (const message of taken) {
      assert.equal(isWebviewMessage(message), true, JSON.stringify(message));
    }
    for (const message of refused) {
      assert.equal(isWebviewMessage(message), false, JSON.stringify(message));
    }
  });

  it('refuses anything else the webview could post', () => {
    const refused: unknown[] = [
      undefined,
      null,
      'ready',
      42,
      {},
      { type: 'connected' },
      { type: 'submit' },
      { type: 'submit', form: null },
      { type: 'submit', form: 'dev' },
      ...Object.keys(form).map((field) => ({ type: 'submit', form: { ...form, [field]: undefined } })),
      { type: 'submit', form: { ...form, secretAccessKey: 42 } },
      { type: 'submit', form: { ...form, region: ['us-east-1'] } },
    ];
    for (const message of refused) {
      assert.equal(isWebviewMessage(message), false, JSON.stringify(message));
    }
  });
});
