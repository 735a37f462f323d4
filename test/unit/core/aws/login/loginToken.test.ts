import * as assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fromIni } from '@aws-sdk/credential-providers';
import { loginRefusal, loginTokenProblem } from '../../../../../src/core/aws/login/loginToken';
import { LoginNeeded } from '../../../../../src/core/aws/errors';
import { useTempFolder, writeTexts } from '../../../helpers/sdkFiles';

const session = 'arn:aws:iam::123456789012:user/Alice';

describe('login/loginToken', () => {
  const folder = useTempFolder();

  it('says why a token file cannot be used: missing, unreadable, or without the fields the SDK needs', async () => {
    const file = path.join(folder.path, 'token.json');
    assert.match(
      String((await loginTokenProblem(file, session))?.message),
      /There is no aws login sign-in for session arn:aws:iam::123456789012:user\/Alice/,
    );
    await writeFile(file, '{"accessToken": ');
    assert.match(String((await loginTokenProblem(file, session))?.message), /cannot be read/);
    await writeFile(
      file,
      JSON.stringify({ accessToken: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE' }, clientId: 'arn:aws:signin:::devtools/same-device' }),
    );
    assert.match(String((await loginTokenProblem(file, session))?.message), /lacks refreshToken, dpopKey/);
    await writeFile(file, JSON.stringify({ accessToken: {}, clientId: 'c', refreshToken: 'EXAMPLE', dpopKey: 'EXAMPLE' }));
    assert.equal(await loginTokenProblem(file, session), undefined);
  });

  it('takes the SDK’s refusal of a missing sign-in as a sign-in needed', async () => {
    const paths = await writeTexts(folder.path, {
      config: `[profile dev]\nlogin_session = ${session}\nregion = us-east-1\n`,
      credentials: '',
    });
    const previous = process.env['AWS_LOGIN_CACHE_DIRECTORY'];
    process.env['AWS_LOGIN_CACHE_DIRECTORY'] = path.join(folder.path, 'cache');
    try {
      const refused = await fromIni({
        profile: 'dev',
        filepath: paths.credentials,
        configFilepath: paths.config,
        ignoreCache: true,
      })().then(
        () => undefined,
        (error: unknown) => error,
      );
      assert.ok(refused instanceof Error);
      assert.ok(loginRefusal(refused) instanceof LoginNeeded);
    } finally {
      if (previous === undefined) {
        delete process.env['AWS_LOGIN_CACHE_DIRECTORY'];
      } else {
        process.env['AWS_LOGIN_CACHE_DIRECTORY'] = previous;
      }
    }
  });

  it('leaves a failure to reach AWS, and any other error, as it is', () => {
    const offline = Object.assign(
      new Error('Failed to refresh token: Error: connect ECONNREFUSED 127.0.0.1:9. Please re-authenticate using aws login'),
      {
        name: 'CredentialsProviderError',
      },
    );
    assert.equal(loginRefusal(offline), undefined);
    assert.equal(loginRefusal(new Error('Your session has expired.')), undefined, 'not the SDK’s credentials error');
    const expired = Object.assign(new Error('Your session has expired. Please reauthenticate.'), { name: 'CredentialsProviderError' });
    assert.match(String(loginRefusal(expired)?.message), /has ended/);
  });
});
