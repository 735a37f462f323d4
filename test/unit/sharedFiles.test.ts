import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildProfiles } from '../../src/core/profiles';
import { loadSharedFiles } from '../../src/core/sharedFiles';
import { loadTexts, withTempFolder, writeTexts } from './sdkFiles';

describe('sharedFiles', () => {
  it('sees every edit: the loader and the scan share one fresh read', async () => {
    await withTempFolder(async (folder) => {
      const paths = await writeTexts(folder, { config: '[default]\nregion = us-east-1\n', credentials: undefined });
      const first = await loadSharedFiles(paths);
      await fs.writeFile(paths.config, '[default]\nregion = eu-west-1\n');
      const second = await loadSharedFiles(paths);
      assert.equal(first.sdk.configFile['default']?.['region'], 'us-east-1');
      assert.equal(second.sdk.configFile['default']?.['region'], 'eu-west-1');
      assert.equal(second.config.text, '[default]\nregion = eu-west-1\n');
      assert.equal(second.credentials.text, undefined);
      assert.equal(second.credentials.readError, undefined);
    });
  });

  it('tells why a file cannot be read, and reads the other one', async () => {
    await withTempFolder(async (folder) => {
      const paths = await writeTexts(folder, { config: undefined, credentials: '[a]\nk = v\n' });
      await fs.mkdir(paths.config);
      const files = await loadSharedFiles(paths);
      assert.match(files.config.readError ?? '', /folder/);
      assert.equal(files.sdk.credentialsFile['a']?.['k'], 'v');
    });
  });

  it('treats a missing folder like a missing file', async () => {
    await withTempFolder(async (folder) => {
      const files = await loadSharedFiles({ config: path.join(folder, 'no', 'config'), credentials: path.join(folder, 'no', 'credentials') });
      assert.deepEqual([files.config.text, files.config.readError, files.sdk.configFile], [undefined, undefined, {}]);
    });
  });
});

describe('profiles: the model', () => {
  it('gives each profile its kind, region, output, endpoint_url, mfa_serial and definitions', async () => {
    const files = await loadTexts({
      config: '[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = keys\nmfa_serial = arn:aws:iam::123456789012:mfa/me\nregion = eu-west-1\noutput = json\n',
      credentials: '[keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s\nendpoint_url = http://127.0.0.1:4566\n',
    });
    const [role, keys] = buildProfiles(files);
    assert.deepEqual(
      role && {
        kind: role.kind,
        region: role.region,
        output: role.output,
        mfaSerial: role.mfaSerial,
        definitions: role.definitions.map((location) => `${location.file}:${location.line}`),
      },
      { kind: 'assumeRole', region: 'eu-west-1', output: 'json', mfaSerial: 'arn:aws:iam::123456789012:mfa/me', definitions: ['config:1'] },
    );
    assert.equal(keys?.endpointUrl, 'http://127.0.0.1:4566');
    assert.equal(keys?.kind === 'staticKeys' ? keys.accessKeyId : undefined, 'AKIAIOSFODNN7EXAMPLE');
  });

  it('takes role keys over static keys on the first hop, as the SDK does', async () => {
    const files = await loadTexts({ config: undefined, credentials: '[a]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s\nrole_arn = r\nsource_profile = b\n[b]\ncredential_process = x\n' });
    assert.deepEqual(buildProfiles(files).map((profile) => profile.kind), ['assumeRole', 'process']);
  });

  it('masks secrets, and keys that look like secrets', async () => {
    const files = await loadTexts({ config: undefined, credentials: '[a]\naws_secret_access_key = s1\naws_session_token = t1\naws_secrett_access_key = s2\n' });
    const settings = JSON.stringify([...(buildProfiles(files)[0]?.settings ?? [])]);
    assert.doesNotMatch(settings, /s1|t1|s2/);
  });

  it('does not reach Object.prototype through profile names', async () => {
    const files = await loadTexts({ config: undefined, credentials: '[constructor]\nregion = us-east-1\n[toString]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' });
    assert.deepEqual(buildProfiles(files).map((profile) => [profile.name, profile.region]), [
      ['constructor', 'us-east-1'],
      ['toString', undefined],
    ]);
  });
});
