import * as assert from 'node:assert/strict';
import type { FileTexts } from '../../../../src/core/profiles/edits';
import type { ProfileReport } from '../../../../src/core/validation/snapshot';
import { reportOf as report, snapshotOfTexts as check } from '../../helpers/snapshots';

function messages(found: ProfileReport, severity: 'error' | 'warning'): string {
  return found.problems
    .filter((problem) => problem.severity === severity)
    .map((problem) => problem.message)
    .join(' | ');
}

const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
const temporaryKeys = 'aws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

describe('snapshotOf: profiles the SDK can use', () => {
  const valid: [string, Partial<FileTexts>, string][] = [
    ['static keys', { credentials: `[default]\n${keys}` }, 'staticKeys'],
    [
      'temporary keys with a session token',
      { credentials: `[default]\n${temporaryKeys}aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE\n` },
      'sessionKeys',
    ],
    ['credential_process', { config: '[default]\ncredential_process = /usr/bin/get-creds\n' }, 'process'],
    [
      'role with a source profile',
      { config: '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n', credentials: `[base]\n${keys}` },
      'assumeRole',
    ],
    [
      'role with credential_source',
      { config: '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = EcsContainer\n' },
      'credentialSource',
    ],
    [
      'SSO with an sso-session',
      {
        config:
          '[default]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n[sso-session corp]\nsso_start_url = https://d-1.awsapps.com/start\nsso_region = us-east-1\n',
      },
      'sso',
    ],
    [
      'legacy SSO',
      {
        config:
          '[default]\nsso_start_url = https://d-1.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n',
      },
      'sso',
    ],
    [
      'web identity',
      { config: '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nweb_identity_token_file = /var/token\n' },
      'webIdentity',
    ],
    [
      'a role that sources itself with its own keys',
      { config: '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = a\n', credentials: `[a]\n${keys}` },
      'assumeRole',
    ],
    [
      'a loop broken by static keys on a later hop',
      {
        config:
          '[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n',
        credentials: `[a]\n${keys}`,
      },
      'assumeRole',
    ],
  ];
  for (const [name, texts, kind] of valid) {
    it(name, async () => {
      const profileName = name.includes('sources itself') || name.includes('loop') ? 'a' : 'default';
      const found = await report(profileName, texts);
      assert.equal(found.profile.kind, kind);
      assert.equal(messages(found, 'error'), '');
      assert.equal(found.status, 'valid', messages(found, 'warning'));
    });
  }
});

