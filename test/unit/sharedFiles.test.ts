import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { buildProfiles } from '../../src/core/profiles';
import { loadSharedFiles } from '../../src/core/sharedFiles';
import { iniText } from './iniArbitraries';
import { loadTexts, sdkRead, withTempFolder, writeTexts } from './sdkFiles';

describe('sharedFiles', () => {
  it('sees every edit: each load reads the files afresh', async () => {
    await withTempFolder(async (folder) => {
      const paths = await writeTexts(folder, { config: '[default]\nregion = us-east-1\n', credentials: undefined });
      const first = await loadSharedFiles(paths);
      await fs.writeFile(paths.config, '[default]\nregion = eu-west-1\n');
      const second = await loadSharedFiles(paths);
      assert.equal(first.config.values.get('default')?.['region'], 'us-east-1');
      assert.equal(second.config.values.get('default')?.['region'], 'eu-west-1');
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
      assert.equal(files.credentials.values.get('a')?.['k'], 'v');
    });
  });

  it('reads the values the SDK loader reads, from both files (property)', async () => {
    await fc.assert(
      fc.asyncProperty(iniText, iniText, async (config, credentials) => {
        const [ours, sdk] = await Promise.all([loadTexts({ config, credentials }), sdkRead({ config, credentials })]);
        assert.deepEqual(Object.fromEntries(ours.config.values), sdk.configFile);
        assert.deepEqual(Object.fromEntries(ours.credentials.values), sdk.credentialsFile);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a file the SDK refuses as empty, like the SDK loader', async () => {
    const config = '[profile a]\nregion = eu-west-1\n[profile __proto__]\nregion = us-east-1\n';
    const [ours, sdk] = await Promise.all([loadTexts({ config, credentials: undefined }), sdkRead({ config, credentials: undefined })]);
    assert.deepEqual([ours.config.values.size, sdk.configFile], [0, {}]);
  });

  it('treats a missing folder like a missing file', async () => {
    await withTempFolder(async (folder) => {
      const files = await loadSharedFiles({
        config: path.join(folder, 'no', 'config'),
        credentials: path.join(folder, 'no', 'credentials'),
      });
      assert.deepEqual([files.config.text, files.config.readError, files.config.values.size], [undefined, undefined, 0]);
    });
  });
});

describe('profiles: the model', () => {
  it('gives each profile its kind, region, output, endpoint_url, mfa_serial and definitions', async () => {
    const files = await loadTexts({
      config:
        '[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = keys\nmfa_serial = arn:aws:iam::123456789012:mfa/me\nregion = eu-west-1\noutput = json\n',
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
    const files = await loadTexts({
      config: undefined,
      credentials:
        '[a]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s\nrole_arn = r\nsource_profile = b\n[b]\ncredential_process = x\n',
    });
    assert.deepEqual(
      buildProfiles(files).map((profile) => profile.kind),
      ['assumeRole', 'process'],
    );
  });

  it('masks secrets, and keys that look like secrets', async () => {
    const files = await loadTexts({
      config: undefined,
      credentials: '[a]\naws_secret_access_key = s1\naws_session_token = t1\naws_secrett_access_key = s2\n',
    });
    const settings = JSON.stringify([...(buildProfiles(files)[0]?.settings ?? [])]);
    assert.doesNotMatch(settings, /s1|t1|s2/);
  });

  it('keeps secrets out of a profile printed or serialised whole', async () => {
    const files = await loadTexts({
      config: undefined,
      credentials: '[a]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s3cr3tValue\n',
    });
    const [profile] = buildProfiles(files);
    assert.equal(profile?.fingerprint.length, 22);
    assert.doesNotMatch(`${JSON.stringify(profile)} ${inspect(profile, { depth: 5, showHidden: true })}`, /s3cr3tValue/);
  });

  it('does not reach Object.prototype through profile names', async () => {
    const files = await loadTexts({
      config: undefined,
      credentials: '[constructor]\nregion = us-east-1\n[toString]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n',
    });
    assert.deepEqual(
      buildProfiles(files).map((profile) => [profile.name, profile.region]),
      [
        ['constructor', 'us-east-1'],
        ['toString', undefined],
      ],
    );
  });
});
