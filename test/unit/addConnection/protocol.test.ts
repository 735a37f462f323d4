import * as assert from 'node:assert/strict';
import { isWebviewMessage } from '../../../src/addConnection/protocol';

const form = { profileName: 'dev', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 's', sessionToken: '', region: '' };

describe('the webview message guard', () => {
  it('takes ready, and a submit with every field a string', () => {
    assert.equal(isWebviewMessage({ type: 'ready' }), true);
    assert.equal(isWebviewMessage({ type: 'submit', form }), true);
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
