import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { addProfile, applyEdit, changeSettings, deleteProfile, renameProfile, type ProfileEdit } from '../../../../src/core/profiles/edits';
import { ProfileEditError, type FileTexts } from '../../../../src/core/profiles/editChecks';
import { IniEditError } from '../../../../src/core/ini/edit';
import { scanIni } from '../../../../src/core/ini/scan';
import { hiddenDefaults } from '../../../../src/core/ini/sections';
import { sharedFile } from '../../../../src/core/profiles/read';
import type { Problem } from '../../../../src/core/validation/problems';
import { reportFileProblems } from '../../../../src/core/validation/rules/lines';
import { runBotocore } from '../../../fixtures/botocore';
import { asSdkSections } from '../../helpers/botocore';
import { iniText, mostlyPortableText, profileName, safeValue } from '../../helpers/iniArbitraries';
import { sdkProfiles, sdkRead, sdkValuesOf } from '../../helpers/sdkFiles';

const empty: FileTexts = { config: '', credentials: '' };

describe('profile edits', () => {
  it('adds keys to the credentials file and the rest to the config file', () => {
    const result = addProfile(empty, 'dev', {
      aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE',
      aws_secret_access_key: 's',
      region: 'eu-west-1',
      output: 'json',
    });
    assert.equal(result.credentials, '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s\n');
    assert.equal(result.config, '[profile dev]\nregion = eu-west-1\noutput = json\n');
    assert.equal(addProfile(empty, 'default', { region: 'us-east-1' }).config, '[default]\nregion = us-east-1\n');
  });

  it('adds below a file full of comments and CRLF, changing no other byte', () => {
    const credentials = '# work\r\n[work] ; keys\r\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\r\naws_secret_access_key = x\r\n# end';
    const result = addProfile({ config: undefined, credentials }, 'home', {
      aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE',
      aws_secret_access_key: 'y',
    });
    assert.equal(
      result.credentials,
      `${credentials}\r\n\r\n[home]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\naws_secret_access_key = y`,
    );
    assert.equal(result.config, undefined);
  });

  it('refuses names and values the SDK would misread, saying why', () => {
    const refusals: [string, Record<string, string>, RegExp][] = [
      ['x]\n[evil', { region: 'a' }, /line break/],
      ['a]b', { region: 'a' }, /\[ or \]/],
      [' dev', { region: 'a' }, /start or end with a space/],
      ['my dev', { region: 'a' }, /spaces/],
      ['dev!', { region: 'a' }, /"!"/],
      ['dev', { region: 'us-east-1 # home' }, /comment/],
      ['dev', { region: ';x' }, /comment/],
      ['dev', { region: 'a\nb' }, /line break/],
      ['dev', { region: ' a' }, /space/],
      ['dev', { region: '' }, /empty value/],
      ['dev', { 'bad key': 'a' }, /setting name/],
    ];
    for (const [name, settings, message] of refusals) {
      assert.throws(
        () => addProfile(empty, name, settings),
        (error: unknown) => error instanceof ProfileEditError && message.test(error.message),
        `${JSON.stringify(name)} ${JSON.stringify(settings)}`,
      );
    }
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY # x';
    assert.throws(
      () => addProfile(empty, 'dev', { aws_secret_access_key: secret }),
      (error: unknown) => error instanceof Error && !error.message.includes('wJalr'),
    );
  });

  it('refuses a name that exists, and edits of a profile that does not', () => {
    const texts = addProfile(empty, 'dev', { region: 'a' });
    assert.throws(() => addProfile(texts, 'dev', { region: 'b' }), /already exists/);
    assert.throws(() => changeSettings(texts, 'nope', { region: 'b' }), /no profile named nope/);
    assert.throws(() => deleteProfile(texts, 'nope'), /no profile named nope/);
    assert.throws(() => renameProfile(texts, 'nope', 'x'), /no profile named nope/);
  });

  it('edits a key where it already lives, so the credentials file does not override the change', () => {
    const texts = { config: '[profile dev]\noutput = json\n', credentials: '[dev]\nregion = us-east-1\n' };
    assert.deepEqual(changeSettings(texts, 'dev', { region: 'eu-west-1', output: null }), {
      config: '[profile dev]\n',
      credentials: '[dev]\nregion = eu-west-1\n',
    });
  });

  it('edits a key that both files set in both, so the SDK reads the new value whichever file it prefers', async () => {
    const texts = { config: '[profile dev]\nregion = a\n', credentials: '[dev]\nregion = b\n' };
    const after = changeSettings(texts, 'dev', { region: 'eu-west-1' });
    assert.deepEqual(after, { config: '[profile dev]\nregion = eu-west-1\n', credentials: '[dev]\nregion = eu-west-1\n' });
    const { configFile, credentialsFile } = await sdkRead(after);
    assert.deepEqual([configFile['dev']?.['region'], credentialsFile['dev']?.['region']], ['eu-west-1', 'eu-west-1']);
  });

  it('refuses to change, delete or rename a profile whose name it would not write, changing nothing', () => {
    const texts = { config: '', credentials: '[my dev]\nregion = a\n[constructor]\nregion = a\n[sso-session.corp]\nregion = a\n' };
    const edits: [ProfileEdit, RegExp][] = [
      [{ kind: 'change', name: 'my dev', changes: { output: 'json' } }, /"my dev" cannot be edited here.*spaces/],
      [{ kind: 'delete', name: 'my dev' }, /"my dev" cannot be edited here/],
      [{ kind: 'rename', from: 'my dev', to: 'mydev' }, /"my dev" cannot be edited here/],
      [{ kind: 'change', name: 'constructor', changes: { output: 'json' } }, /"constructor" cannot be edited here.*JavaScript object/],
      [{ kind: 'delete', name: 'sso-session.corp' }, /cannot start with sso-session\./],
      [{ kind: 'change', name: 'x\uD800', changes: { output: 'json' } }, /"x\\ud800" cannot be edited here.*surrogate/],
    ];
    for (const [edit, message] of edits) {
      assert.throws(
        () => applyEdit(texts, edit),
        (error: unknown) => error instanceof ProfileEditError && error.reason === 'invalidName' && message.test(error.message),
        JSON.stringify(edit),
      );
    }
  });

  it('lists [profile dev] of the credentials file as profile.dev, and never merges a new profile into it', async () => {
    const credentials = '[profile dev]\naws_session_token = old-token\n';
    const keys = { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: 'new' };
    const added = addProfile({ config: '', credentials }, 'dev', keys);
    assert.ok(added.credentials?.startsWith(credentials), 'the old section is untouched');
    assert.deepEqual((await sdkProfiles(added))['dev'], keys, 'no old token joins the new keys');
    assert.throws(() => addProfile({ config: '', credentials }, 'profile.dev', keys), /A profile named profile\.dev already exists/);
    assert.equal(deleteProfile({ config: '', credentials }, 'profile.dev').credentials, '');
    assert.equal(renameProfile({ config: '', credentials }, 'profile.dev', 'old').credentials, '[old]\naws_session_token = old-token\n');
  });

  it('refuses a removal that would let a hidden [default] take over, and deletes only [profile default]', async () => {
    const texts = { config: '[default]\nregion = a\n[profile default]\noutput = json\n', credentials: '' };
    assert.throws(
      () => changeSettings(texts, 'default', { output: null }),
      (error: unknown) =>
        error instanceof ProfileEditError &&
        error.reason === 'revealsDefault' &&
        /would read \[default\] \(line 1 of the config file\)/.test(error.message),
    );
    assert.equal(changeSettings(texts, 'default', { output: 'text' }).config, '[default]\nregion = a\n[profile default]\noutput = text\n');
    const deleted = deleteProfile(texts, 'default');
    assert.equal(deleted.config, '[default]\nregion = a\n');
    assert.deepEqual((await sdkProfiles(deleted))['default'], { region: 'a' }, 'as the confirmation says (afterRemoval)');
  });

  it('refuses an edit of a file the SDK reads nothing from, and a new profile without settings', () => {
    for (const config of ['[profile __proto__]\nk = v\n', '[valueOf]\ncaller = x\n', '[constructor]\nentries = x\n']) {
      assert.throws(
        () => addProfile({ config, credentials: '' }, 'dev', { region: 'eu-west-1' }),
        (error: unknown) =>
          error instanceof ProfileEditError && error.reason === 'fileRefused' && /reads nothing from the config file/.test(error.message),
        config,
      );
    }
    assert.deepEqual(
      addProfile({ config: '[valueOf]\ncaller = x\n', credentials: '' }, 'dev', { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE' }).config,
      '[valueOf]\ncaller = x\n',
    );
    assert.throws(
      () => changeSettings({ config: '[__proto__]\n[default]\nregion = a\n', credentials: '' }, 'default', { region: 'a' }),
      /reads nothing from the config file/,
      'even when the text would not change',
    );
    assert.throws(() => addProfile(empty, 'dev', {}), /needs a setting/);
  });

  it('refuses values and keys the file cannot hold or the SDK would store over a built-in', () => {
    assert.throws(
      () => changeSettings({ config: '[profile dev]\nregion = a\n', credentials: '' }, 'dev', { region: 'a\uD800' }),
      /surrogate/,
    );
    assert.throws(() => addProfile(empty, 'dev', { toString: 'x' }), /every JavaScript object/);
  });

  it('deletes a profile from both files with its comment lines', () => {
    const texts = {
      config: '[default]\nregion = a\n\n# dev role\n[profile dev]\nregion = b\n',
      credentials: '# dev keys\n[dev]\naws_access_key_id = x\n\n[other]\nk = v\n',
    };
    assert.deepEqual(deleteProfile(texts, 'dev'), { config: '[default]\nregion = a\n', credentials: '[other]\nk = v\n' });
  });

  it('renames a profile in both files and repoints source_profile', () => {
    const texts = {
      config: '[profile old]\nregion = a\n[profile role]\nsource_profile = old\nrole_arn = r\n',
      credentials: '[old]\nk = v\n',
    };
    assert.deepEqual(renameProfile(texts, 'old', 'new'), {
      config: '[profile new]\nregion = a\n[profile role]\nsource_profile = new\nrole_arn = r\n',
      credentials: '[new]\nk = v\n',
    });
    assert.equal(
      renameProfile({ config: '[default]\nregion = a\n', credentials: undefined }, 'default', 'main').config,
      '[profile main]\nregion = a\n',
    );
  });
});

/** What the SDK reads from the `[default]` sections that `[profile default]` hides (see hiddenDefaults), if any. */
async function hiddenDefaultValues(config: string | undefined, name: string): Promise<Record<string, string | undefined> | undefined> {
  const scan = scanIni(config ?? '');
  const hidden = name === 'default' ? hiddenDefaults('config', scan) : [];
  if (hidden.length === 0) {
    return undefined;
  }
  const text = hidden
    .map((section) =>
      scan.lines
        .slice(section.index, section.endIndex)
        .map((line) => line.text)
        .join('\n'),
    )
    .join('\n');
  return (await sdkProfiles({ config: text, credentials: undefined }))['default'];
}

describe('profile edits: the SDK reads back exactly what was written (property)', () => {
  const files = fc.record({ config: iniText, credentials: iniText });
  const settingKey = fc.constantFrom('region', 'output', 'aws_access_key_id', 'aws_secret_access_key', 'role_arn');

  function without(
    profiles: Record<string, Record<string, string | undefined>>,
    ...names: string[]
  ): Record<string, Record<string, string | undefined>> {
    return Object.fromEntries(Object.entries(profiles).filter(([name]) => !names.includes(name)));
  }

  it('set and remove change one key of one profile', async () => {
    await fc.assert(
      fc.asyncProperty(files, profileName, settingKey, fc.option(safeValue, { nil: null }), async (texts, name, key, value) => {
        let after: FileTexts;
        try {
          after = changeSettings(texts, name, { [key]: value });
        } catch (error) {
          // Refusals are allowed: a profile that does not exist, or a removal that would regroup other lines.
          fc.pre(!((error instanceof ProfileEditError && /no profile named/.test(error.message)) || error instanceof IniEditError));
          throw error;
        }
        const [before, read] = await Promise.all([sdkProfiles(texts), sdkProfiles(after)]);
        const expected: Record<string, string | undefined> = { ...before[name] };
        if (value === null) {
          delete expected[key];
        } else {
          expected[key] = value;
        }
        assert.deepEqual(read[name] ?? {}, expected);
        assert.deepEqual(without(read, name), without(before, name));
      }),
      { numRuns: 120 },
    );
  });

  it('add, delete and rename leave every other profile as it was', async () => {
    await fc.assert(
      fc.asyncProperty(files, profileName, fc.constantFrom('fresh', 'new-name'), safeValue, async (texts, name, other, value) => {
        const before = await sdkProfiles(texts);
        const added = await sdkProfiles(addProfile(texts, other, { region: value, aws_access_key_id: value }));
        assert.deepEqual(added[other], { region: value, aws_access_key_id: value });
        assert.deepEqual(without(added, other), before);
        let deleted: FileTexts;
        try {
          deleted = deleteProfile(texts, name);
        } catch {
          return;
        }
        const afterDelete = await sdkProfiles(deleted);
        const repointed = (settings: Record<string, string | undefined> | undefined): Record<string, string | undefined> =>
          Object.fromEntries(
            Object.entries(settings ?? {}).map(([key, setting]) => [key, key === 'source_profile' && setting === name ? other : setting]),
          );
        // What is left of default: the [default] that [profile default] hid, which the confirmation names (afterRemoval).
        const left = await hiddenDefaultValues(texts.config, name);
        assert.deepEqual(afterDelete[name], left);
        assert.deepEqual(without(afterDelete, name), without(before, name));
        let renamedTexts: FileTexts;
        try {
          renamedTexts = renameProfile(texts, name, other);
        } catch (error) {
          // Headers written alike for sections that differ now ([profile "dev"], [profile dev]) would make the AWS CLI refuse the file.
          if (error instanceof IniEditError && error.reason === 'cliReadsOtherwise') {
            return;
          }
          throw error;
        }
        const renamed = await sdkProfiles(renamedTexts);
        assert.deepEqual(renamed[name], left && repointed(left));
        assert.deepEqual(renamed[other] ?? {}, repointed(before[name]));
      }),
      { numRuns: 120 },
    );
  });
});

describe('profile edits: the AWS CLI reads what was written as the AWS SDK does (property, one Python run)', () => {
  const unit = fc.constantFrom('a', 'Z', '0', '-', '/', '=', '#', ';', ' ', ':', '[', ']', '"', '\t', '.', '\u001c', '\u00a0', '\u0085');
  const value = fc.oneof({ weight: 3, arbitrary: safeValue }, { weight: 1, arbitrary: fc.string({ unit, minLength: 1, maxLength: 10 }) });
  const credentials = fc
    .tuple(
      fc.uniqueArray(profileName, { maxLength: 4 }),
      fc.uniqueArray(fc.constantFrom('aws_access_key_id', 'aws_secret_access_key', 'region', 'k'), { maxLength: 3 }),
      safeValue,
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([names, keys, setting, eol]) =>
      names.map((section) => [`[${section}]`, ...keys.map((k) => `${k} = ${setting}`)].join(eol)).join(`${eol}${eol}`),
    );
  const key = fc.constantFrom(
    'region',
    'output',
    'aws_access_key_id',
    'aws_secret_access_key',
    'role_arn',
    's3',
    'k',
    'Region',
    'services',
  );
  // Names of the sections of mostlyPortableText and of `credentials` below, a new one, and one the AWS CLI reads as [DEFAULT].
  const name = fc.constantFrom('default', 'a', 'b', 'c', 'dev', 'prod', 'fresh', 'DEFAULT');
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), name, settings: fc.dictionary(key, value, { minKeys: 1, maxKeys: 3 }) }),
    fc.record({
      kind: fc.constant('change' as const),
      name,
      changes: fc.dictionary(key, fc.option(value, { nil: null }), { minKeys: 1, maxKeys: 3 }),
    }),
  );

  /** Both tools read the file alike: no problem of the file says otherwise. */
  function portable(role: 'config' | 'credentials', text: string): boolean {
    const problems: Problem[] = [];
    reportFileProblems(sharedFile(role, `/x/${role}`, { text, readError: undefined }), (_owner, problem) => problems.push(problem));
    return !problems.some((problem) => /AWS CLI/.test(problem.message));
  }

  it('adds and changes random settings, and botocore reads both files as our scan does', function () {
    this.timeout(60_000);
    const samples = fc
      .sample(fc.tuple(fc.record({ config: mostlyPortableText, credentials }), edit), { numRuns: 4000, seed: 15 })
      .filter(([texts]) => portable('config', texts.config) && portable('credentials', texts.credentials));
    const written: { texts: FileTexts; edit: ProfileEdit }[] = [];
    for (const [texts, change] of samples) {
      try {
        written.push({ texts: applyEdit(texts, change), edit: change });
      } catch (error) {
        // A refusal writes nothing; what the writer refuses is checked in the writable and edit tests.
        if (!(error instanceof ProfileEditError || error instanceof IniEditError)) {
          throw error;
        }
      }
    }
    const changes = written.filter((done) => done.edit.kind === 'change').length;
    assert.ok(written.length - changes > 100 && changes > 100, `only ${written.length - changes} adds and ${changes} changes were written`);
    const files = written.flatMap(({ texts }) => (['config', 'credentials'] as const).map((role) => ({ role, text: texts[role] ?? '' })));
    const reads = runBotocore(files);
    files.forEach(({ role, text }, position) => {
      const read = reads[position];
      const what = `${role} after ${JSON.stringify(written[position >> 1]?.edit)}: ${JSON.stringify(text)}`;
      assert.ok(read && 'read' in read, `botocore refused the ${what}`);
      assert.deepEqual(asSdkSections(role, read.read), sdkValuesOf(sharedFile(role, '/x', { text, readError: undefined })), what);
    });
  });
});

describe('applyEdit', () => {
  it('applies each kind of edit as its function does', () => {
    const texts = {
      config: '[profile dev]\nsource_profile = base\nrole_arn = r\n',
      credentials: '[base]\naws_access_key_id = A\naws_secret_access_key = s\n',
    };
    assert.deepEqual(
      applyEdit(texts, { kind: 'add', name: 'new', settings: { region: 'eu-west-1' } }),
      addProfile(texts, 'new', { region: 'eu-west-1' }),
    );
    assert.deepEqual(
      applyEdit(texts, { kind: 'change', name: 'base', changes: { aws_secret_access_key: 't' } }),
      changeSettings(texts, 'base', { aws_secret_access_key: 't' }),
    );
    assert.deepEqual(applyEdit(texts, { kind: 'delete', name: 'dev' }), deleteProfile(texts, 'dev'));
    assert.deepEqual(applyEdit(texts, { kind: 'rename', from: 'base', to: 'main' }), renameProfile(texts, 'base', 'main'));
    assert.match(applyEdit(texts, { kind: 'rename', from: 'base', to: 'main' }).config ?? '', /source_profile = main/);
  });
});
