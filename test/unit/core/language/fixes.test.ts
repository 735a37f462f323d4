import * as assert from 'node:assert/strict';
import type { FileRole } from '../../../../src/core/files/roles';
import { scanIni } from '../../../../src/core/ini/scan';
import { commentOffset } from '../../../../src/core/ini/syntax';
import { quickFixes, type QuickFix } from '../../../../src/core/language/fixes';
import { offsetAt, partColumns, type LinePart, type TextEdit } from '../../../../src/core/language/text';
import { sharedFile, type SharedFiles } from '../../../../src/core/profiles/read';
import { sdkValuesOf } from '../../helpers/sdkFiles';
import type { Problem, ProblemCode } from '../../../../src/core/validation/problems';
import { snapshotOf } from '../../../../src/core/validation/snapshot';

const paths: Record<FileRole, string> = { config: '/aws/config', credentials: '/aws/credentials' };
const roles: readonly FileRole[] = ['config', 'credentials'];

const keyId = 'AKIAIOSFODNN7EXAMPLE';
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** Lines joined with LF, with a final line break: the variants below derive CRLF, BOM and no final newline. */
const lines = (...text: string[]): string => `${text.join('\n')}\n`;

type Texts = Partial<Record<FileRole, string>>;

function filesOf(texts: Texts): SharedFiles {
  return {
    config: sharedFile('config', paths.config, { text: texts.config, readError: undefined }),
    credentials: sharedFile('credentials', paths.credentials, { text: texts.credentials, readError: undefined }),
  };
}

function problemsOf(files: SharedFiles): Problem[] {
  const snapshot = snapshotOf(files);
  return [...snapshot.fileProblems, ...snapshot.reports.flatMap((report) => report.problems)];
}

/** The first problem of the snapshot with `code` located in `role` (on `line`, 1-based, when given). */
function problemWith(files: SharedFiles, code: ProblemCode, role: FileRole, line?: number): Problem {
  const found = problemsOf(files).find(
    (problem) => problem.code === code && problem.location?.file === role && (line === undefined || problem.location.line === line),
  );
  assert.ok(found, `no ${code} problem in the ${role} file`);
  return found;
}

/** Applies edits the way an editor does: through positions of the text before, the last first. */
function applied(before: string, edits: readonly TextEdit[]): string {
  const scan = scanIni(before);
  const offsets = edits.map((edit) => ({
    start: offsetAt(scan, edit.range.start),
    end: offsetAt(scan, edit.range.end),
    text: edit.newText,
  }));
  return offsets
    .sort((a, b) => b.start - a.start)
    .reduce((text, { start, end, text: newText }) => text.slice(0, start) + newText + text.slice(end), before);
}

function fixed(texts: Texts, fix: QuickFix): Texts {
  const result: Texts = {};
  for (const role of roles) {
    const edits = fix.edits[role];
    const text = texts[role];
    if (edits) {
      result[role] = applied(text ?? '', edits);
    } else if (text !== undefined) {
      result[role] = text;
    }
  }
  return result;
}

