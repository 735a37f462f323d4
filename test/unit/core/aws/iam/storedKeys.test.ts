import * as assert from 'node:assert/strict';
import { storedKeysOf } from '../../../../../src/core/aws/iam/storedKeys';
import { exampleUser } from '../../../../fixtures/awsEndpoint';
import { snapshotOfTexts } from '../../../helpers/snapshots';

const keys = `aws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`;

describe('the keys a profile holds in the files', () => {
  it('gives the long-term keys of a profile with access keys, and the texts they were read from', async () => {
    const credentials = `# mine\n[work]\n${keys}`;
    const config = '[profile work]\nregion = eu-west-1\n';
    const stored = storedKeysOf(await snapshotOfTexts({ credentials, config }), 'work');
    assert.deepEqual(stored, {
      keys: { accessKeyId: exampleUser.accessKeyId, secretAccessKey: exampleUser.secretAccessKey },
      texts: { config, credentials },
    });
  });

  it('reads the credentials file over the config file, as the SDK does', async () => {
    const config = `[profile work]\naws_access_key_id = AKIAEXAMPLEOLDKEY001\naws_secret_access_key = old\n`;
    const stored = storedKeysOf(await snapshotOfTexts({ credentials: `[work]\n${keys}`, config }), 'work');
    assert.equal(stored?.keys.accessKeyId, exampleUser.accessKeyId);
  });

  it('gives nothing for other kinds of profile: session keys, roles, a missing profile', async () => {
    const snapshot = await snapshotOfTexts({
      credentials: `[default]\n${keys}[session]\n${keys}aws_session_token = token\n`,
      config: '[profile role]\nrole_arn = arn:aws:iam::123456789012:role/Developer\nsource_profile = default\n',
    });
    assert.deepEqual(
      ['session', 'role', 'missing'].map((name) => storedKeysOf(snapshot, name)),
      [undefined, undefined, undefined],
    );
  });
});
