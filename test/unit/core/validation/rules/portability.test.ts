import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { FileRole } from '../../../../../src/core/files/roles';
import type { LinePart } from '../../../../../src/core/profiles/model';
import { sharedFile } from '../../../../../src/core/profiles/read';
import { sdkValuesOf } from '../../../helpers/sdkFiles';
import type { Problem, ProblemCode, Severity } from '../../../../../src/core/validation/problems';
import { reportFileProblems } from '../../../../../src/core/validation/rules/lines';
import { runBotocore, type BotocoreRead } from '../../../../fixtures/botocore';
import { asSdkSections } from '../../../helpers/botocore';
import { cliText, iniText, mostlyPortableText } from '../../../helpers/iniArbitraries';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const keyId = 'AKIAIOSFODNN7EXAMPLE';

/** What a problem says the AWS CLI reads, checked against the real botocore. */
type Claim =
  | { readonly refuses: true }
  /** The value botocore has for a key of a section (named as the SDK names it: `a`, `sso-session.corp`; sub-keys `s3.name`); undefined for none. */
  | { readonly section: string; readonly key: string; readonly value: string | undefined }
  /** The sections botocore has, with a value each. */
  | { readonly sections: readonly string[] };

/** line, part, severity, a fragment of the message, the quick-fix code. */
type Expected = readonly [number, LinePart | undefined, Severity, string, ProblemCode?];

interface Case {
  readonly title: string;
  readonly role: FileRole;
  readonly text: string;
  readonly problems: readonly Expected[];
  readonly cli: readonly Claim[];
}

