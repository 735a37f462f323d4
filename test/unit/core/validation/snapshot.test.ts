import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { profileDescription } from '../../../../src/core/present/profileLabels';
import type { FileTexts } from '../../../../src/core/profiles/editChecks';
import { sharedFile, type SharedFiles } from '../../../../src/core/profiles/read';
import { snapshotLogLines } from '../../../../src/core/validation/log';
import { readSnapshot, snapshotOf, type Problem, type ProfileReport, type ProfileSnapshot } from '../../../../src/core/validation/snapshot';
import { fakeSecrets, SecretSearch } from '../../../fixtures/secrets';
import { useTempFolder } from '../../helpers/sdkFiles';
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
    [
      'thousands of unknown keys, ten of them named',
      { config: `[default]\n${Array.from({ length: 5_000 }, (_, index) => `setting_${1_000 + index} = x\n`).join('')}` },
      'default',
      /no setting the AWS SDK knows: setting_1000, setting_1001, (setting_\d+, ){7}setting_1009 and 4990 more$/,
    ],
    [
      'thousands of settings but no credentials, ten of them named',
      { config: `[default]\nregion = us-east-1\n${Array.from({ length: 5_000 }, (_, index) => `setting_${index} = x\n`).join('')}` },
      'default',
      /no credentials, only region, setting_0, (setting_\d, ){7}setting_8 and 4991 more$/,
    ],
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

  it('reports every one of 200,000 lines without =, more than a call takes arguments', async () => {
    const count = 200_000;
    const found = await report('default', { credentials: `[default]\n${keys}${'no equals sign\n'.repeat(count)}` });
    assert.equal(found.problems.length, count);
    assert.equal(found.problems.at(-1)?.location?.line, count + 3);
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

  it('reports duplicate sections and keys as errors: the AWS CLI refuses the whole file', async () => {
    const found = await report('dev', { config: '[profile dev]\nregion = a\nregion = b\n[profile dev]\noutput = json\n' });
    assert.match(
      messages(found, 'error'),
      new RegExp(
        'region is set twice.*lines 2 and 3.*the AWS SDK uses the later one; the AWS CLI refuses the whole file because of it \\| ' +
          '\\[profile dev\\] is defined a second time \\(first at line 1\\); the AWS SDK merges both; the AWS CLI refuses the whole file because of it',
      ),
    );
    assert.doesNotMatch(messages(found, 'warning'), /twice|second time/);
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

describe('readSnapshot: files that cannot be read', () => {
  const scratch = useTempFolder();

  it('names each file that exists but cannot be read, without hanging on a FIFO', async () => {
    const paths = { config: path.join(scratch.path, 'config'), credentials: path.join(scratch.path, 'credentials') };
    await fs.writeFile(paths.config, '[profile work]\nregion = eu-west-1\n');
    execFileSync('mkfifo', [paths.credentials]);
    const snapshot = await readSnapshot(paths);
    assert.deepEqual(snapshot.unreadable, [`${paths.credentials} cannot be read: it is a named pipe (FIFO), not a file`]);
    assert.deepEqual(
      snapshot.reports.map((entry) => entry.profile.name),
      ['work'],
    );
    await fs.rm(paths.credentials);
    assert.deepEqual((await readSnapshot(paths)).unreadable, []);
  });
});

describe('snapshotOf: role chains of any length', () => {
  const filesOf = (config: string): SharedFiles => ({
    config: sharedFile('config', '/aws/config', { text: config, readError: undefined }),
    credentials: sharedFile('credentials', '/aws/credentials', { text: undefined, readError: undefined }),
  });
  const chainErrors = (snapshot: ProfileSnapshot): Map<string, string> =>
    new Map(snapshot.reports.map((found) => [found.profile.name, messages(found, 'error')]));

  it('follows a chain of thousands of roles once, and names at most ten of them in a message', () => {
    const count = 3_000;
    const lines: string[] = [];
    for (let index = 0; index < count; index++) {
      lines.push(`[profile p${index}]`, 'role_arn = r', `source_profile = p${index + 1}`);
    }
    const errors = chainErrors(snapshotOf(filesOf(lines.join('\n'))));
    assert.equal(errors.size, count);
    assert.equal(
      errors.get('p2995'),
      `source_profile p${count} does not exist. Reference chain: p2995 -> p2996 -> p2997 -> p2998 -> p2999 -> p3000`,
    );
    assert.equal(
      errors.get('p0'),
      `source_profile p${count} does not exist. Reference chain: p0 -> p1 -> p2 -> p3 -> p4 -> p5 -> p6 -> p7 -> p8 -> p9 -> ... -> p${count}`,
    );
  });

  // What each profile can be to a chain, and the SDK's walk over them written plainly: one walk per profile.
  type Role =
    | { readonly kind: 'role' | 'roleWithKeys'; readonly source: string }
    | { readonly kind: 'keys' | 'process' | 'empty' | 'fromEnvironment' };
  const sectionOf: Record<Role['kind'], (source: string) => string> = {
    role: (source) => `role_arn = r\nsource_profile = ${source}`,
    roleWithKeys: (source) => `role_arn = r\nsource_profile = ${source}\n${keys}`,
    keys: () => keys,
    process: () => 'credential_process = /bin/true',
    empty: () => 'region = us-east-1',
    fromEnvironment: () => 'credential_source = Environment',
  };
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];

  function expectedError(roles: ReadonlyMap<string, Role>, start: string): string {
    const chain = [start];
    const visited = new Set<string>();
    let current = roles.get(start);
    while (current && 'source' in current) {
      const source = current.source;
      chain.push(source);
      if (visited.has(source)) {
        const shown: string[] = [];
        const seen = new Set<string>();
        for (const name of chain) {
          shown.push(name);
          if (seen.has(name)) {
            break;
          }
          seen.add(name);
        }
        return `Cycle detected within Shared Credentials Profiles. Reference chain: ${shown.join(' -> ')}`;
      }
      const next = roles.get(source);
      if (!next) {
        return `source_profile ${source} does not exist. Reference chain: ${chain.join(' -> ')}`;
      }
      visited.add(source);
      if (next.kind === 'empty') {
        return `source_profile ${source} has no credentials to assume the role with. Reference chain: ${chain.join(' -> ')}`;
      }
      current = next.kind === 'role' ? next : undefined;
    }
    return '';
  }

  it('finds for every profile of any graph of roles what a walk from it finds', () => {
    const role: fc.Arbitrary<Role> = fc.oneof(
      fc.record({ kind: fc.constantFrom('role' as const, 'roleWithKeys' as const), source: fc.constantFrom(...names, 'missing') }),
      fc.record({ kind: fc.constantFrom('keys' as const, 'process' as const, 'empty' as const, 'fromEnvironment' as const) }),
    );
    fc.assert(
      fc.property(fc.array(role, { minLength: names.length, maxLength: names.length }), fc.shuffledSubarray(names), (kinds, order) => {
        const roles = new Map(order.map((name, index): [string, Role] => [name, kinds[index] ?? { kind: 'keys' }]));
        const config = [...roles]
          .map(([name, of]) => `[profile ${name}]\n${sectionOf[of.kind]('source' in of ? of.source : '')}`)
          .join('\n');
        const errors = chainErrors(snapshotOf(filesOf(config)));
        for (const [name, of] of roles) {
          if (of.kind === 'role' || of.kind === 'roleWithKeys') {
            assert.equal(errors.get(name), expectedError(roles, name), config);
          }
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('snapshotOf: never quotes a secret', () => {
  const secret = fakeSecrets.secretAccessKeys[0];
  const token = fakeSecrets.sessionTokens[1];
  const search = new SecretSearch();

  /** Every text the snapshot gives the log and the views, with the problems it holds. */
  async function shown(texts: Partial<FileTexts>): Promise<{ problems: Problem[]; texts: string[] }> {
    const snapshot = await check(texts);
    const problems = [...snapshot.fileProblems, ...snapshot.reports.flatMap((found) => found.problems)];
    return {
      problems,
      texts: [
        ...problems.flatMap((problem) => [problem.message, problem.fix]),
        ...snapshotLogLines(snapshot).map((line) => line.message),
        ...snapshot.reports.map((found) => profileDescription(found)),
      ],
    };
  }

  /** The problem at `line` of `file`, after checking that no text holds a secret or a piece of one. */
  async function problemAt(texts: Partial<FileTexts>, file: 'config' | 'credentials', line: number): Promise<Problem> {
    const result = await shown(texts);
    for (const text of result.texts) {
      assert.equal(search.find(text), undefined, text);
    }
    const problem = result.problems.find((candidate) => candidate.location?.file === file && candidate.location.line === line);
    assert.ok(problem, `no problem at ${file}:${line} among ${result.problems.map((candidate) => candidate.message).join(' | ')}`);
    return problem;
  }

  it('a secret pasted with : instead of =', async () => {
    const credentials = `[default]\naws_access_key_id = AKIAAUDIT0KEYEXAMPLE\naws_secret_access_key: ${secret}\n`;
    const ignored = await problemAt({ credentials }, 'credentials', 3);
    assert.equal(ignored.message, 'line 3 has no =, so the AWS SDK ignores it; the AWS CLI reads it as a value of aws_secret_access_key');
    assert.match(ignored.fix, /^Write aws_secret_access_key = value: the AWS SDK does not accept : as a separator\.$/);
    const padded = await problemAt({ credentials: credentials.replace(`${secret}\n`, `${secret}==\n`) }, 'credentials', 3);
    assert.equal(
      padded.message,
      'line 3 sets aws_secret_access_key with : instead of =, so the AWS SDK reads a key it does not know; ' +
        'the AWS CLI reads this line as the key aws_secret_access_key (it splits a line at its first : or =)',
    );
  });

  it('a session token wrapped onto the next line', async () => {
    const [first, rest] = [token.slice(0, 16), token.slice(16)];
    const credentials = `[default]\naws_access_key_id = ASIAAUDIT0KEYEXAMPLE\naws_secret_access_key = ${secret}\naws_session_token = ${first}\n${rest}==\n`;
    const problem = await problemAt({ credentials }, 'credentials', 5);
    assert.match(problem.message, /^the key on line 5 \(a name of \d+ characters, not shown because it may be a secret\) is not a setting/);
    assert.match(problem.fix, /join the two lines/);
    // Wrapped twice, with a piece of small letters only: still taken for a piece of the token.
    const twice = `${credentials.slice(0, credentials.indexOf(rest))}${rest.slice(0, 20)}\nkqzxwvbnmtrlpq==\n`;
    const piece = await problemAt({ credentials: twice }, 'credentials', 6);
    assert.match(piece.message, /^the key on line 6 \(a name of 14 characters, not shown because it may be a secret\)/);
  });

  it('a secret pasted into region, credential_source, source_profile or sso_session', async () => {
    const role = 'role_arn = arn:aws:iam::123456789012:role/r\n';
    const cases: [string, string, RegExp][] = [
      [
        'region',
        `[default]\naws_access_key_id = AKIAAUDIT0KEYEXAMPLE\naws_secret_access_key = x\nregion = ${secret}\n`,
        /^region \(a value of 40 /,
      ],
      ['credential_source', `[default]\n${role}credential_source = ${secret}\n`, /^credential_source \(a value of 40 .* is not supported$/],
      ['source_profile', `[default]\n${role}source_profile = ${secret}\n`, /^source_profile \(a name of 40 .* does not exist/],
      ['sso_session', `[default]\nsso_session = ${secret}\nsso_account_id = 1\nsso_role_name = r\n`, /^sso_session \(a name of 40 /],
    ];
    for (const [key, config, expected] of cases) {
      const line = config.split('\n').findIndex((text) => text.startsWith(key)) + 1;
      const problem = await problemAt({ config }, 'config', line);
      assert.match(problem.message, expected, key);
    }
  });

  it('a secret pasted into a section header, in either file', async () => {
    const keys = `aws_access_key_id = AKIAAUDIT0KEYEXAMPLE\naws_secret_access_key = ${secret}\n`;
    const ignored = await problemAt({ config: `[${secret}]\nregion = us-east-1\n` }, 'config', 1);
    assert.match(
      ignored.message,
      /^the AWS SDK ignores \[\(a name of 40 characters, not shown because it may be a secret\)\] in the config/,
    );
    // The SDK reads [profile NAME] in the credentials file as the profile profile.NAME: a name not shown either.
    assert.equal(
      (await problemAt({ credentials: `[profile ${secret}]\n${keys}` }, 'credentials', 1)).message,
      'the profile name looks like an access key, a secret or a token, so it is not shown',
    );
    assert.match(
      (await problemAt({ config: `[sso-sesion ${secret}]\nsso_region = x\n` }, 'config', 1)).fix,
      /^Did you mean \[sso-session NAME\]\?$/,
    );
    // In the credentials file the header is the profile's name: a profile the SDK uses, with a warning.
    const named = await problemAt({ credentials: `[${secret}]\n${keys}` }, 'credentials', 1);
    assert.equal(named.message, 'the profile name looks like an access key, a secret or a token, so it is not shown');
  });

  it("a secret as an unknown key's name", async () => {
    const problem = await problemAt({ credentials: `[default]\nregion = us-east-1\n${secret} = x\n` }, 'credentials', 3);
    assert.match(problem.message, /^the key on line 3 \(a name of 40 characters, not shown because it may be a secret\) is not a setting/);
    const only = await problemAt({ credentials: `[lone]\n${secret} = x\n` }, 'credentials', 2);
    assert.match(only.message, /^it has no setting the AWS SDK knows: the key on line 2 \(a name of 40 characters/);
  });

  it('keeps quoting short plausible values and names', async () => {
    const typo = await problemAt(
      { credentials: `[default]\naws_access_key_id = AKIAAUDIT0KEYEXAMPLE\naws_secret_access_key = x\nregion = us-east1\n` },
      'credentials',
      4,
    );
    assert.deepEqual([typo.message, typo.fix], ['region us-east1 does not look like an AWS region code', 'Did you mean us-east-1?']);
    const missing = await problemAt({ config: '[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = fakeprofile\n' }, 'config', 3);
    assert.equal(missing.fix, 'Create the profile fakeprofile, or set source_profile to an existing profile.');
  });
});
