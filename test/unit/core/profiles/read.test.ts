import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readSharedFiles } from '../../../../src/core/profiles/read';
import { iniText } from '../../helpers/iniArbitraries';
import { loadTexts, sdkRead, sdkValuesOf, withTempFolder, writeTexts } from '../../helpers/sdkFiles';

describe('readSharedFiles', () => {
  it('sees every edit: each load reads the files afresh', async () => {
    await withTempFolder(async (folder) => {
      const paths = await writeTexts(folder, { config: '[default]\nregion = us-east-1\n', credentials: undefined });
      const first = await readSharedFiles(paths);
      await fs.writeFile(paths.config, '[default]\nregion = eu-west-1\n');
      const second = await readSharedFiles(paths);
      assert.equal(sdkValuesOf(first.config)['default']?.['region'], 'us-east-1');
      assert.equal(sdkValuesOf(second.config)['default']?.['region'], 'eu-west-1');
      assert.equal(second.config.text, '[default]\nregion = eu-west-1\n');
      assert.equal(second.credentials.text, undefined);
      assert.equal(second.credentials.readError, undefined);
    });
  });

  it('tells why a file cannot be read, and reads the other one', async () => {
    await withTempFolder(async (folder) => {
      const paths = await writeTexts(folder, { config: undefined, credentials: '[a]\nk = v\n' });
      await fs.mkdir(paths.config);
      const files = await readSharedFiles(paths);
      assert.match(files.config.readError ?? '', /folder/);
      assert.equal(sdkValuesOf(files.credentials)['a']?.['k'], 'v');
    });
  });

  it('reads the values the SDK loader reads, from both files (property)', async () => {
    await fc.assert(
      fc.asyncProperty(iniText, iniText, async (config, credentials) => {
        const [ours, sdk] = await Promise.all([loadTexts({ config, credentials }), sdkRead({ config, credentials })]);
        assert.deepEqual(sdkValuesOf(ours.config), sdk.configFile);
        assert.deepEqual(sdkValuesOf(ours.credentials), sdk.credentialsFile);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a file the SDK refuses as empty, like the SDK loader', async () => {
    const config = '[profile a]\nregion = eu-west-1\n[profile __proto__]\nregion = us-east-1\n';
    const [ours, sdk] = await Promise.all([loadTexts({ config, credentials: undefined }), sdkRead({ config, credentials: undefined })]);
    assert.deepEqual([Object.keys(sdkValuesOf(ours.config)).length, sdk.configFile], [0, {}]);
  });

  it('treats a missing folder like a missing file', async () => {
    await withTempFolder(async (folder) => {
      const files = await readSharedFiles({
        config: path.join(folder, 'no', 'config'),
        credentials: path.join(folder, 'no', 'credentials'),
      });
      assert.deepEqual(
        [files.config.text, files.config.readError, Object.keys(sdkValuesOf(files.config)).length],
        [undefined, undefined, 0],
      );
    });
  });
});
