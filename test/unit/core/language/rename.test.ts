import * as assert from 'node:assert/strict';
import type { FileRole } from '../../../../src/core/files/roles';
import { scanIni } from '../../../../src/core/ini/scan';
import { documentFiles } from '../../../../src/core/language/documentFiles';
import { prepareRename, renameEdits } from '../../../../src/core/language/rename';
import { offsetAt, type Position, type TextEdit } from '../../../../src/core/language/text';
import { ProfileEditError } from '../../../../src/core/profiles/editChecks';
import { renameProfile } from '../../../../src/core/profiles/edits';
import type { SharedFiles } from '../../../../src/core/profiles/read';
import { generateProfiles } from '../../../bench/generateProfiles';
import { filesOf, positionOf } from '../../helpers/navigation';

/** Applies edits the way an editor does: each through positions of the text before any of them. */
function applied(text: string, edits: readonly TextEdit[]): string {
  const scan = scanIni(text);
  let result = text;
  for (const edit of [...edits].reverse()) {
    result = result.slice(0, offsetAt(scan, edit.range.start)) + edit.newText + result.slice(offsetAt(scan, edit.range.end));
  }
  return result;
}

function renamed(files: SharedFiles, role: FileRole, at: Position, newName: string): { config: string; credentials: string } {
  const edits = renameEdits(files, role, at, newName);
  return { config: applied(files.config.text ?? '', edits.config), credentials: applied(files.credentials.text ?? '', edits.credentials) };
}

const config = [
  '# my profiles',
  '[default]',
  'region = us-east-1',
  '',
  '[profile dev]   # the team',
  'role_arn = arn:aws:iam::123456789012:role/dev',
  'source_profile = default',
  '[profile ops]',
  'source_profile = dev',
  's3 =',
  '  source_profile = dev',
  '[sso-session dev]',
  'sso_start_url = https://example.awsapps.com/start',
  '',
].join('\n');

const credentials = [
  '[dev]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  'region = eu-west-1',
  '[profile x]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  '[chained]',
  'source_profile = dev',
].join('\n');