const cases: readonly Case[] = [
  {
    title: 'a # comment after a value',
    role: 'config',
    text: '[default]\nregion = us-east-1 # mine\n',
    problems: [[2, 'value', 'warning', 'the AWS CLI reads region as `us-east-1 # mine`, the AWS SDK as `us-east-1`', 'inlineComment']],
    cli: [{ section: 'default', key: 'region', value: 'us-east-1 # mine' }],
  },
  {
    title: 'a ; comment after a value',
    role: 'config',
    text: '[default]\noutput = json ;x\n',
    problems: [[2, 'value', 'warning', 'the AWS CLI reads output as `json ;x`, the AWS SDK as `json`', 'inlineComment']],
    cli: [{ section: 'default', key: 'output', value: 'json ;x' }],
  },
  {
    title: 'a comment after a secret, which no message shows',
    role: 'credentials',
    text: `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret} # rotated\n`,
    problems: [
      [
        3,
        'value',
        'warning',
        'reads the comment after the value of aws_secret_access_key as part of the value, the AWS SDK drops it',
        'inlineComment',
      ],
    ],
    cli: [{ section: 'default', key: 'aws_secret_access_key', value: `${secret} # rotated` }],
  },
  {
    title: 'a # inside quotes: neither tool knows quotes',
    role: 'config',
    text: '[default]\nendpoint_url = "https://h # x"\n',
    problems: [[2, 'value', 'warning', 'reads endpoint_url as `"https://h # x"`, the AWS SDK as `"https://h`', 'inlineComment']],
    cli: [{ section: 'default', key: 'endpoint_url', value: '"https://h # x"' }],
  },
  {
    title: 'a comment after a value in a sub-section',
    role: 'config',
    text: '[default]\ns3 =\n  addressing_style = path # c\n',
    problems: [[3, 'value', 'warning', 'reads s3.addressing_style as `path # c`, the AWS SDK as `path`', 'inlineComment']],
    cli: [{ section: 'default', key: 's3.addressing_style', value: 'path # c' }],
  },
  {
    title: 'a section defined twice',
    role: 'config',
    text: '[profile a]\nregion = us-east-1\n[profile a]\noutput = json\n',
    problems: [
      [3, undefined, 'error', 'is defined a second time (first at line 1); the AWS SDK merges both; the AWS CLI refuses the whole file'],
    ],
    cli: [{ refuses: true }],
  },
  {
    title: 'a key set twice',
    role: 'config',
    text: '[default]\nregion = us-east-1\nregion = us-west-2\n',
    problems: [[3, 'key', 'error', 'the AWS SDK uses the later one; the AWS CLI refuses the whole file because of it', 'duplicateKey']],
    cli: [{ refuses: true }],
  },
  {
    title: 'a key set twice in two cases',
    role: 'config',
    text: '[default]\nregion = us-east-1\nRegion = us-west-2\n',
    problems: [
      [
        3,
        'key',
        'error',
        'The AWS CLI refuses the whole file: it reads Region as region (it lower-cases keys), which line 2 already sets',
        'unknownKey',
      ],
    ],
    cli: [{ refuses: true }],
  },
  {
    title: 'a key with capitals',
    role: 'config',
    text: '[default]\nRegion = eu-west-1\n',
    problems: [[2, 'key', 'warning', 'did you mean region? The AWS CLI reads Region as region (it lower-cases keys)', 'unknownKey']],
    cli: [{ section: 'default', key: 'region', value: 'eu-west-1' }],
  },
  {
    title: '[default] before [profile default]: both tools read [profile default]',
    role: 'config',
    text: '[default]\nregion = us-east-1\n[profile default]\nregion = eu-west-1\n',
    problems: [
      [
        1,
        undefined,
        'warning',
        '[default] is ignored because [profile default] also exists in the config file; the AWS CLI ignores it too',
      ],
    ],
    cli: [{ section: 'default', key: 'region', value: 'eu-west-1' }],
  },
  {
    title: '[default] after [profile default]: the AWS CLI reads the later',
    role: 'config',
    text: '[profile default]\nregion = eu-west-1\n[default]\nregion = us-east-1\n',
    problems: [
      [
        1,
        'header',
        'warning',
        'the AWS CLI ignores this section: it reads the profile default only from the later [default], the AWS SDK reads this one',
      ],
      [
        3,
        undefined,
        'warning',
        '[default] is ignored because [profile default] also exists in the config file; the AWS CLI reads the profile default from this section',
      ],
    ],
    cli: [{ section: 'default', key: 'region', value: 'us-east-1' }],
  },
  {
    title: 'an indented line after a value',
    role: 'config',
    text: '[default]\nregion = us-east-1\n  -continued\n',
    problems: [
      [3, undefined, 'warning', 'line 3 has no =, so the AWS SDK ignores it; the AWS CLI reads it as more of the value of region (line 2)'],
    ],
    cli: [{ section: 'default', key: 'region', value: 'us-east-1\n-continued' }],
  },
  {
    title: 'an indented key after a value, past a blank line',
    role: 'config',
    text: '[default]\nregion = us-east-1\n\n  output = json\n',
    problems: [
      [4, 'line', 'warning', 'the AWS CLI reads this indented line as more of the value of region (line 2), the AWS SDK as the key output'],
    ],
    cli: [
      { section: 'default', key: 'region', value: 'us-east-1\n\noutput = json' },
      { section: 'default', key: 'output', value: undefined },
    ],
  },
  {
    title: 'key: value',
    role: 'config',
    text: '[default]\nregion: us-east-1\n',
    problems: [[2, undefined, 'warning', 'line 2 has no =, so the AWS SDK ignores it; the AWS CLI reads it as region = `us-east-1`']],
    cli: [{ section: 'default', key: 'region', value: 'us-east-1' }],
  },
  {
    title: 'a secret written with :, which no message shows',
    role: 'credentials',
    text: `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key: ${secret}\n`,
    problems: [[3, undefined, 'warning', 'the AWS CLI reads it as a value of aws_secret_access_key']],
    cli: [{ section: 'default', key: 'aws_secret_access_key', value: secret }],
  },
  {
    title: 'a line with neither = nor :',
    role: 'config',
    text: '[default]\nregion us-east-1\n',
    problems: [[2, undefined, 'error', 'the AWS CLI refuses the whole file: line 2 has neither = nor :']],
    cli: [{ refuses: true }],
  },
  {
    title: 'a line without a key',
    role: 'config',
    text: '[default]\nregion = us-east-1\n= x\n',
    problems: [[3, undefined, 'error', 'has no key before =; the AWS CLI refuses the whole file: line 3 has no key before its = or :']],
    cli: [{ refuses: true }],
  },
  {
    title: 'a key split at a : before its =',
    role: 'config',
    text: '[default]\nrole_arn:x = y\n',
    problems: [[2, 'key', 'warning', 'the AWS CLI reads this line as the key role_arn (it splits a line at its first : or =)']],
    cli: [{ section: 'default', key: 'role_arn', value: 'x = y' }],
  },
  {
    title: '[profile foo] in the credentials file',
    role: 'credentials',
    text: `[profile foo]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`,
    problems: [
      [
        1,
        undefined,
        'warning',
        'as the profile profile.foo, not foo: profiles there are written [NAME]; the AWS CLI reads [profile foo] as the profile "profile foo"',
        'profileHeaderInCredentials',
      ],
    ],
    cli: [{ sections: ['profile foo'] }],
  },
  {
    title: 'a [NAME OTHER] section in the credentials file',
    role: 'credentials',
    text: '[foo bar]\nregion = us-east-1\n',
    problems: [
      [1, undefined, 'warning', 'the AWS SDK ignores the section [foo bar]; the AWS CLI reads [foo bar] as the profile "foo bar"'],
    ],
    cli: [{ sections: ['foo bar'] }],
  },
  {
    title: 'a header with a comment glued to it',
    role: 'config',
    text: '[default]\nregion = us-east-1\n[profile a];x\noutput = json\n',
    problems: [
      [
        3,
        undefined,
        'warning',
        'is not a section header for the AWS SDK; the AWS CLI reads it as the section header [profile a] and files the lines below it',
      ],
    ],
    cli: [
      { section: 'a', key: 'output', value: 'json' },
      { section: 'default', key: 'output', value: undefined },
    ],
  },
  {
    title: 'a header with a comment glued to it, before any section',
    role: 'config',
    text: '[profile a];x\nregion = us-east-1\n',
    problems: [
      [
        1,
        undefined,
        'warning',
        'is outside any section the AWS SDK reads, so it is ignored; the AWS CLI reads it as the section header [profile a]',
      ],
    ],
    cli: [{ section: 'a', key: 'region', value: 'us-east-1' }],
  },
  {
    title: 'a byte order mark',
    role: 'config',
    text: '\uFEFF[default]\nregion = us-east-1\n',
    problems: [[1, 'header', 'error', 'the AWS CLI refuses the whole file: the file starts with a byte order mark (BOM)']],
    cli: [{ refuses: true }],
  },
  {
    title: 'a line before any section header',
    role: 'config',
    text: 'region = us-east-1\n[default]\noutput = json\n',
    problems: [
      [
        1,
        undefined,
        'error',
        'is outside any section the AWS SDK reads, so it is ignored; the AWS CLI refuses the whole file: line 1 comes before any section header',
      ],
    ],
    cli: [{ refuses: true }],
  },
  {
    title: '[profile.a]',
    role: 'config',
    text: '[profile.a]\nregion = us-east-1\n',
    problems: [[1, 'header', 'warning', 'the AWS CLI reads no profile from [profile.a], the AWS SDK reads it as the profile a']],
    cli: [{ sections: [] }],
  },
  {
    title: '[profiles a]',
    role: 'config',
    text: '[profiles a]\nregion = us-east-1\n',
    problems: [[1, undefined, 'warning', 'the AWS SDK ignores the section [profiles a]; the AWS CLI reads [profiles a] as the profile a']],
    cli: [{ section: 'a', key: 'region', value: 'us-east-1' }],
  },
  {
    title: 'a quoted name with a space',
    role: 'config',
    text: '[profile "a b"]\nregion = us-east-1\n',
    problems: [[1, undefined, 'warning', 'the AWS CLI reads [profile "a b"] as the profile "a b"']],
    cli: [{ sections: ['a b'] }],
  },
  {
    title: '[DEFAULT]',
    role: 'config',
    text: '[DEFAULT]\nregion = us-east-1\n[profile b]\noutput = json\n',
    problems: [[1, undefined, 'warning', 'the AWS CLI adds the settings of [DEFAULT] to every section of the file']],
    cli: [{ section: 'b', key: 'region', value: 'us-east-1' }],
  },
  {
    title: 'an indented line without = in a sub-section',
    role: 'config',
    text: '[default]\ns3 =\n  max_concurrent_requests\n',
    problems: [[3, undefined, 'error', 'the AWS CLI refuses the whole file: line 3, indented under s3 = on line 2, is not name = value']],
    cli: [{ refuses: true }],
  },
  {
    title: 'a key with nothing after =',
    role: 'config',
    text: '[default]\nregion =\noutput = json\n',
    problems: [[2, 'line', 'warning', 'the AWS CLI reads region as an empty value, the AWS SDK ignores the line']],
    cli: [{ section: 'default', key: 'region', value: '' }],
  },
  {
    title: 'an indented section header',
    role: 'config',
    text: '[profile a]\nregion = us-east-1\n  [profile b]\noutput = json\n',
    problems: [
      [
        3,
        'header',
        'warning',
        'more of the value of region (line 2), not as a section header, and files the lines below it under [profile a]',
      ],
    ],
    cli: [{ sections: ['a'] }, { section: 'a', key: 'output', value: 'json' }],
  },
  {
    title: 'a sub-section opened by an indented line',
    role: 'config',
    text: '[default]\n  s3 =\n  max_attempts = 3\n',
    problems: [
      [2, 'line', 'warning', 'the AWS CLI reads s3 as an empty value'],
      [
        3,
        'key',
        'warning',
        'the AWS CLI reads it as the key max_attempts of the section, not of a sub-section, the AWS SDK as s3.max_attempts',
      ],
    ],
    cli: [
      { section: 'default', key: 'max_attempts', value: '3' },
      { section: 'default', key: 's3', value: '' },
    ],
  },
  {
    title: 'one profile in two sections with different headers',
    role: 'config',
    text: '[profile a]\nregion = us-east-1\n[profile "a"]\noutput = json\n',
    problems: [[1, 'header', 'warning', 'the AWS CLI ignores this section: it reads the profile a only from the later [profile "a"]']],
    cli: [{ section: 'a', key: 'region', value: undefined }],
  },
  {
    title: 'an ignored section defined twice',
    role: 'config',
    text: '[foo bar]\nx = 1\n[foo bar]\n',
    problems: [
      [
        3,
        undefined,
        'error',
        'the AWS SDK ignores the section [foo bar]; the AWS CLI refuses the whole file: it reads [foo bar] a second time (first at line 1)',
      ],
    ],
    cli: [{ refuses: true }],
  },
  // No difference: no problem mentions the AWS CLI.
  {
    title: 'a plain config file',
    role: 'config',
    text: '# mine\n[default]\nregion = us-east-1\noutput = json\n\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = default\n',
    problems: [],
    cli: [{ section: 'dev', key: 'role_arn', value: 'arn:aws:iam::123456789012:role/dev' }],
  },
  {
    title: 'sub-sections, comments on their own lines, # inside a value, CRLF',
    role: 'config',
    text: '[default]\r\ns3 =\r\n  max_concurrent_requests = 10\r\n  # c\r\n  addressing_style = path\r\nregion = us-east-1\r\n; c\r\nsso_start_url = https://x.example/start#/\r\n',
    problems: [],
    cli: [{ section: 'default', key: 's3.addressing_style', value: 'path' }],
  },
  {
    title: 'a tab after profile, quoted names, sso-session and services sections',
    role: 'config',
    text: "[profile\ta]\nregion = us-east-1\n[profile 'b']\noutput = json\n[sso-session corp]\nsso_region = us-east-1\n[services local]\ns3 =\n  endpoint_url = http://localhost:4566\n",
    problems: [],
    cli: [{ sections: ['a', 'b', 'sso-session.corp', 'services.local'] }],
  },
  {
    title: 'indented keys at one depth',
    role: 'config',
    text: '[default]\n  region = us-east-1\n  output = json\n',
    problems: [],
    cli: [{ section: 'default', key: 'output', value: 'json' }],
  },
  {
    title: 'a plain credentials file',
    role: 'credentials',
    text: `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n\n[dev]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`,
    problems: [],
    cli: [{ sections: ['default', 'dev'] }],
  },
];

