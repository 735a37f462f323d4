import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getHomeDir, loadSharedConfigFiles } from '@smithy/core/config';
import { expandHome, homeDirectory, sharedFilePaths } from '../../../../src/core/files/paths';
import type { Environment } from '../../../../src/core/files/paths';
import { root } from '../../../host/install';
import { useTempFolder } from '../../helpers/sdkFiles';

const homeVariables = ['HOME', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH'] as const;

/** Runs `run` with the given variables set (undefined: unset), then restores every one of them. */
async function withEnv<T>(vars: Environment, run: () => T | Promise<T>): Promise<T> {
  const saved = new Map<string, string | undefined>();
  for (const name of Object.keys(vars)) {
    saved.set(name, process.env[name]);
    const value = vars[name];
    if (value === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = value;
    }
  }
  try {
    return await run();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  }
}

/**
 * The SDK's getHomeDir and our homeDirectory(process.env), both computed in a fresh Node process
 * with `vars` as its only home variables: the SDK caches os.homedir() once per process, so only
 * a fresh process shows what it does on its first call.
 */
function homesInFreshProcess(vars: Environment): { sdk: string; ours: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of homeVariables) {
    delete env[name];
  }
  Object.assign(env, vars);
  const script = [
    "const { getHomeDir } = require('@smithy/core/config');",
    `const { homeDirectory } = require(${JSON.stringify(require.resolve('../../../../src/core/files/paths'))});`,
    'process.stdout.write(JSON.stringify({ sdk: getHomeDir(), ours: homeDirectory(process.env) }));',
  ].join('\n');
  const output = execFileSync(process.execPath, ['-e', script], { env, cwd: root, encoding: 'utf8' });
  return JSON.parse(output) as { sdk: string; ours: string };
}

/** Every home variable unset, except those given. */
function homeEnv(vars: Environment): Environment {
  const env: Record<string, string | undefined> = {};
  for (const name of homeVariables) {
    env[name] = vars[name];
  }
  return env;
}

