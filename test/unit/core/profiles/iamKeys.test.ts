import * as assert from 'node:assert/strict';
import { applyEdit } from '../../../../src/core/profiles/edits';
import {
  addConnectionForm,
  createCredentialsProfileForm,
  existingNameProblem,
  keysFrom,
  saveKeysEdit,
} from '../../../../src/core/profiles/iamKeys';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const fields = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: secret, sessionToken: '', region: undefined };

describe('IAM keys, as both forms save them', () => {
  it('keeps a session token only with a temporary key, and drops an empty region', () => {
    assert.deepEqual(keysFrom({ ...fields, sessionToken: 'stale', region: '' }), { ...fields, sessionToken: undefined, region: undefined });
    assert.equal(keysFrom({ ...fields, accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: 'token' }).sessionToken, 'token');
  });

  it('adds a new profile: keys (and a token) in the credentials file, the region in the config file', () => {
    const keys = keysFrom({ ...fields, accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: 'token', region: 'eu-west-1' });
    const after = applyEdit({ config: '', credentials: '' }, saveKeysEdit(createCredentialsProfileForm, 'dev', keys, false));
    assert.equal(
      after.credentials,
      `[dev]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\naws_session_token = token\n`,
    );
    assert.equal(after.config, '[profile dev]\nregion = eu-west-1\n');
  });

  it('updates the keys of a profile that exists, removing the token of the old keys and keeping comments (on lines of their own)', () => {
    const before =
      '# team\n[dev]\naws_access_key_id = AKIAOLDKEY0EXAMPLE00\naws_secret_access_key = old # rotated\naws_session_token = stale\n';
    const after = applyEdit({ config: undefined, credentials: before }, saveKeysEdit(addConnectionForm, 'dev', keysFrom(fields), true));
    assert.equal(
      after.credentials,
      `# team\n[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n# rotated\naws_secret_access_key = ${secret}\n`,
    );
    assert.equal(after.config, undefined);
  });

  it('differs between the two forms only where it is meant: a name that exists', () => {
    assert.match(existingNameProblem(createCredentialsProfileForm, 'dev', true) ?? '', /A profile named dev already exists/);
    assert.equal(existingNameProblem(createCredentialsProfileForm, 'dev', false), undefined);
    assert.equal(existingNameProblem(addConnectionForm, 'dev', true), undefined);
    const texts = { config: undefined, credentials: '[dev]\naws_access_key_id = AKIAOLDKEY0EXAMPLE00\naws_secret_access_key = old\n' };
    assert.throws(() => applyEdit(texts, saveKeysEdit(createCredentialsProfileForm, 'dev', keysFrom(fields), true)), /already exists/);
    assert.match(
      applyEdit(texts, saveKeysEdit(addConnectionForm, 'dev', keysFrom(fields), true)).credentials ?? '',
      /AKIAIOSFODNN7EXAMPLE/,
    );
  });
});