describe('snapshotOf: invalid profiles, each with a message and a fix', () => {
  const invalid: [string, Partial<FileTexts>, string, RegExp][] = [
    [
      'a key id without its secret',
      { credentials: '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' },
      'default',
      /missing properties: aws_secret_access_key/,
    ],
    [
      'a secret without its key id',
      { credentials: '[default]\naws_secret_access_key = x\n' },
      'default',
      /missing properties: aws_access_key_id/,
    ],
    [
      'a session token alone',
      { credentials: '[default]\naws_session_token = t\n' },
      'default',
      /missing properties: aws_access_key_id, aws_secret_access_key/,
    ],
    [
      'a session token with a key id only',
      { credentials: '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_session_token = t\n' },
      'default',
      /aws_secret_access_key/,
    ],
    [
      'only unknown keys, with a did-you-mean',
      { credentials: '[default]\nhello = x\naws_secrett_access_key = y\n' },
      'default',
      /no setting the AWS SDK knows: hello, aws_secrett_access_key \(did you mean aws_secret_access_key\?\)/,
    ],
    [
      'the xaws_access_key_id typo',
      { credentials: '[default]\nxaws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n' },
      'default',
      /missing properties: aws_access_key_id \(xaws_access_key_id looks like a misspelling of it\)/,
    ],
    [
      'a malformed access key id',
      { credentials: '[default]\naws_access_key_id = akia-not-a-key\naws_secret_access_key = x\n' },
      'default',
      /not an AWS access key ID/,
    ],
    [
      'a too short access key id',
      { credentials: '[default]\naws_access_key_id = AKIA1234\naws_secret_access_key = x\n' },
      'default',
      /16 to 128/,
    ],
    [
      'a session token beside a long-term key',
      { credentials: `[default]\n${keys}aws_session_token = t\n` },
      'default',
      /InvalidClientTokenId/,
    ],
    ['a temporary key without a token', { credentials: `[default]\n${temporaryKeys}` }, 'default', /ASIA.*aws_session_token is missing/],
    [
      'a missing source_profile',
      { config: '[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = fakeprofile\n' },
      'default',
      /source_profile fakeprofile does not exist/,
    ],
    [
      'role_arn without a source',
      { config: '[default]\nrole_arn = arn:aws:iam::1:role/r\n' },
      'default',
      /role_arn needs source_profile or credential_source/,
    ],
    [
      'a source_profile cycle',
      {
        config:
          '[profile A]\nrole_arn = r\nsource_profile = B\n[profile B]\nrole_arn = r\nsource_profile = C\n[profile C]\nrole_arn = r\nsource_profile = A\n',
      },
      'A',
      /Cycle detected within Shared Credentials Profiles\. Reference chain: A -> B -> C -> A$/,
    ],
    [
      'a two-profile cycle',
      { config: '[profile A]\nrole_arn = r\nsource_profile = B\n[profile B]\nrole_arn = r\nsource_profile = A\n' },
      'A',
      /Reference chain: A -> B -> A$/,
    ],
    ['a self-reference without keys', { config: '[profile A]\nrole_arn = r\nsource_profile = A\n' }, 'A', /Reference chain: A -> A$/],
    [
      'a source profile without credentials',
      { config: '[profile A]\nrole_arn = r\nsource_profile = B\n[profile B]\nregion = us-east-1\n' },
      'A',
      /B has no credentials to assume the role with/,
    ],
    [
      'credential_source with source_profile',
      { config: '[default]\nrole_arn = r\ncredential_source = EcsContainer\nsource_profile = profile\n' },
      'default',
      /credential_source and source_profile cannot both be set/,
    ],
    [
      'an unsupported credential_source',
      { config: '[default]\nrole_arn = r\ncredential_source = invalidSource\n' },
      'default',
      /credential_source invalidSource is not supported/,
    ],
    [
      'credential_source without role_arn',
      { config: '[default]\ncredential_source = Environment\n' },
      'default',
      /credential_source needs role_arn/,
    ],
    [
      'a missing sso-session section',
      { config: '[default]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\n' },
      'default',
      /sso-session section that does not exist/,
    ],
    [
      'an sso-session without a start URL',
      { config: '[default]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\n[sso-session corp]\nsso_region = us-east-1\n' },
      'default',
      /has no sso_start_url/,
    ],
    [
      'an SSO account without a role',
      {
        config:
          '[default]\nsso_session = corp\nsso_account_id = 1\n[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://x\n',
      },
      'default',
      /missing properties: sso_role_name/,
    ],
    [
      'a region the SDK refuses',
      { credentials: `[default]\n${keys}region = us_east_1!\n` },
      'default',
      /region us_east_1! is not a valid region/,
    ],
    [
      'web identity without a role',
      { config: '[default]\nweb_identity_token_file = /t\n' },
      'default',
      /web_identity_token_file needs role_arn/,
    ],
    ['an empty section', { config: '[profile empty]\n' }, 'empty', /it has no settings/],
    ['settings but no credentials', { config: '[default]\nregion = us-east-1\n' }, 'default', /no credentials, only region/],
  ];
  for (const [name, texts, profileName, expected] of invalid) {
    it(name, async () => {
      const found = await report(profileName, texts);
      assert.equal(found.status, 'invalid');
      assert.match(messages(found, 'error'), expected);
      for (const problem of found.problems) {
        assert.ok(problem.fix.length > 10, `no fix for ${problem.message}`);
      }
    });
  }

  it('keeps the key format an error for AWS and a warning for a local endpoint', async () => {
    const local = await report('default', {
      credentials: '[default]\naws_access_key_id = test\naws_secret_access_key = test\nendpoint_url = http://127.0.0.1:4566\n',
    });
    assert.equal(local.status, 'warning');
    assert.match(messages(local, 'warning'), /not an AWS access key ID/);
  });
});

