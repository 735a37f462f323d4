import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { buildProfiles } from '../../../../src/core/profiles/model';
import { loadTexts } from '../../helpers/sdkFiles';
import { reportOf as report } from '../../helpers/snapshots';

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

describe('profiles: what the SDK reads under a name', () => {
  it('lists [profile X] of the credentials file as the SDK sees it, the profile profile.X, merged with its config', async () => {
    const files = await loadTexts({
      config: '[profile dev]\nregion = eu-west-1\n[profile profile.dev]\noutput = json\n',
      credentials: '[profile dev]\naws_session_token = old\n',
    });
    assert.deepEqual(
      buildProfiles(files).map((profile) => [profile.name, [...profile.settings.keys()].join(), profile.definitions.length]),
      [
        ['dev', 'region', 1],
        ['profile.dev', 'output,aws_session_token', 2],
      ],
    );
  });

  it('knows the [default] that [profile default] hides, which the SDK reads once the profile is gone', async () => {
    const files = await loadTexts({ config: '[default]\nregion = a\n[profile default]\nregion = b\n', credentials: undefined });
    const [profile] = buildProfiles(files);
    assert.deepEqual(
      [profile?.region, profile?.definitions.map((location) => location.line), profile?.hiddenDefinitions.map((location) => location.line)],
      ['b', [3], [1]],
    );
    const [shown] = buildProfiles(await loadTexts({ config: '[default]\nregion = a\n[profile default]\n', credentials: undefined }));
    assert.deepEqual(shown?.hiddenDefinitions, []);
  });
});

describe('profile fingerprints', () => {
  it("change with the profile's settings and its source chain, not with other profiles, and hide the values", async () => {
    const role = '[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Developer\nsource_profile = base\n';
    const keys = (secret: string): string =>
      `[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n[other]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n`;
    const before = (await report('dev', { config: role, credentials: keys('first') })).profile.fingerprint;
    assert.equal(
      (await report('dev', { config: role, credentials: keys('first').replace('= x', '= y') })).profile.fingerprint,
      before,
      'another profile changed',
    );
    assert.notEqual(
      (await report('dev', { config: role, credentials: keys('second') })).profile.fingerprint,
      before,
      "the source profile's secret changed",
    );
    assert.notEqual(
      (await report('dev', { config: `${role}region = eu-west-1\n`, credentials: keys('first') })).profile.fingerprint,
      before,
    );
    assert.doesNotMatch(before, /first|AKIA/);
  });
});
