import * as assert from 'node:assert/strict';
import { afterRemoval, byRecentUse, filesOf, kindLabel, profileDescription } from '../../../../src/core/present/profileLabels';
import { snapshotOfTexts } from '../../helpers/snapshots';
import { reportOf } from '../../helpers/snapshots';

const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

describe('profile labels', () => {
  it('names each kind in a few words', async () => {
    const cases: [string, string, string][] = [
      ['keys', '', 'access keys'],
      ['role', '[profile role]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = keys\n', 'assume role'],
      ['env', '[profile env]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\n', 'role from environment'],
      ['tool', '[profile tool]\ncredential_process = /bin/creds\n', 'credential process'],
      [
        'sso',
        '[profile sso]\nsso_start_url = https://d-1.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = r\n',
        'IAM Identity Center',
      ],
      ['web', '[profile web]\nrole_arn = arn:aws:iam::1:role/r\nweb_identity_token_file = /token\n', 'web identity'],
      ['login', '[profile login]\nlogin_session = arn:aws:iam::1:user/me\n', 'console login'],
      ['empty', '[profile empty]\n', 'invalid'],
    ];
    for (const [name, config, label] of cases) {
      assert.equal(kindLabel((await reportOf(name, { config, credentials: `[keys]\n${keys}` })).profile), label, name);
    }
  });

  it('describes a usable profile by kind and region, an invalid one by its first error', async () => {
    assert.equal(profileDescription(await reportOf('keys', { credentials: `[keys]\n${keys}` })), 'access keys');
    assert.equal(
      profileDescription(await reportOf('keys', { config: '[profile keys]\nregion = eu-west-1\n', credentials: `[keys]\n${keys}` })),
      'access keys · eu-west-1',
    );
    assert.equal(
      profileDescription(await reportOf('half', { credentials: '[half]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' })),
      'invalid: missing properties: aws_secret_access_key',
    );
  });

  it('describes a region that may be a secret without showing it', async () => {
    const config = `[profile keys]\nregion = ${'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY'}\n`;
    assert.equal(
      profileDescription(await reportOf('keys', { config, credentials: `[keys]\n${keys}` })),
      'access keys · (a value of 38 characters, not shown because it may be a secret)',
    );
  });

  it('lists the files a profile is written in, each once, the config file first', async () => {
    const report = await reportOf('keys', {
      config: '[profile keys]\nregion = eu-west-1\n[profile keys]\noutput = json\n',
      credentials: `[keys]\n${keys}`,
    });
    const files = filesOf(report.profile);
    assert.equal(files.length, 2);
    assert.match(files[0] ?? '', /config$/);
    assert.match(files[1] ?? '', /credentials$/);
  });

  it('lists usable profiles most recently connected first, the rest in file order, and the invalid ones apart', async () => {
    const snapshot = await snapshotOfTexts({ credentials: `[a]\n${keys}[bad]\nregion = x\n[b]\n${keys}[c]\n${keys}` });
    const { usable, invalid } = byRecentUse(snapshot.reports, ['c', 'gone', 'bad']);
    assert.deepEqual(
      usable.map((report) => report.profile.name),
      ['c', 'a', 'b'],
    );
    assert.deepEqual(
      invalid.map((report) => report.profile.name),
      ['bad'],
    );
  });

  it('says which [default] takes over once [profile default] is deleted or renamed, and nothing otherwise', async () => {
    const config = '[default]\nregion = a\n[profile default]\nregion = b\n';
    assert.match(
      afterRemoval((await reportOf('default', { config })).profile) ?? '',
      /^\[default\] \(line 1 of .*config\) then becomes the default profile: the AWS SDK ignores it only while \[profile default\] has settings\.$/,
    );
    assert.equal(afterRemoval((await reportOf('default', { config: '[default]\nregion = a\n[profile default]\n' })).profile), undefined);
    assert.equal(afterRemoval((await reportOf('dev', { config: '[profile dev]\nregion = a\n' })).profile), undefined);
  });
});