describe('snapshotOf: warnings with line numbers', () => {
  it('points at unknown keys with a did-you-mean', async () => {
    const found = await report('default', { credentials: `[default]\n${keys}regoin = us-east-1\n` });
    const problem = found.problems.find((candidate) => candidate.message.startsWith('regoin'));
    assert.match(problem?.message ?? '', /did you mean region\?/);
    assert.equal(problem?.location?.line, 4);
    assert.equal(problem?.location?.file, 'credentials');
  });

  it('reports lines without = and broken headers', async () => {
    const found = await report('default', { credentials: `[default]\n${keys}region: us-east-1\n[other];comment\n` });
    assert.match(messages(found, 'warning'), /line 4 has no =.*line 5 is not a section header/);
    const colon = found.problems.find((problem) => problem.location?.line === 4);
    assert.match(colon?.fix ?? '', /does not accept : as a separator/);
  });

  it('reports sections the SDK ignores in each file', async () => {
    const result = await check({ config: '[foo]\nregion = x\n[sso-sesion corp]\nsso_region = x\n' });
    const all = result.fileProblems.map((problem) => `${problem.message} => ${problem.fix}`).join('\n');
    assert.match(all, /ignores \[foo\] in the config file.*Rename the section header to \[profile foo\]/);
    assert.match(all, /ignores the section \[sso-sesion corp\].*Did you mean \[sso-session corp\]\?/);
    assert.deepEqual(
      result.reports.map((found) => found.profile.name),
      [],
    );
  });

  it('reports [profile bar] in the credentials file as the profile profile.bar, which is how the SDK reads it', async () => {
    const result = await check({ credentials: '[profile bar]\naws_access_key_id = x\n[sso-session corp]\nsso_region = x\n' });
    assert.deepEqual(
      result.reports.map((found) => found.profile.name),
      ['profile.bar', 'sso-session.corp'],
    );
    const [bar, corp] = result.reports.map((found) => found.problems.map((problem) => `${problem.message} => ${problem.fix}`).join('\n'));
    assert.match(
      bar ?? '',
      /reads \[profile bar\] in the credentials file as the profile profile\.bar, not bar.*Rename the section header to \[bar\]/,
    );
    assert.match(corp ?? '', /as the profile sso-session\.corp, not corp.*Move the section to the config file/);
  });

  it('warns about a profile named like a property every JavaScript object has, and a file the SDK breaks on', async () => {
    const found = await report('constructor', { credentials: `[constructor]\n${keys}` });
    assert.match(messages(found, 'warning'), /property named constructor, so the AWS SDK keeps the settings of this profile on a built-in/);
    const broken = await check({ credentials: `[default]\n${keys}[toString]\ncall = x\n` });
    assert.match(
      broken.fileProblems.map((problem) => `${problem.message} => ${problem.fix}`).join(),
      /reads nothing from the credentials file: \[toString\] sets call \(line 5\).*Object\.prototype\.toString\.call.*Rename or delete the section/,
    );
  });

  it('reports duplicate sections and keys', async () => {
    const found = await report('dev', { config: '[profile dev]\nregion = a\nregion = b\n[profile dev]\noutput = json\n' });
    assert.match(
      messages(found, 'warning'),
      /region is set twice.*lines 2 and 3.*\| \[profile dev\] is defined a second time \(first at line 1\)/,
    );
  });

  it('reports [default] hidden by [profile default]', async () => {
    const found = await report('default', {
      config: '[default]\nregion = a\n[profile default]\nregion = b\n',
      credentials: `[default]\n${keys}`,
    });
    assert.equal(found.profile.region, 'b');
    assert.match(messages(found, 'warning'), /\[default\] is ignored because \[profile default\]/);
  });

  it('warns about a region that looks mistyped', async () => {
    const found = await report('default', { credentials: `[default]\n${keys}region = us-east1\n` });
    assert.equal(found.status, 'warning');
    assert.match(found.problems[0]?.fix ?? '', /Did you mean us-east-1\?/);
  });

  it('reports a file the SDK refuses whole', async () => {
    const result = await check({ credentials: `[default]\n${keys}[__proto__]\nk = v\n` });
    assert.match(result.fileProblems.map((problem) => problem.message).join(), /reads nothing from the credentials file/);
  });

  it('knows where each profile is defined, and masks secrets in its settings', async () => {
    const found = await report('dev', { config: '# c\n[profile dev]\nregion = eu-west-1\n', credentials: `\n[dev]\n${keys}` });
    assert.deepEqual(
      found.profile.definitions.map((location) => [location.file, location.line]),
      [
        ['config', 2],
        ['credentials', 2],
      ],
    );
    assert.equal(found.profile.settings.get('aws_secret_access_key'), '********');
    assert.equal(found.profile.settings.get('aws_access_key_id'), 'AKIAIOSFODNN7EXAMPLE');
  });
});

describe('snapshotOf: where each error points', () => {
  it('points a role chain error at the source_profile line, and a key error at the key line', async () => {
    const role = await report('A', {
      config: '[profile A]\nrole_arn = r\nregion = us-east-1\nsource_profile = B\n[profile B]\nrole_arn = r\nsource_profile = A\n',
    });
    assert.deepEqual(
      role.problems.map((problem) => [problem.location?.file, problem.location?.line]),
      [['config', 4]],
    );
    const keys = await report('k', { credentials: '# keys\n[k]\naws_secret_access_key = s\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\n' });
    assert.deepEqual(
      keys.problems.map((problem) => [problem.location?.file, problem.location?.line]),
      [['credentials', 4]],
    );
  });

  it('points a missing key at its misspelling when there is one, else at the key it belongs with', async () => {
    const typo = await report('t', { credentials: '[t]\nxaws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s\n' });
    const missing = typo.problems.find((problem) => problem.severity === 'error');
    assert.deepEqual([missing?.location?.line, missing?.fix], [2, 'Correct the misspelt key name.']);
    const alone = await report('a', { credentials: '[a]\naws_secret_access_key = s\n' });
    assert.deepEqual(
      alone.problems.map((problem) => [problem.location?.line, problem.fix]),
      [[2, 'Add the aws_access_key_id line that belongs with aws_secret_access_key.']],
    );
  });
});