/** The problems of a file that say what the AWS CLI reads. */
function cliProblems(role: FileRole, text: string): Problem[] {
  const problems: Problem[] = [];
  reportFileProblems(sharedFile(role, `/home/u/.aws/${role}`, { text, readError: undefined }), (_owner, problem) => problems.push(problem));
  return problems.filter((problem) => /AWS CLI/.test(problem.message));
}

/** Whether botocore's read backs the claim; a message when it does not. */
function claimFails(role: FileRole, claim: Claim, read: BotocoreRead): string | undefined {
  if ('refuses' in claim) {
    return 'refused' in read ? undefined : 'botocore read the file';
  }
  if ('refused' in read) {
    return 'botocore refused the file';
  }
  const sections = asSdkSections(role, read.read);
  if ('sections' in claim) {
    const names = Object.keys(sections).sort();
    return JSON.stringify(names) === JSON.stringify([...claim.sections].sort()) ? undefined : `botocore has ${JSON.stringify(names)}`;
  }
  const value = sections[claim.section]?.[claim.key];
  return value === claim.value ? undefined : `botocore has ${claim.section} ${claim.key} = ${JSON.stringify(value)}`;
}

describe('portability: what the AWS CLI reads differently, on the line', () => {
  for (const { title, role, text, problems: expected } of cases) {
    it(`${title}: ${expected.length === 0 ? 'no problem' : expected.map(([line, , severity]) => `${severity} on line ${line}`).join(', ')}`, () => {
      const found = cliProblems(role, text).sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
      assert.equal(found.length, expected.length, found.map((problem) => problem.message).join('\n'));
      found.forEach((problem, position) => {
        const [line, part, severity, fragment, code] = expected[position] ?? [0, undefined, 'warning', ''];
        assert.equal(problem.location?.line, line, problem.message);
        assert.equal(problem.location.part, part, problem.message);
        assert.equal(problem.severity, severity, problem.message);
        assert.ok(problem.message.includes(fragment), `${problem.message}\n does not say\n${fragment}`);
        assert.equal(problem.code, code, problem.message);
        assert.ok(!problem.message.includes(secret) && !problem.fix.includes(secret), 'a message shows the secret');
      });
    });
  }

  it('shows a key that may be the end of a secret neither as written nor as the AWS CLI lower-cases it', () => {
    const piece = 'PLXBOGcyreqhgr42roujweroi24wuxarnqfdl90c';
    const text = `[corp]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n${piece} = x\n`;
    const said: string[] = [];
    reportFileProblems(sharedFile('credentials', '/k', { text, readError: undefined }), (_owner, problem) =>
      said.push(`${problem.message} ${problem.fix}`),
    );
    assert.ok(
      said.some((message) => message.includes('lower-cases keys')),
      said.join(' | '),
    );
    assert.deepEqual(
      said.filter((message) => message.toLowerCase().includes(piece.toLowerCase().slice(0, 12))),
      [],
    );
  });

  it('says only what the real botocore reads (all cases in one Python run)', () => {
    const reads = runBotocore(cases.map(({ role, text }) => ({ role, text })));
    const failures = cases.flatMap(({ title, role, cli }, position) =>
      cli.flatMap((claim) => {
        const read = reads[position];
        const failure = read ? claimFails(role, claim, read) : 'no result';
        return failure === undefined ? [] : [`${title}: claims ${JSON.stringify(claim)}, but ${failure}`];
      }),
    );
    assert.deepEqual(failures, []);
  });

  it('a file with no such problem reads the same in botocore as in the AWS SDK (property, one Python run)', function () {
    this.timeout(60_000);
    const samples = fc
      .sample(
        fc
          .tuple(fc.constantFrom<FileRole>('config', 'credentials'), fc.oneof(mostlyPortableText, cliText, iniText))
          .map(([role, text]) => ({ role, text })),
        { numRuns: 1500, seed: 15 },
      )
      .filter(({ role, text }) => cliProblems(role, text).length === 0);
    assert.ok(samples.length > 200, `only ${samples.length} clean samples`);
    const reads = runBotocore(samples);
    samples.forEach(({ role, text }, position) => {
      const read = reads[position];
      assert.ok(read && 'read' in read, `botocore refused ${JSON.stringify(text)}`);
      const sdk = sdkValuesOf(sharedFile(role, '/x', { text, readError: undefined }));
      assert.deepEqual(asSdkSections(role, read.read), sdk, `${role}: ${JSON.stringify(text)}`);
    });
  });
});
