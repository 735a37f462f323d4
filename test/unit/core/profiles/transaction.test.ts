import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { sharedFilePaths, type SharedFilePaths } from '../../../../src/core/files/paths';
import { addProfile } from '../../../../src/core/profiles/edits';
import { editFiles, newFileHeaders } from '../../../../src/core/profiles/transaction';
import { exists, fakeSecret, listing, modeOf, refusal } from '../../helpers/files';
import { useTempFolder } from '../../helpers/sdkFiles';

describe('editFiles on a fresh home', () => {
  const homeFolder = useTempFolder();
  let home: string;
  let paths: SharedFilePaths;

  const keys = { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: fakeSecret };

  beforeEach(() => {
    home = homeFolder.path;
    paths = sharedFilePaths({ HOME: home });
  });

  it('names the files in HOME/.aws', () => {
    assert.equal(paths.config, path.join(home, '.aws', 'config'));
    assert.equal(paths.credentials, path.join(home, '.aws', 'credentials'));
  });

  it('creates only the credentials file, 0600 with its header, for a profile of access keys', async () => {
    const outcome = await editFiles(paths, (texts) => addProfile(texts, 'work', keys));

    assert.deepEqual(outcome.written, ['credentials']);
    assert.equal(await modeOf(paths.credentials), 0o600);
    assert.equal(await modeOf(path.join(home, '.aws')), 0o700);
    const text = await fs.readFile(paths.credentials, 'utf8');
    assert.ok(text.startsWith(newFileHeaders.credentials), `unexpected start: ${JSON.stringify(text.slice(0, 80))}`);
    assert.equal(
      text,
      `${newFileHeaders.credentials}[work]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${fakeSecret}\n`,
    );
    assert.equal(outcome.texts.credentials, text);
    assert.equal(outcome.texts.config, undefined);
    assert.equal(await exists(paths.config), false);
    assert.deepEqual(await listing(path.join(home, '.aws')), ['credentials']);
  });

  it('creates the config file too, 0600 with its header, when a config key is given', async () => {
    const outcome = await editFiles(paths, (texts) => addProfile(texts, 'work', { ...keys, region: 'eu-west-1' }));

    assert.deepEqual(outcome.written, ['credentials', 'config']);
    assert.equal(await modeOf(paths.credentials), 0o600);
    assert.equal(await modeOf(paths.config), 0o600);
    const config = await fs.readFile(paths.config, 'utf8');
    assert.ok(config.startsWith(newFileHeaders.config));
    assert.equal(config, `${newFileHeaders.config}[profile work]\nregion = eu-west-1\n`);
    assert.ok(!config.includes(fakeSecret));
    const credentials = await fs.readFile(paths.credentials, 'utf8');
    assert.ok(credentials.startsWith(newFileHeaders.credentials));
    assert.ok(!credentials.includes('region'));
    assert.deepEqual(await listing(path.join(home, '.aws')), ['config', 'credentials']);
  });

  it('creates only the config file for a profile with config keys only', async () => {
    const outcome = await editFiles(paths, (texts) => addProfile(texts, 'dev', { region: 'us-east-2' }));
    assert.deepEqual(outcome.written, ['config']);
    assert.equal(await exists(paths.credentials), false);
    assert.equal(await fs.readFile(paths.config, 'utf8'), `${newFileHeaders.config}[profile dev]\nregion = us-east-2\n`);
  });

  it('refuses with reason changed, writing nothing, when the credentials file differs from the expected text', async () => {
    await fs.mkdir(path.join(home, '.aws'), { mode: 0o700 });
    await fs.writeFile(paths.credentials, '[default]\naws_access_key_id = AKIAOTHER\n');
    let called = false;
    await refusal(
      editFiles(
        paths,
        (texts) => {
          called = true;
          return addProfile(texts, 'work', { ...keys, region: 'eu-west-1' });
        },
        { config: undefined, credentials: '[default]\naws_access_key_id = AKIAEXPECTED\n' },
      ),
      'changed',
    );
    assert.equal(called, false);
    assert.equal(await fs.readFile(paths.credentials, 'utf8'), '[default]\naws_access_key_id = AKIAOTHER\n');
    assert.equal(await exists(paths.config), false);
    assert.deepEqual(await listing(path.join(home, '.aws')), ['credentials']);
  });

  it('refuses with reason changed, writing neither file, when only the config file differs from the expected text', async () => {
    await fs.mkdir(path.join(home, '.aws'), { mode: 0o700 });
    const credentials = '[default]\naws_access_key_id = AKIAOTHER\n';
    await fs.writeFile(paths.credentials, credentials);
    await fs.writeFile(paths.config, '[default]\nregion = us-west-2\n');
    await refusal(
      editFiles(paths, (texts) => addProfile(texts, 'work', { ...keys, region: 'eu-west-1' }), {
        config: '[default]\nregion = eu-central-1\n',
        credentials,
      }),
      'changed',
    );
    assert.equal(await fs.readFile(paths.credentials, 'utf8'), credentials);
    assert.equal(await fs.readFile(paths.config, 'utf8'), '[default]\nregion = us-west-2\n');
  });

  it('refuses with reason changed when a file expected absent now exists', async () => {
    await fs.mkdir(path.join(home, '.aws'), { mode: 0o700 });
    await fs.writeFile(paths.config, '[default]\n');
    await refusal(
      editFiles(paths, (texts) => addProfile(texts, 'work', { ...keys, region: 'eu-west-1' }), {
        config: undefined,
        credentials: undefined,
      }),
      'changed',
    );
    assert.equal(await exists(paths.credentials), false);
    assert.equal(await fs.readFile(paths.config, 'utf8'), '[default]\n');
  });

  it('writes when the expected texts match the disk', async () => {
    const first = await editFiles(paths, (texts) => addProfile(texts, 'one', { region: 'eu-west-1' }));
    const second = await editFiles(paths, (texts) => addProfile(texts, 'two', keys), first.texts);
    assert.deepEqual(second.written, ['credentials']);
    assert.equal(await fs.readFile(paths.config, 'utf8'), first.texts.config);
    assert.ok((await fs.readFile(paths.credentials, 'utf8')).includes('[two]'));
  });

  // The module promises "a refused edit changes nothing"; a read-only config file must not leave
  // the credentials half of a two-file edit written.
  it('refuses an edit whose config file is read-only without writing the credentials file', async () => {
    await fs.mkdir(path.join(home, '.aws'), { mode: 0o700 });
    await fs.writeFile(paths.config, '[default]\nregion = us-west-2\n');
    await fs.chmod(paths.config, 0o444);
    await refusal(
      editFiles(paths, (texts) => addProfile(texts, 'work', { ...keys, region: 'eu-west-1' })),
      'readOnly',
    );
    assert.equal(await fs.readFile(paths.config, 'utf8'), '[default]\nregion = us-west-2\n');
    assert.equal(await exists(paths.credentials), false, 'the credentials file was written although the edit was refused');
  });

  it('applies every one of several edits made at once, one after the other, leaving no lock or temporary file', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    await Promise.all(names.map((name) => editFiles(paths, (texts) => addProfile(texts, name, { ...keys, region: 'eu-west-1' }))));
    const credentials = await fs.readFile(paths.credentials, 'utf8');
    const config = await fs.readFile(paths.config, 'utf8');
    for (const name of names) {
      assert.ok(credentials.includes(`[${name}]\n`), `profile ${name} lost from the credentials file`);
      assert.ok(config.includes(`[profile ${name}]\n`), `profile ${name} lost from the config file`);
    }
    assert.deepEqual(await listing(path.join(home, '.aws')), ['config', 'credentials']);
  });

  it('writes neither file when another program writes the config file while the edit is being saved', async () => {
    await fs.mkdir(path.join(home, '.aws'), { mode: 0o700 });
    await fs.writeFile(paths.credentials, '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n');
    await fs.writeFile(paths.config, '[default]\nregion = us-west-2\n');
    const error = await refusal(
      editFiles(paths, (texts) => {
        const after = addProfile(texts, 'work', { ...keys, region: 'eu-west-1' });
        // Lands after the edit was built: the last checks see it, and neither file is replaced.
        void fs.appendFile(paths.config, '# edited elsewhere\n');
        return after;
      }),
      'changed',
    );
    assert.match(error.message, /config/);
    assert.equal(await fs.readFile(paths.credentials, 'utf8'), '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n');
    assert.equal(await fs.readFile(paths.config, 'utf8'), '[default]\nregion = us-west-2\n# edited elsewhere\n');
    assert.deepEqual(await listing(path.join(home, '.aws')), ['config', 'credentials']);
  });
});