describe('language rename: a profile renamed from the editor', () => {
  const files = filesOf(config, credentials);

  it('renames the headers in both files and every source_profile, and nothing else', () => {
    const after = renamed(files, 'config', positionOf(config, '[profile dev]', 10), 'team');
    assert.equal(
      after.config,
      config
        .replace('[profile dev]   # the team', '[profile team]   # the team')
        .replace('[profile ops]\nsource_profile = dev', '[profile ops]\nsource_profile = team'),
    );
    assert.equal(after.credentials, credentials.replace('[dev]', '[team]').replace('source_profile = dev', 'source_profile = team'));
  });

  it('moves an inline comment after a renamed source_profile above it, as every edit does: the AWS CLI reads it as part of the name', () => {
    const withComment = filesOf('[profile ops]\nsource_profile = dev  # mine\n', '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n');
    const after = renamed(withComment, 'credentials', positionOf('[dev]\n', '[dev]', 2), 'team');
    assert.equal(after.config, '[profile ops]\n# mine\nsource_profile = team\n');
  });

  it('gives exactly the texts of the Rename Profile... command, from a header or a source_profile value of either file', () => {
    const expected = renameProfile({ config, credentials }, 'dev', 'team');
    const starts: [FileRole, Position][] = [
      ['config', positionOf(config, '[profile dev]', 9)],
      ['config', positionOf(config, 'source_profile = dev', 18)],
      ['credentials', positionOf(credentials, '[dev]', 4)],
      ['credentials', positionOf(credentials, 'source_profile = dev', 17)],
    ];
    for (const [role, at] of starts) {
      assert.deepEqual(renamed(files, role, at, 'team'), expected, `${role} ${at.line}:${at.character}`);
    }
  });

  it('replaces only the name in each changed line, one small edit per line', () => {
    const edits = renameEdits(files, 'config', positionOf(config, '[profile dev]', 9), 'team');
    assert.deepEqual(edits, {
      config: [
        { range: { start: { line: 4, character: 9 }, end: { line: 4, character: 12 } }, newText: 'team' },
        { range: { start: { line: 8, character: 17 }, end: { line: 8, character: 20 } }, newText: 'team' },
      ],
      credentials: [
        { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } }, newText: 'team' },
        { range: { start: { line: 6, character: 17 }, end: { line: 6, character: 20 } }, newText: 'team' },
      ],
    });
  });

  it('offers the name as the SDK reads it, on a header or a source_profile value that names a profile', () => {
    const cases: [string, FileRole, Position, string | undefined][] = [
      ['a config header', 'config', positionOf(config, '[profile dev]', 9), 'dev'],
      ['[default]', 'config', positionOf(config, '[default]', 1), 'default'],
      ['a source_profile value', 'config', positionOf(config, 'source_profile = dev', 17), 'dev'],
      ['[profile x] of the credentials file', 'credentials', positionOf(credentials, '[profile x]', 3), 'profile.x'],
      ['a key', 'config', positionOf(config, 'source_profile = dev', 3), undefined],
      ['the word profile of a header', 'config', positionOf(config, '[profile dev]', 3), undefined],
      ['an sso-session header', 'config', positionOf(config, '[sso-session dev]', 14), undefined],
      ['a source_profile inside a sub-section', 'config', positionOf(config, '  source_profile = dev', 20), undefined],
      ['a comment', 'config', positionOf(config, '# my profiles', 3), undefined],
    ];
    for (const [what, role, at, placeholder] of cases) {
      assert.equal(prepareRename(files, role, at)?.placeholder, placeholder, what);
    }
    assert.deepEqual(prepareRename(files, 'credentials', positionOf(credentials, '[profile x]', 3))?.range, {
      start: { line: 3, character: 1 },
      end: { line: 3, character: 10 },
    });
  });

  it('offers nothing on a source_profile naming no profile, or on a [default] that [profile default] hides', () => {
    const text = '[default]\nregion = us-east-1\n[profile default]\nregion = eu-west-1\n[profile a]\nsource_profile = missing\n';
    const hidden = filesOf(text, '');
    assert.equal(prepareRename(hidden, 'config', { line: 0, character: 2 }), undefined);
    assert.equal(prepareRename(hidden, 'config', positionOf(text, 'missing', 1)), undefined);
    assert.deepEqual(renameEdits(hidden, 'config', { line: 0, character: 2 }, 'other'), { config: [], credentials: [] });
    assert.equal(prepareRename(hidden, 'config', { line: 2, character: 10 })?.placeholder, 'default');
  });

  it('renames [profile x] of the credentials file, the profile profile.x, to the header the AWS CLI writes there', () => {
    const withSource = `${config}[profile y]\nsource_profile = profile.x\n`;
    const after = renamed(filesOf(withSource, credentials), 'credentials', positionOf(credentials, '[profile x]', 2), 'x');
    assert.equal(after.credentials, credentials.replace('[profile x]', '[x]'));
    assert.equal(after.config, withSource.replace('source_profile = profile.x', 'source_profile = x'));
  });

  it('keeps CRLF line breaks and every other byte', () => {
    const crlf = filesOf(config.replaceAll('\n', '\r\n'), credentials.replaceAll('\n', '\r\n'));
    const after = renamed(crlf, 'config', positionOf(config, '[profile dev]', 9), 'team');
    assert.deepEqual(after, renameProfile({ config: crlf.config.text, credentials: crlf.credentials.text }, 'dev', 'team'));
    assert.equal(after.config.split('\r\n').length, config.split('\n').length);
  });

  it('renames in the unsaved text of the document', () => {
    const unsaved = `${credentials}\n[more]\nsource_profile = dev\n`;
    const edited = documentFiles(files, 'credentials', files.credentials.path, unsaved);
    const after = renamed(edited, 'config', positionOf(config, '[profile dev]', 9), 'team');
    assert.equal(after.credentials, renameProfile({ config, credentials: unsaved }, 'dev', 'team').credentials);
  });

  it('refuses a taken or invalid name with the message of the Rename Profile... command', () => {
    const at = positionOf(config, '[profile dev]', 9);
    for (const newName of ['ops', 'default', 'has space', '']) {
      let expected: unknown;
      try {
        renameProfile({ config, credentials }, 'dev', newName);
      } catch (error) {
        expected = error;
      }
      assert.ok(expected instanceof ProfileEditError, newName);
      assert.throws(
        () => renameEdits(files, 'config', at, newName),
        (error: unknown) => error instanceof ProfileEditError && error.message === expected.message && error.reason === expected.reason,
        newName,
      );
    }
  });

  it('touches only the changed lines of a file of 10,000 profiles', () => {
    const generated = generateProfiles(10_000);
    // Three profiles take their credentials from team-00006, which both files define.
    let config = generated.config;
    for (let count = 0; count < 3; count++) {
      config = config.replace('source_profile = default', 'source_profile = team-00006');
    }
    const big = { config, credentials: generated.credentials };
    const bigFiles = filesOf(big.config, big.credentials);
    const edits = renameEdits(bigFiles, 'credentials', positionOf(big.credentials, '[team-00006]', 1), 'main');
    const expected = renameProfile(big, 'team-00006', 'main');
    // Compared without printing: the generated credentials hold fake secrets.
    assert.ok(applied(big.config, edits.config) === expected.config, 'the config file is renamed as the command renames it');
    assert.ok(
      applied(big.credentials, edits.credentials) === expected.credentials,
      'the credentials file is renamed as the command renames it',
    );
    assert.deepEqual(
      [...edits.config, ...edits.credentials].map((edit) => edit.newText),
      ['main', 'main', 'main', 'main', 'main'],
    );
    for (const edit of [...edits.config, ...edits.credentials]) {
      assert.equal(edit.range.end.character - edit.range.start.character, 'team-00006'.length);
    }
  });
});
