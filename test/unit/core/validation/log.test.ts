import * as assert from 'node:assert/strict';
import { invalidProfileLogLines, snapshotLogLines } from '../../../../src/core/validation/log';
import { reportOf as report, snapshotOfTexts as check } from '../../helpers/snapshots';

const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

describe('the log lines of a snapshot', () => {
  it('lists file problems, then each invalid profile with its two lines, then warnings with file and line', async () => {
    const result = await check({
      config: '[foo]\nregion = x\n',
      credentials: `[ok]\n${keys}regoin = a\n[bad]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n`,
    });
    const lines = snapshotLogLines(result).map((line) => `${line.level} ${line.message}`);
    assert.equal(lines.length, 4);
    assert.match(lines[0] ?? '', /^warn the AWS SDK ignores \[foo\] in the config file/);
    assert.match(
      lines[1] ?? '',
      /^warn Profile ok: regoin is not a setting the AWS SDK knows; did you mean region\? \(.*credentials:4\)\. Rename regoin to region\.$/,
    );
    assert.equal(lines[2], 'error Profile bad is not a valid Credential Profile: missing properties: aws_secret_access_key');
    assert.equal(lines[3], 'warn Shared Credentials Profile bad is not valid. It will not be used.');
    assert.doesNotMatch(lines.join('\n'), /wJalrXUtnFEMI/);
  });

  it('logs the two lines for an invalid profile, with the reason and no secret', async () => {
    const found = await report('default', { credentials: '[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' });
    const lines = invalidProfileLogLines(found);
    assert.deepEqual(lines, [
      'Profile default is not a valid Credential Profile: missing properties: aws_access_key_id',
      'Shared Credentials Profile default is not valid. It will not be used.',
    ]);
    assert.doesNotMatch(JSON.stringify(found), /wJalrXUtnFEMI/);
  });

  it('names the first 20 problems of each severity of a profile, and counts the others', async () => {
    const lines = (count: number, line: string): string => Array.from({ length: count }, () => line).join('\n');
    const result = await check({
      credentials: `[bad]\n${lines(22, 'not a setting')}\n[noisy]\n${keys}${lines(21, 'regoin = a')}\n`,
    });
    const logged = snapshotLogLines(result).map((line) => line.message);
    const invalid = logged.find((line) => line.startsWith('Profile bad is not a valid'));
    // It has no settings, and 22 lines without =: those 20 named, then the count of the other 3.
    assert.match(invalid ?? '', /^Profile bad is not a valid Credential Profile: it has no settings; line 2 has no =/);
    assert.equal(invalid?.match(/has no =, so the AWS SDK ignores it/g)?.length, 19);
    assert.match(invalid ?? '', /; and 3 more problems, listed in the Profiles view and the editor$/);
    const noisy = logged.filter((line) => line.startsWith('Profile noisy: '));
    assert.doesNotMatch(
      logged.find((line) => line.startsWith('Profile noisy is not')) ?? '',
      /more problems/,
      'its 20 repeats are all named',
    );
    assert.equal(noisy.length, 21);
    // 21 unknown keys: 20 lines, then one that counts the last (the 20 repeats are errors, as the CLI refuses the file).
    assert.match(noisy[19] ?? '', /^Profile noisy: regoin is not a setting the AWS SDK knows/);
    assert.equal(noisy[20], 'Profile noisy: and 1 more warning, listed in the Profiles view and the editor.');
  });

  it('names a profile whose name may be a secret without quoting it, in both kinds of line', async () => {
    const name = 'kB9/yS1Hk+0mEXAMPLE3xQvRj7TqZpWc2dLnGfUo';
    const result = await check({ credentials: `[${name}]\n${keys}[${name}X]\nregion = us-east-1\n` });
    const lines = snapshotLogLines(result).map((line) => line.message);
    assert.deepEqual(
      lines.map((line) =>
        line.replace(/\(a name of 4[01] characters, not shown because it may be a secret\)/, 'NAME').replace(/ \(.*\)\./, '.'),
      ),
      [
        'Profile NAME: the profile name looks like an access key, a secret or a token, so it is not shown. Check that no key was pasted into the section header, and rename the profile.',
        'Profile NAME is not a valid Credential Profile: it has no credentials, only region',
        'Shared Credentials Profile NAME is not valid. It will not be used.',
        'Profile NAME: the profile name looks like an access key, a secret or a token, so it is not shown. Check that no key was pasted into the section header, and rename the profile.',
      ],
    );
    assert.doesNotMatch(lines.join('\n'), /kB9\/yS1Hk/);
  });
});
