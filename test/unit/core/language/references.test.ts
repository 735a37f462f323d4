import * as assert from 'node:assert/strict';
import type { FileRole } from '../../../../src/core/files/roles';
import { documentFiles } from '../../../../src/core/language/documentFiles';
import { definitionAt, referencesAt, type FilePlace } from '../../../../src/core/language/references';
import type { Position } from '../../../../src/core/language/text';
import type { SharedFiles } from '../../../../src/core/profiles/read';
import { generateProfiles } from '../../../bench/generateProfiles';
import { filesOf, positionOf } from '../../helpers/navigation';

/** Places as `role line:start-end text`. */
function shown(files: SharedFiles, places: readonly FilePlace[]): string[] {
  return places.map(({ role, range }) => {
    const line = (files[role].text ?? '').split(/\r?\n/)[range.start.line] ?? '';
    return `${role} ${range.start.line}:${range.start.character}-${range.end.character} ${line.slice(range.start.character, range.end.character)}`;
  });
}

const config = [
  '[default]', // 0
  'region = us-east-1',
  '[profile dev]',
  'role_arn = arn:aws:iam::123456789012:role/dev',
  'source_profile = default',
  '[profile "ops"] # quoted', // 5
  'source_profile = dev # mine',
  'sso_session = corp',
  '[sso-session corp]',
  'sso_start_url = https://example.awsapps.com/start',
  '[profile.app]', // 10
  'source_profile = profile.x',
  'sso_session = corp',
  '[sso-session other]',
  'sso_session = corp',
  '[profile sub]', // 15
  's3 =',
  '  source_profile = dev',
].join('\n');

const credentials = [
  '[default]', // 0
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  '[dev]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  '[profile x]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', // 5
  '[roles]',
  'source_profile = dev',
].join('\n');

describe('language references: definitions and references across both files', () => {
  const files = filesOf(config, credentials);

  const cases: { title: string; role: FileRole; at: Position; definitions: string[]; references: string[] }[] = [
    {
      title: '[default] is defined in both files and named by source_profile in the config file',
      role: 'config',
      at: positionOf(config, '[default]', 3),
      definitions: ['config 0:1-8 default', 'credentials 0:1-8 default'],
      references: ['config 4:17-24 default'],
    },
    {
      title: 'a source_profile value leads to the headers of the profile in both files; its references are in both files',
      role: 'config',
      at: positionOf(config, 'source_profile = dev', 'source_profile = '.length),
      definitions: ['config 2:9-12 dev', 'credentials 2:1-4 dev'],
      references: ['config 6:17-20 dev', 'credentials 7:17-20 dev'],
    },
    {
      title: 'the end of a name counts, as the cursor sits after a word',
      role: 'credentials',
      at: positionOf(credentials, '[dev]', 4),
      definitions: ['config 2:9-12 dev', 'credentials 2:1-4 dev'],
      references: ['config 6:17-20 dev', 'credentials 7:17-20 dev'],
    },
    {
      title: '[profile x] in the credentials file is the profile profile.x, named by source_profile = profile.x',
      role: 'config',
      at: positionOf(config, 'profile.x', 2),
      definitions: ['credentials 4:1-10 profile x'],
      references: ['config 11:17-26 profile.x'],
    },
    {
      title: 'a quoted name is the name inside the quotes',
      role: 'config',
      at: positionOf(config, '"ops"', 1),
      definitions: ['config 5:10-13 ops'],
      references: [],
    },
    {
      title: 'an sso-session is defined by its header and named by sso_session in profile sections only',
      role: 'config',
      at: positionOf(config, 'sso_session = corp', 'sso_session = '.length),
      definitions: ['config 8:13-17 corp'],
      references: ['config 7:14-18 corp', 'config 12:14-18 corp'],
    },
    {
      title: '[profile.app] is the profile app, its name after the dot',
      role: 'config',
      at: positionOf(config, '[profile.app]', 9),
      definitions: ['config 10:9-12 app'],
      references: [],
    },
  ];
  for (const { title, role, at, definitions, references } of cases) {
    it(title, () => {
      assert.deepEqual(shown(files, definitionAt(files, role, at)), definitions);
      assert.deepEqual(shown(files, referencesAt(files, role, at, false)), references);
      assert.deepEqual(shown(files, referencesAt(files, role, at, true)), [...definitions, ...references]);
    });
  }

  const nowhere: [string, FileRole, Position][] = [
    ['the word profile of a header', 'config', positionOf(config, '[profile dev]', 3)],
    ['a key', 'config', positionOf(config, 'source_profile = default', 2)],
    ['an inline comment after a value', 'config', positionOf(config, '# mine', 2)],
    ['a value of another key', 'config', positionOf(config, 'region', 10)],
    ['a key inside a sub-section', 'config', positionOf(config, '  source_profile = dev', 19)],
    ['a line after the last one', 'config', { line: 99, character: 0 }],
  ];
  for (const [what, role, at] of nowhere) {
    it(`finds nothing on ${what}`, () => {
      assert.deepEqual(definitionAt(files, role, at), []);
      assert.deepEqual(referencesAt(files, role, at, true), []);
    });
  }

  it('reads the unsaved text of the document it is asked about', () => {
    const edited = documentFiles(files, 'credentials', files.credentials.path, `${credentials}\n[more]\nsource_profile = default\n`);
    assert.deepEqual(shown(edited, referencesAt(edited, 'config', positionOf(config, '[default]', 1), false)), [
      'config 4:17-24 default',
      'credentials 9:17-24 default',
    ]);
  });

  it('finds the same places in CRLF files', () => {
    const crlf = filesOf(config.replaceAll('\n', '\r\n'), credentials.replaceAll('\n', '\r\n'));
    const at = positionOf(config, 'source_profile = dev', 'source_profile = '.length);
    assert.deepEqual(shown(crlf, referencesAt(crlf, 'config', at, true)), shown(files, referencesAt(files, 'config', at, true)));
  });

  it('leads from a hidden [default] to the [profile default] the SDK reads', () => {
    const hidden = filesOf('[default]\nregion = us-east-1\n[profile default]\nregion = eu-west-1\n', '');
    assert.deepEqual(shown(hidden, definitionAt(hidden, 'config', { line: 0, character: 2 })), ['config 2:9-16 default']);
  });

  it('finds every reference in a file of 10,000 profiles', () => {
    const { config: bigConfig, credentials: bigCredentials } = generateProfiles(10_000);
    const big = filesOf(bigConfig, bigCredentials);
    const at = positionOf(bigCredentials, '[default]', 1);
    assert.equal(referencesAt(big, 'credentials', at, false).length, bigConfig.split('source_profile = default').length - 1);
  });
});