describe('paths', () => {
  describe('homeDirectory', () => {
    it('prefers HOME to USERPROFILE', () => {
      assert.equal(homeDirectory({ HOME: '/home/me', USERPROFILE: 'C:\\Users\\me', HOMEDRIVE: 'D:', HOMEPATH: '\\other' }), '/home/me');
    });

    it('uses USERPROFILE when HOME is unset or empty', () => {
      assert.equal(homeDirectory({ USERPROFILE: 'C:\\Users\\me', HOMEDRIVE: 'D:', HOMEPATH: '\\other' }), 'C:\\Users\\me');
      assert.equal(homeDirectory({ HOME: '', USERPROFILE: 'C:\\Users\\me' }), 'C:\\Users\\me');
    });

    it('joins HOMEDRIVE and HOMEPATH', () => {
      assert.equal(homeDirectory({ HOMEDRIVE: 'D:', HOMEPATH: '\\Users\\me' }), 'D:\\Users\\me');
    });

    it('defaults HOMEDRIVE to C: and the path separator', () => {
      assert.equal(homeDirectory({ HOMEPATH: 'Users' }), `C:${path.sep}Users`);
    });

    it('falls back to os.homedir()', () => {
      assert.equal(homeDirectory({}), os.homedir());
      assert.equal(homeDirectory({ HOME: '', USERPROFILE: '', HOMEPATH: '' }), os.homedir());
      assert.equal(homeDirectory({ HOMEDRIVE: 'D:' }), os.homedir());
    });

    it('reads process.env by default', async () => {
      await withEnv({ HOME: '/from/process/env' }, () => {
        assert.equal(homeDirectory(), '/from/process/env');
      });
    });

    const combinations: readonly Environment[] = [
      { HOME: '/home/me', USERPROFILE: '/profile/me', HOMEDRIVE: 'D:', HOMEPATH: '\\p' },
      { USERPROFILE: '/profile/me', HOMEDRIVE: 'D:', HOMEPATH: '\\p' },
      { HOME: '', USERPROFILE: '/profile/me' },
      { HOMEDRIVE: 'D:', HOMEPATH: '\\Users\\me' },
      { HOMEPATH: '\\Users\\me' },
      { HOMEDRIVE: '', HOMEPATH: 'relative' },
      { HOMEDRIVE: 'D:' },
      { USERPROFILE: '', HOMEDRIVE: '', HOMEPATH: '' },
      {},
    ];
    for (const vars of combinations) {
      it(`agrees with the SDK's getHomeDir for ${JSON.stringify(vars)}`, async () => {
        const env = homeEnv(vars);
        await withEnv(env, () => {
          const sdk = getHomeDir();
          assert.equal(homeDirectory(env), sdk);
          assert.equal(homeDirectory(process.env), sdk);
        });
      });
    }

    // HOME set but empty falls back to os.homedir(), which then reads that empty HOME; the SDK
    // does the same on its first call but caches the answer, so compare in fresh processes.
    for (const vars of [...combinations, { HOME: '' }, { HOME: '', USERPROFILE: '', HOMEDRIVE: '', HOMEPATH: '' }] as const) {
      it(`agrees with the SDK's getHomeDir in a fresh process for ${JSON.stringify(vars)}`, () => {
        const { sdk, ours } = homesInFreshProcess(vars);
        assert.equal(ours, sdk);
      });
    }

    it('restores the environment after the SDK comparisons', async () => {
      const before = homeVariables.map((name) => process.env[name]);
      await withEnv(homeEnv({ HOME: '/scratch.path/changed' }), () => {
        assert.equal(process.env['HOME'], '/scratch.path/changed');
      });
      assert.deepEqual(
        homeVariables.map((name) => process.env[name]),
        before,
      );
    });
  });

  describe('expandHome', () => {
    const env = { HOME: '/home/me' };

    it('expands a leading ~/', () => {
      assert.equal(expandHome('~/x', env), path.join('/home/me', 'x'));
      assert.equal(expandHome('~/.aws/config', env), path.join('/home/me', '.aws', 'config'));
    });

    it('leaves ~user, a bare ~ and other paths alone', () => {
      assert.equal(expandHome('~user/x', env), '~user/x');
      assert.equal(expandHome('~', env), '~');
      assert.equal(expandHome('/abs/~/x', env), '/abs/~/x');
      assert.equal(expandHome('relative/x', env), 'relative/x');
    });
  });

  describe('sharedFilePaths', () => {
    it('defaults to the files in ~/.aws', () => {
      assert.deepEqual(sharedFilePaths({ HOME: '/home/me' }), {
        config: path.join('/home/me', '.aws', 'config'),
        credentials: path.join('/home/me', '.aws', 'credentials'),
      });
    });

    it('uses AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE when set', () => {
      assert.deepEqual(
        sharedFilePaths({ HOME: '/home/me', AWS_CONFIG_FILE: '/etc/aws/config', AWS_SHARED_CREDENTIALS_FILE: '/etc/aws/creds' }),
        {
          config: '/etc/aws/config',
          credentials: '/etc/aws/creds',
        },
      );
    });

    it('falls back to ~/.aws when the variables are empty', () => {
      assert.deepEqual(sharedFilePaths({ HOME: '/home/me', AWS_CONFIG_FILE: '', AWS_SHARED_CREDENTIALS_FILE: '' }), {
        config: path.join('/home/me', '.aws', 'config'),
        credentials: path.join('/home/me', '.aws', 'credentials'),
      });
    });

    it('expands ~/ in the variables, but not ~user nor a bare ~', () => {
      assert.equal(sharedFilePaths({ HOME: '/home/me', AWS_CONFIG_FILE: '~/x' }).config, path.join('/home/me', 'x'));
      assert.equal(
        sharedFilePaths({ HOME: '/home/me', AWS_SHARED_CREDENTIALS_FILE: '~/y/creds' }).credentials,
        path.join('/home/me', 'y', 'creds'),
      );
      assert.equal(sharedFilePaths({ HOME: '/home/me', AWS_CONFIG_FILE: '~user/x' }).config, '~user/x');
      assert.equal(sharedFilePaths({ HOME: '/home/me', AWS_CONFIG_FILE: '~' }).config, '~');
    });

    it('uses the same home as the SDK when HOME is unset', () => {
      assert.equal(sharedFilePaths({ USERPROFILE: '/profile/me' }).config, path.join('/profile/me', '.aws', 'config'));
    });

    describe('against the SDK loader', () => {
      const scratch = useTempFolder();

      it('reads the same files the SDK reads for AWS_CONFIG_FILE=~/custom/config', async () => {
        const customConfig = path.join(scratch.path, 'custom', 'config');
        const customCredentials = path.join(scratch.path, 'custom', 'credentials');
        await fs.mkdir(path.join(scratch.path, 'custom'), { recursive: true });
        await fs.mkdir(path.join(scratch.path, '.aws'), { recursive: true });
        await fs.writeFile(customConfig, '[profile custom]\nregion = ap-southeast-2\n');
        await fs.writeFile(customCredentials, '[custom]\naws_access_key_id = AKIACUSTOM\n');
        // Decoys at the default paths: the SDK must not read these.
        await fs.writeFile(path.join(scratch.path, '.aws', 'config'), '[profile decoy]\nregion = us-east-1\n');
        await fs.writeFile(path.join(scratch.path, '.aws', 'credentials'), '[decoy]\naws_access_key_id = AKIADECOY\n');

        await withEnv(
          {
            ...homeEnv({ HOME: scratch.path }),
            AWS_CONFIG_FILE: '~/custom/config',
            AWS_SHARED_CREDENTIALS_FILE: '~/custom/credentials',
          },
          async () => {
            const paths = sharedFilePaths(process.env);
            assert.equal(paths.config, customConfig);
            assert.equal(paths.credentials, customCredentials);

            const sdk = await loadSharedConfigFiles({ ignoreCache: true });
            assert.equal(sdk.configFile['custom']?.['region'], 'ap-southeast-2');
            assert.equal(sdk.configFile['decoy'], undefined);
            assert.equal(sdk.credentialsFile['custom']?.['aws_access_key_id'], 'AKIACUSTOM');
            assert.equal(sdk.credentialsFile['decoy'], undefined);

            // The file our path names is the one the SDK read: change it and the SDK follows.
            await fs.writeFile(paths.config, '[profile custom]\nregion = eu-north-1\n');
            const again = await loadSharedConfigFiles({ ignoreCache: true });
            assert.equal(again.configFile['custom']?.['region'], 'eu-north-1');
          },
        );
      });

      it('reads the same default files as the SDK when the variables are empty', async () => {
        await fs.mkdir(path.join(scratch.path, '.aws'), { recursive: true });
        await fs.writeFile(path.join(scratch.path, '.aws', 'config'), '[profile home]\nregion = sa-east-1\n');
        await withEnv({ ...homeEnv({ HOME: scratch.path }), AWS_CONFIG_FILE: '', AWS_SHARED_CREDENTIALS_FILE: '' }, async () => {
          const paths = sharedFilePaths(process.env);
          assert.equal(paths.config, path.join(scratch.path, '.aws', 'config'));
          const sdk = await loadSharedConfigFiles({ ignoreCache: true });
          assert.equal(sdk.configFile['home']?.['region'], 'sa-east-1');
        });
      });
    });
  });
});