const variants: readonly { readonly name: string; readonly of: (text: string) => string }[] = [
  { name: 'LF', of: (text) => text },
  { name: 'CRLF', of: (text) => text.replace(/\n/g, '\r\n') },
  { name: 'no final newline', of: (text) => text.replace(/\n$/, '') },
  { name: 'BOM and CRLF', of: (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}` },
];

function variantOf(texts: Texts, of: (text: string) => string): Texts {
  const result: Texts = {};
  for (const role of roles) {
    const text = texts[role];
    if (text !== undefined) {
      result[role] = of(text);
    }
  }
  return result;
}

interface Case {
  readonly code: ProblemCode;
  readonly before: Texts;
  /** The file the problem is located in (the document asking for fixes). */
  readonly in: FileRole;
  /** The problem's line, when the file has several problems of the code. */
  readonly line?: number;
  /** The problem, for a code no rule raises yet. */
  readonly problem?: Problem;
  readonly title: string;
  readonly preferred: boolean;
  /** Both files after the fix: a file it does not edit is the same as before. */
  readonly after: Texts;
  /** The part of the problem's line that holds the whole edit, for a fix of one line. */
  readonly inside?: LinePart;
  /** What the validator reports once the fix is applied (parts of messages). */
  readonly reportsAfter?: readonly string[];
}

const cases: readonly Case[] = [
  {
    code: 'unknownKey',
    before: { credentials: lines('[default]', `xaws_access_key_id = ${keyId}`, `aws_secret_access_key = ${secret}`) },
    in: 'credentials',
    title: 'Rename xaws_access_key_id to aws_access_key_id',
    preferred: true,
    after: { credentials: lines('[default]', `aws_access_key_id = ${keyId}`, `aws_secret_access_key = ${secret}`) },
    inside: 'key',
  },
  {
    code: 'unknownKey',
    before: { config: lines('[profile dev]', `  regoin   =  eu-west-1 ; mine`, 'output = json') },
    in: 'config',
    title: 'Rename regoin to region',
    preferred: true,
    after: { config: lines('[profile dev]', `  region   =  eu-west-1 ; mine`, 'output = json') },
    inside: 'key',
  },
  {
    code: 'unknownKey',
    before: { config: lines('[sso-session corp]', 'sso_start_url = https://example.awsapps.com/start', 'sso_regoin = us-east-1') },
    in: 'config',
    title: 'Rename sso_regoin to sso_region',
    preferred: true,
    after: { config: lines('[sso-session corp]', 'sso_start_url = https://example.awsapps.com/start', 'sso_region = us-east-1') },
    inside: 'key',
  },
  {
    code: 'staleSessionToken',
    before: {
      credentials: lines(
        '[default]',
        `aws_access_key_id = ${keyId}`,
        `aws_secret_access_key = ${secret}`,
        'aws_session_token = TOKENEXAMPLE',
      ),
    },
    in: 'credentials',
    title: 'Delete aws_session_token',
    preferred: true,
    after: { credentials: lines('[default]', `aws_access_key_id = ${keyId}`, `aws_secret_access_key = ${secret}`) },
  },
  {
    code: 'staleSessionToken',
    before: {
      credentials: lines(
        '[default]',
        'aws_session_token = FIRSTTOKENEXAMPLE',
        `aws_access_key_id = ${keyId}`,
        `aws_secret_access_key = ${secret}`,
        'aws_session_token = SECONDTOKENEXAMPLE',
        '',
        '[temporary]',
        'aws_access_key_id = ASIAIOSFODNN7EXAMPLE',
        `aws_secret_access_key = ${secret}`,
        'aws_session_token = OTHERTOKENEXAMPLE',
      ),
    },
    in: 'credentials',
    title: 'Delete aws_session_token',
    preferred: true,
    after: {
      credentials: lines(
        '[default]',
        `aws_access_key_id = ${keyId}`,
        `aws_secret_access_key = ${secret}`,
        '',
        '[temporary]',
        'aws_access_key_id = ASIAIOSFODNN7EXAMPLE',
        `aws_secret_access_key = ${secret}`,
        'aws_session_token = OTHERTOKENEXAMPLE',
      ),
    },
  },
  {
    code: 'regionTypo',
    before: { config: lines('[profile dev]', 'region=us-east1', 'output = json') },
    in: 'config',
    title: 'Change region to us-east-1',
    preferred: true,
    after: { config: lines('[profile dev]', 'region=us-east-1', 'output = json') },
    inside: 'value',
  },
  {
    // The writer never leaves a value beside an inline comment: the AWS CLI would read both.
    code: 'regionTypo',
    before: { config: lines('[profile dev]', '  region=us-east1 # mine', 'output = json') },
    in: 'config',
    title: 'Change region to us-east-1',
    preferred: true,
    after: { config: lines('[profile dev]', '  # mine', '  region=us-east-1', 'output = json') },
  },
  {
    code: 'profileHeaderInCredentials',
    before: { credentials: lines('[profile dev] ; team', `aws_access_key_id = ${keyId}`, `aws_secret_access_key = ${secret}`) },
    in: 'credentials',
    title: 'Rename [profile dev] to [dev]',
    preferred: true,
    after: { credentials: lines('[dev] ; team', `aws_access_key_id = ${keyId}`, `aws_secret_access_key = ${secret}`) },
    inside: 'header',
  },
  {
    code: 'bareHeaderInConfig',
    before: { config: lines('[profile base]', 'region = eu-west-1', '', '[dev]  # mine', 'region = eu-west-2') },
    in: 'config',
    title: 'Rename [dev] to [profile dev]',
    preferred: true,
    after: { config: lines('[profile base]', 'region = eu-west-1', '', '[profile dev]  # mine', 'region = eu-west-2') },
    inside: 'header',
  },
  {
    code: 'missingSsoSession',
    before: { config: lines('[profile dev]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = ReadOnly') },
    in: 'config',
    title: 'Add [sso-session corp] to the config file',
    preferred: false,
    after: {
      config: lines(
        '[profile dev]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'sso_role_name = ReadOnly',
        '',
        '[sso-session corp]',
        'sso_start_url = ',
        'sso_region = ',
      ),
    },
    reportsAfter: ['the sso-session corp has no sso_start_url', 'the sso-session corp has no sso_region'],
  },
  {
    code: 'missingSsoSession',
    before: {
      config: lines('[profile other]', 'region = us-east-1'),
      credentials: lines('[dev]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = ReadOnly'),
    },
    in: 'credentials',
    title: 'Add [sso-session corp] to the config file',
    preferred: false,
    after: {
      config: lines('[profile other]', 'region = us-east-1', '', '[sso-session corp]', 'sso_start_url = ', 'sso_region = '),
      credentials: lines('[dev]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = ReadOnly'),
    },
    reportsAfter: ['the sso-session corp has no sso_start_url'],
  },
  {
    code: 'missingSourceProfile',
    before: {
      config: lines('[profile admin]', 'role_arn = arn:aws:iam::111122223333:role/Admin', 'source_profile = base'),
      credentials: lines('[other]', `aws_access_key_id = ${keyId}`, `aws_secret_access_key = ${secret}`),
    },
    in: 'config',
    title: 'Add the profile base to the credentials file',
    preferred: false,
    after: {
      config: lines('[profile admin]', 'role_arn = arn:aws:iam::111122223333:role/Admin', 'source_profile = base'),
      credentials: lines(
        '[other]',
        `aws_access_key_id = ${keyId}`,
        `aws_secret_access_key = ${secret}`,
        '',
        '[base]',
        'aws_access_key_id = ',
        'aws_secret_access_key = ',
      ),
    },
    reportsAfter: ['source_profile base has no credentials to assume the role with'],
  },
  {
    code: 'missingSourceProfile',
    before: {
      config: lines(
        '[profile admin]',
        'role_arn = arn:aws:iam::111122223333:role/Admin',
        'source_profile = middle',
        '[profile middle]',
        'role_arn = arn:aws:iam::111122223333:role/Middle',
        'source_profile = base',
      ),
      credentials: lines('[other]', `aws_access_key_id = ${keyId}`, `aws_secret_access_key = ${secret}`),
    },
    in: 'config',
    line: 3,
    title: 'Add the profile base to the credentials file',
    preferred: false,
    after: {
      config: lines(
        '[profile admin]',
        'role_arn = arn:aws:iam::111122223333:role/Admin',
        'source_profile = middle',
        '[profile middle]',
        'role_arn = arn:aws:iam::111122223333:role/Middle',
        'source_profile = base',
      ),
      credentials: lines(
        '[other]',
        `aws_access_key_id = ${keyId}`,
        `aws_secret_access_key = ${secret}`,
        '',
        '[base]',
        'aws_access_key_id = ',
        'aws_secret_access_key = ',
      ),
    },
  },
  {
    code: 'duplicateKey',
    before: { config: lines('[profile dev]', 'region = us-east-1', 'output = json', 'region = eu-west-1') },
    in: 'config',
    title: 'Delete the earlier line (line 2)',
    preferred: true,
    after: { config: lines('[profile dev]', 'output = json', 'region = eu-west-1') },
  },
  {
    code: 'duplicateKey',
    before: { config: lines('[profile dev]', 'region = us-east-1', 'output = json', 'region = eu-west-1') },
    in: 'config',
    title: 'Delete this line',
    preferred: false,
    after: { config: lines('[profile dev]', 'region = us-east-1', 'output = json') },
  },
  {
    code: 'inlineComment',
    before: { config: lines('[profile dev]', '  region = us-east-1   # the team region', 'output = json') },
    in: 'config',
    title: 'Move the comment to its own line above',
    preferred: true,
    after: { config: lines('[profile dev]', '  # the team region', '  region = us-east-1', 'output = json') },
  },
  {
    code: 'inlineComment',
    before: { config: lines('[profile dev]', 'output = json', 'region = us-east-1 ;mine') },
    in: 'config',
    title: 'Move the comment to its own line above',
    preferred: true,
    after: { config: lines('[profile dev]', 'output = json', ';mine', 'region = us-east-1') },
  },
];

describe('language fixes: each coded problem, fixed in place', () => {
  for (const testCase of cases) {
    for (const variant of variants) {
      it(`${testCase.code}: "${testCase.title}" (${variant.name})`, () => {
        const before = variantOf(testCase.before, variant.of);
        const files = filesOf(before);
        const problem = testCase.problem ?? problemWith(files, testCase.code, testCase.in, testCase.line);
        const fixes = quickFixes(files, testCase.in, problem);
        const fix = fixes.find((candidate) => candidate.title === testCase.title);
        assert.ok(fix, `offered: ${fixes.map((candidate) => candidate.title).join(', ')}`);
        assert.equal(fix.preferred, testCase.preferred);
        assert.deepEqual(fixed(before, fix), variantOf({ ...testCase.before, ...testCase.after }, variant.of));
        for (const edits of Object.values(fix.edits)) {
          assert.equal(edits.length, 1, 'one replacement per file');
        }
        if (testCase.inside) {
          const [edit] = fix.edits[testCase.in] ?? [];
          const index = (problem.location?.line ?? 0) - 1;
          const part = partColumns(scanIni(before[testCase.in] ?? '').lines[index]?.text ?? '', testCase.inside);
          assert.ok(edit && edit.range.start.line === index && edit.range.end.line === index, 'the edit stays on the line');
          assert.ok(
            edit.range.start.character >= part.start && edit.range.end.character <= part.end,
            `the edit stays inside the ${testCase.inside}`,
          );
        }
        const after = filesOf(fixed(before, fix));
        const remaining = problemsOf(after);
        if (!testCase.problem) {
          assert.deepEqual(
            remaining.filter((candidate) => candidate.code === testCase.code).map((candidate) => candidate.message),
            [],
            'the problem is gone',
          );
        }
        for (const message of testCase.reportsAfter ?? []) {
          assert.ok(
            remaining.some((candidate) => candidate.message.includes(message)),
            `reports ${message}`,
          );
        }
      });
    }
  }

  it('inlineComment: the moved comment leaves the value as the SDK read it, and no comment on its line', () => {
    const before = lines('[profile dev]', '  region = us-east-1   # the team region', 'output = json');
    const files = filesOf({ config: before });
    const [fix] = quickFixes(files, 'config', problemWith(files, 'inlineComment', 'config'));
    assert.ok(fix);
    const after = filesOf(fixed({ config: before }, fix));
    assert.deepEqual(sdkValuesOf(after.config)['dev'], sdkValuesOf(files.config)['dev']);
    const valueLine = after.config.scan.lines[2]?.text ?? '';
    assert.equal(commentOffset(valueLine), valueLine.length);
  });
});

describe('language fixes: what is not offered', () => {
  const none: readonly { readonly name: string; readonly texts: Texts; readonly code: ProblemCode; readonly in: FileRole }[] = [
    {
      name: '[profile dev] in the credentials file when [dev] is there too: the two would merge, and the AWS CLI refuses the file',
      texts: {
        credentials: lines(
          '[dev]',
          `aws_access_key_id = ${keyId}`,
          `aws_secret_access_key = ${secret}`,
          '[profile dev]',
          'region = eu-west-1',
        ),
      },
      code: 'profileHeaderInCredentials',
      in: 'credentials',
    },
    {
      name: '[dev] in the config file when [profile dev] is there too',
      texts: { config: lines('[profile dev]', 'region = eu-west-1', '[dev]', 'output = json') },
      code: 'bareHeaderInConfig',
      in: 'config',
    },
    {
      name: 'an sso-session stub under a name the writer refuses',
      texts: { config: lines('[profile dev]', 'sso_session = my corp', 'sso_account_id = 111122223333', 'sso_role_name = ReadOnly') },
      code: 'missingSsoSession',
      in: 'config',
    },
    {
      name: 'a source profile stub under a name the writer refuses',
      texts: { config: lines('[profile admin]', 'role_arn = arn:aws:iam::111122223333:role/Admin', 'source_profile = __proto__') },
      code: 'missingSourceProfile',
      in: 'config',
    },
  ];
  for (const { name, texts, code, in: role } of none) {
    it(name, () => {
      const files = filesOf(texts);
      assert.deepEqual(quickFixes(files, role, problemWith(files, code, role)), []);
    });
  }

  it('duplicateKey: deleting the earlier line would move indented lines into a sub-section, so only "Delete this line" is offered', () => {
    const texts = {
      config: lines(
        '[profile dev]',
        's3 =',
        '  max_concurrent_requests = 10',
        'region = us-east-1',
        '  addressing_style = path',
        'region = eu-west-1',
      ),
    };
    const files = filesOf(texts);
    const fixes = quickFixes(files, 'config', problemWith(files, 'duplicateKey', 'config'));
    assert.deepEqual(
      fixes.map((fix) => fix.title),
      ['Delete this line'],
    );
  });

  it('a problem located in the other file, or without a code, gets no fix', () => {
    const files = filesOf({ config: lines('[profile dev]', 'region = us-east1') });
    const problem = problemWith(files, 'regionTypo', 'config');
    assert.equal(quickFixes(files, 'config', problem).length, 1);
    assert.deepEqual(quickFixes(files, 'credentials', problem), []);
    const withoutCode: Problem = { severity: problem.severity, message: problem.message, fix: problem.fix, location: problem.location };
    assert.deepEqual(quickFixes(files, 'config', withoutCode), []);
  });

  it('a problem whose line no longer holds what it names (the text changed since) gets no fix', () => {
    const files = filesOf({ config: lines('[profile dev]', 'region = us-east1') });
    const problem = problemWith(files, 'regionTypo', 'config');
    const edited = filesOf({ config: lines('[profile dev]', 'output = json', 'region = us-east1') });
    assert.deepEqual(quickFixes(edited, 'config', problem), []);
  });
});
