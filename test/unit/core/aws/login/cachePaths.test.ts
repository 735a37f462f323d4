import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { loginCacheFolder, loginTokenFile, loginTokenFileName } from '../../../../../src/core/aws/login/cachePaths';

const home = path.join(path.sep, 'home', 'alice');
const session = 'arn:aws:iam::123456789012:user/Alice';

describe('login token cache paths', () => {
  it('is ~/.aws/login/cache unless AWS_LOGIN_CACHE_DIRECTORY is set', () => {
    assert.equal(loginCacheFolder({}, home), path.join(home, '.aws', 'login', 'cache'));
    assert.equal(loginCacheFolder({ AWS_LOGIN_CACHE_DIRECTORY: '/tmp/login' }, home), '/tmp/login');
  });

  it('takes AWS_LOGIN_CACHE_DIRECTORY as it is, as the AWS SDK reads it', () => {
    for (const folder of ['~/tokens', '~', '/a/~/b', '']) {
      assert.equal(loginCacheFolder({ AWS_LOGIN_CACHE_DIRECTORY: folder }, home), folder);
    }
  });

  it('names the file by the hex SHA-256 of the session ARN', () => {
    // sha256 of the UTF-8 bytes, computed independently: printf %s "$session" | sha256sum
    assert.equal(loginTokenFileName(session), '67f119a748e39fbe7e9b5e37b3cb10159423c843a3272800b8a2b1bd03d95a04.json');
    assert.equal(
      loginTokenFile('/cache', session),
      path.join('/cache', '67f119a748e39fbe7e9b5e37b3cb10159423c843a3272800b8a2b1bd03d95a04.json'),
    );
    assert.notEqual(loginTokenFileName(`${session} `), loginTokenFileName(session));
  });

  it('names the file as the AWS CLI does: botocore’s own cache key', () => {
    const cli = spawnSync('python3', ['-c', 'import sys, botocore.utils as u; print(u.generate_login_cache_key(sys.argv[1]))', session], {
      encoding: 'utf8',
    });
    assert.equal(cli.status, 0, `this test needs Python with botocore: ${cli.stderr}`);
    assert.equal(loginTokenFileName(session), `${cli.stdout.trim()}.json`);
  });
});
