import * as assert from 'node:assert/strict';
import type { FileRole } from '../../../../src/core/files/roles';
import { hoverAt, type Hover } from '../../../../src/core/language/hover';
import { sharedFile, type SharedFiles } from '../../../../src/core/profiles/read';
import { snapshotOf } from '../../../../src/core/validation/snapshot';

const accessKeyId = 'AKIAIOSFODNN7EXAMPLE';
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const token = 'IQoJb3JpZ2luX2VjEXAMPLETOKEN';
const keysOf = (name: string): string => `[${name}]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secret}\n`;

function filesOf(config: string, credentials = ''): SharedFiles {
  return {
    config: sharedFile('config', '/home/me/.aws/config', { text: config, readError: undefined }),
    credentials: sharedFile('credentials', '/home/me/.aws/credentials', { text: credentials, readError: undefined }),
  };
}

/** The hover over the first occurrence of `over` in the file `role` (its second character), with the snapshot's reports. */
function hoverOver(files: SharedFiles, role: FileRole, over: string, occurrence = 0): Hover | undefined {
  const lines = (files[role].text ?? '').split('\n');
  let seen = 0;
  for (const [line, text] of lines.entries()) {
    let column = text.indexOf(over);
    while (column !== -1) {
      if (seen++ === occurrence) {
        const snapshot = snapshotOf(files);
        const reportOf = (name: string) => snapshot.reports.find((report) => report.profile.name === name);
        return hoverAt(files, role, { line, character: column + 1 }, reportOf);
      }
      column = text.indexOf(over, column + 1);
    }
  }
  assert.fail(`${over} is not in the ${role} file`);
}

/** The Markdown without its escapes, as it reads. */
const plain = (hover: Hover | undefined): string => (hover?.markdown ?? '').replace(/\\(.)/g, '$1');

describe('hover: keys and values', () => {
  const files = filesOf(
    '[profile dev]\nregion = eu-west-1 # mine\noutput = table\ngranted_sso_region = us-east-1\nregoin = x\ns3 =\n  use_dualstack_endpoint = true\n',
  );

  it('says what a key does, with its AWS page, over the key', () => {
    const hover = hoverOver(files, 'config', 'region');
    assert.equal(
      hover?.markdown,
      '**region**\n\nThe AWS Region that calls made with this profile go to, such as us-east-1.\n\n' +
        '[AWS documentation](https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html)',
    );
    assert.deepEqual(hover?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  });

  it('says which tool writes a tool-written key, and links nothing', () => {
    assert.equal(
      plain(hoverOver(files, 'config', 'granted_sso_region')),
      '**granted_sso_region**\n\nWritten by Granted for itself: the Region of the IAM Identity Center instance.',
    );
  });

  it('explains the value of a closed set over the value, and nothing for other values', () => {
    const hover = hoverOver(files, 'config', 'table');
    assert.equal(plain(hover), 'output = **table**: A table drawn with +, | and -, for people to read.');
    assert.deepEqual(hover?.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 14 } });
    assert.equal(hoverOver(files, 'config', 'eu-west-1'), undefined);
  });

  it('shows nothing over an unknown key, a key of a sub-section, or a comment', () => {
    assert.equal(hoverOver(files, 'config', 'regoin'), undefined);
    assert.equal(hoverOver(files, 'config', 'use_dualstack_endpoint'), undefined);
    assert.equal(hoverOver(files, 'config', 'mine'), undefined);
  });
});

