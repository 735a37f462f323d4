import * as assert from 'node:assert/strict';
import type { FileRole } from '../../../../src/core/files/roles';
import { documentProblems, problemsOf } from '../../../../src/core/language/diagnostics';
import { documentFiles } from '../../../../src/core/language/documentFiles';
import { partColumns } from '../../../../src/core/language/text';
import { sharedFile } from '../../../../src/core/profiles/read';
import { checkFiles, snapshotOf } from '../../../../src/core/validation/snapshot';

const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

/** The diagnostics of `role`'s file as an editor underlines them: line, the underlined text, severity, code. */
function underlined(role: FileRole, texts: { config?: string; credentials?: string }) {
  const files = {
    config: sharedFile('config', '/home/u/.aws/config', { text: texts.config, readError: undefined }),
    credentials: sharedFile('credentials', '/home/u/.aws/credentials', { text: texts.credentials, readError: undefined }),
  };
  const problems = documentProblems(checkFiles(files), files, role);
  const lines = (texts[role] ?? '').split('\n');
  const textAt = (role2: FileRole, line: number, part: Parameters<typeof partColumns>[1]): string => {
    const text = (texts[role2] ?? '').split('\n')[line] ?? '';
    const { start, end } = partColumns(text, part);
    return text.slice(start, end);
  };
  return problems.map((problem) => ({
    line: problem.place.line,
    text: textAt(role, problem.place.line, problem.place.part),
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
    related: problem.related.map(
      (related) => `${related.place.role}:${related.place.line}:${textAt(related.place.role, related.place.line, related.place.part)}`,
    ),
    lineCount: lines.length,
  }));
}

describe('language diagnostics: each problem on the part of its line', () => {
  it("underlines the key of the AWS guide's typo once, as the error it is, with the fix in the message", () => {
    const found = underlined('credentials', {
      credentials:
        '[default]\nxaws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    });
    const typo = found.filter((problem) => problem.code === 'unknownKey');
    assert.deepEqual(
      typo.map(({ line, text, severity }) => ({ line, text, severity })),
      // The profile's missing key and the line's unknown key are one problem on screen.
      [{ line: 1, text: 'xaws_access_key_id', severity: 'error' }],
    );
    assert.match(typo[0]?.message ?? '', /^Profile default: missing properties: aws_access_key_id .*Correct the misspelt key name\.$/);
    assert.ok(found.every((problem) => !problem.message.includes('wJalrXUtnFEMI')));
  });

  it('words a problem and its fix as one sentence each', () => {
    const [found] = underlined('config', { config: '[profile dev]\ncredential_process = /bin/creds\nregoin = eu-west-1\n' });
    assert.equal(found?.message, 'Profile dev: regoin is not a setting the AWS SDK knows; did you mean region? Rename regoin to region.');
  });

  it('underlines a mistyped region value, a stale session token key and a header in the wrong form', () => {
    const found = underlined('credentials', {
      credentials: `[dev]\n${keys}aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE\nregion = us-east1\n[profile ops]\n${keys}`,
    });
    assert.deepEqual(
      found.map(({ line, text, code }) => [line, text, code]),
      [
        [3, 'aws_session_token', 'staleSessionToken'],
        [4, 'us-east1', 'regionTypo'],
        [5, '[profile ops]', 'profileHeaderInCredentials'],
      ],
    );
  });

  it('relates a key set twice to its first line, and each hop of a role chain to its source_profile', () => {
    const config =
      '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = b\nregion = eu-west-1\nregion = eu-west-2\n' +
      '[profile b]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = c\n' +
      '[profile c]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = a\n';
    const found = underlined('config', { config });
    const twice = found.find((problem) => problem.code === 'duplicateKey');
    assert.deepEqual(twice && [twice.line, twice.text, twice.related], [4, 'region', ['config:3:region']]);
    const cycleOfA = found.find((problem) => problem.line === 2 && problem.message.includes('Cycle'));
    assert.deepEqual(cycleOfA && [cycleOfA.text, cycleOfA.related], ['b', ['config:7:c', 'config:10:a']]);
  });

  it("leaves out the other file's problems, and puts a file's own problems without a profile", () => {
    const found = underlined('config', {
      config: '[dev]\nregion = us-east-1\n',
      credentials: '[x]\nxaws_access_key_id = AKIAIOSFODNN7EXAMPLE\n',
    });
    assert.deepEqual(
      found.map(({ line, text, code, message }) => [line, text, code, message.slice(0, 30)]),
      [[0, '[dev]', 'bareHeaderInConfig', 'The AWS SDK ignores [dev] in t']],
    );
  });

  it('reads the unsaved text of the document beside the other file as it is on disk', () => {
    const onDisk = {
      config: sharedFile('config', '/c', {
        text: '[profile dev]\nsource_profile = base\nrole_arn = arn:aws:iam::123456789012:role/r\n',
        readError: undefined,
      }),
      credentials: sharedFile('credentials', '/k', { text: `[base]\n${keys}`, readError: undefined }),
    };
    const typed = documentFiles(onDisk, 'credentials', '/k', `[bases]\n${keys}`);
    assert.equal(typed.config, onDisk.config);
    assert.deepEqual(
      documentProblems(problemsOf(snapshotOf(typed)), typed, 'config').map((problem) => [problem.place.line, problem.code]),
      [[1, 'missingSourceProfile']],
    );
    assert.equal(documentFiles(onDisk, 'config', '/c', onDisk.config.text ?? ''), onDisk, 'the saved text reuses the read');
    const alone = documentFiles(onDisk, 'config', '/elsewhere/.aws/config', '[default]\nregion = us-east-1\n');
    assert.deepEqual([alone.config.path, alone.credentials.text], ['/elsewhere/.aws/config', undefined]);
  });
});