describe('hover: profile headers', () => {
  const config = [
    '[profile dev]',
    'role_arn = arn:aws:iam::123456789012:role/Dev',
    'source_profile = ops',
    'region = eu-west-1',
    '[profile ops]',
    'role_arn = arn:aws:iam::210987654321:role/Ops',
    'source_profile = keys',
    '[profile loop-a]',
    'role_arn = arn:aws:iam::123456789012:role/A',
    'source_profile = loop-b',
    '[profile loop-b]',
    'role_arn = arn:aws:iam::123456789012:role/B',
    'source_profile = loop-a',
    '[profile broken]',
    'role_arn = arn:aws:iam::123456789012:role/X',
    'source_profile = nowhere',
    'duration_seconds = 5',
    '[profile sso]',
    'sso_session = corp',
    'sso_account_id = 111122223333',
    'sso_role_name = ReadOnly',
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = us-east-1',
    '',
  ].join('\n');
  const files = filesOf(config, `${keysOf('keys')}aws_account_id = 444455556666\n`);

  it('shows the kind, the source_profile chain, the region and the account of the role', () => {
    assert.equal(
      plain(hoverOver(files, 'config', '[profile dev]')),
      '**Profile** dev · assume role\n\nCredentials from: dev → ops → keys\n\nRegion: eu-west-1\n\nAccount: 123456789012',
    );
  });

  it('says where a chain loops', () => {
    assert.match(plain(hoverOver(files, 'config', '[profile loop-a]')), /Credentials from: loop-a → loop-b → loop-a \(a loop\)/);
  });

  it('lists the problems of the report, errors first, each with its fix', () => {
    const snapshot = snapshotOf(files);
    const problems = snapshot.reports.find((report) => report.profile.name === 'broken')?.problems ?? [];
    const error = problems.find((problem) => problem.severity === 'error');
    const warning = problems.find((problem) => problem.severity === 'warning');
    assert.ok(error && warning, 'the profile has an error and a warning');
    const shown = plain(hoverOver(files, 'config', '[profile broken]'));
    assert.ok(shown.includes(`- **error**: ${error.message}. ${error.fix}`), shown);
    assert.ok(shown.includes(`- **warning**: ${warning.message}. ${warning.fix}`), shown);
    assert.ok(shown.indexOf('**error**') < shown.indexOf('**warning**'), shown);
  });

  it('shows the account of an IAM Identity Center profile, and of static keys with aws_account_id', () => {
    assert.equal(
      plain(hoverOver(files, 'config', '[profile sso]')),
      '**Profile** sso · IAM Identity Center\n\nRegion: not set\n\nAccount: 111122223333\n\nIAM Identity Center session: corp',
    );
    assert.equal(
      plain(hoverOver(files, 'credentials', '[keys]')),
      '**Profile** keys · access keys\n\nRegion: not set\n\nAccount: 444455556666',
    );
  });

  it('shows the profile a source_profile names, over the value', () => {
    assert.match(plain(hoverOver(files, 'config', 'ops', 1)), /^\*\*Profile\*\* ops · assume role\n\nCredentials from: ops → keys/);
  });

  it('shows nothing over a header the AWS SDK ignores', () => {
    assert.equal(hoverOver(filesOf('[dev]\nregion = us-east-1\n'), 'config', '[dev]'), undefined);
  });

  it('escapes Markdown in names', () => {
    const hover = hoverOver(filesOf('[profile my_team+ops]\nregion = us-east-1\n'), 'config', '[profile');
    assert.match(hover?.markdown ?? '', /^\*\*Profile\*\* my\\_team\\\+ops · /);
  });
});

describe('hover: sso-session headers', () => {
  const config =
    '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n' +
    '[profile a]\nsso_session = corp\n[profile b]\nsso_session = corp\n[profile c]\nsso_session = other\n[sso-session empty]\n';

  it('shows the start URL, the region and the profiles that use the session', () => {
    const files = filesOf(config);
    assert.equal(
      plain(hoverOver(files, 'config', '[sso-session corp]')),
      '**IAM Identity Center session** corp\n\nStart URL: https://corp.awsapps.com/start\n\nRegion: us-east-1\n\nUsed by a, b.',
    );
    assert.equal(
      plain(hoverOver(files, 'config', '[sso-session empty]')),
      '**IAM Identity Center session** empty\n\nStart URL: not set\n\nRegion: not set\n\nNo profile uses it.',
    );
    assert.match(plain(hoverOver(files, 'config', 'corp', 2)), /^\*\*IAM Identity Center session\*\* corp/);
  });
});

describe('hover: secrets', () => {
  it('never shows a secret, wherever the pointer is, even over secret keys and values shaped like secrets', () => {
    const credentials = `${keysOf('default')}aws_session_token = ${token}\nmy_secret = ${secret}\nregion = ${secret}\n[other]\naws_secret_access_key = ${secret}\n`;
    const config = `[profile other]\nsource_profile = default\nregion = ${token}\nsso_start_url = ${secret}\n`;
    const files = filesOf(config, credentials);
    const snapshot = snapshotOf(files);
    const reportOf = (name: string) => snapshot.reports.find((report) => report.profile.name === name);
    let hovers = 0;
    for (const role of ['config', 'credentials'] as const) {
      (files[role].text ?? '').split('\n').forEach((text, line) => {
        for (let character = 0; character <= text.length; character++) {
          const hover = hoverAt(files, role, { line, character }, reportOf);
          if (hover) {
            hovers++;
            for (const value of [secret, token, accessKeyId, 'EXAMPLE']) {
              assert.ok(!plain(hover).includes(value), `${role} line ${line + 1}, column ${character}: a secret is shown`);
            }
          }
        }
      });
    }
    assert.ok(hovers > 0, 'some hovers were shown');
  });
});
