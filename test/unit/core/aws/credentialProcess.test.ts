import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { processCredentials } from '../../../../src/core/aws/credentialProcess';
import { describeAwsError } from '../../../../src/core/aws/errors';
import { isRunning } from '../../../../src/core/files/processes';
import { eventually } from '../../../eventually';
import { useTempFolder } from '../../helpers/sdkFiles';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('credentialProcess', () => {
  const folder = useTempFolder();

  /** A credential_process: a Node script, run through the shell as the SDK runs it. */
  async function command(source: string): Promise<string> {
    const script = path.join(folder.path, `process-${Math.random().toString(36).slice(2)}.js`);
    await writeFile(script, source);
    return `"${process.execPath}" "${script}"`;
  }

  async function failure(source: string, timeoutMs = 10_000, signal?: AbortSignal): Promise<string> {
    const problem = await processCredentials('tool', await command(source), { timeoutMs, signal }).then(
      () => assert.fail('the process was expected to fail'),
      (error: unknown) => describeAwsError(error),
    );
    return `${problem.kind}: ${problem.message}`;
  }

  it('reads Version 1 JSON: keys, a session token and an expiration', async () => {
    const expiration = new Date(Date.now() + 3_600_000).toISOString();
    const printed = {
      Version: 1,
      AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      SecretAccessKey: secret,
      SessionToken: 'FwoEXAMPLE',
      Expiration: expiration,
    };
    const credentials = await processCredentials('tool', await command(`console.log(JSON.stringify(${JSON.stringify(printed)}))`), {
      timeoutMs: 10_000,
    });
    assert.deepEqual(credentials, {
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      secretAccessKey: secret,
      sessionToken: 'FwoEXAMPLE',
      expiration: new Date(expiration),
    });
  });

  it('says the exit code and the end of standard error, with secrets masked', async () => {
    const said = await failure(`console.error('token refresh failed for ${secret}'); process.exit(3);`);
    assert.match(said, /^other: The credential_process of profile tool exited with code 3: token refresh failed for \*+\.$/);
    assert.doesNotMatch(said, /EXAMPLEKEY/);
    assert.match(await failure('process.exit(1)'), /exited with code 1, printing nothing on its standard error/);
    // A secret where the message is cut (400 characters from the end) is masked whole first, so no piece of it is quoted.
    for (let after = 360; after <= 400; after += 4) {
      const cut = await failure(`console.error('x'.repeat(100) + ' ${secret} ' + 'y'.repeat(${after})); process.exit(3);`);
      assert.doesNotMatch(cut, /EXAMPLEKEY|CYEX|K7MDENG|FEMI/, `${after} characters after the secret`);
      assert.match(cut, /exited with code 3: \.\.\.(\*{8} )?y+\.$/);
    }
  });

  it('says what is wrong with what it printed', async () => {
    assert.match(await failure("console.log('hello')"), /printed something that is not JSON/);
    assert.match(
      await failure(`console.log(JSON.stringify({ Version: 2, AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', SecretAccessKey: '${secret}' }))`),
      /did not print "Version": 1/,
    );
    assert.match(
      await failure("console.log(JSON.stringify({ Version: 1, AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }))"),
      /printed no AccessKeyId and SecretAccessKey/,
    );
    const expired = `console.log(JSON.stringify({ Version: 1, AccessKeyId: 'ASIAIOSFODNN7EXAMPLE', SecretAccessKey: '${secret}', Expiration: '2020-01-01T00:00:00Z' }))`;
    assert.match(await failure(expired), /printed credentials that expired at 2020-01-01T00:00:00.000Z/);
    assert.match(await failure(expired.replace('2020-01-01T00:00:00Z', 'tomorrow')), /printed an Expiration that is not a date and time/);
  });

  it('stops a process that hangs, and what it started, when the time is up', async () => {
    const pidFile = path.join(folder.path, 'pid');
    // The script starts a child of its own that would outlive it.
    const hanging = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)']).pid)); setTimeout(() => {}, 600000);`;
    assert.match(
      await failure(hanging, 1_000),
      /^other: The credential_process of profile tool did not finish within 1 s, so it was stopped\.$/,
    );
    const pid = Number(await readFile(pidFile, 'utf8'));
    await eventually(
      () => isRunning(pid),
      (running) => !running,
      () => `the process the credential_process started (${pid}) still runs`,
    );
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    assert.match(await failure('setTimeout(() => {}, 600000)', 60_000, controller.signal), /^cancelled:/);
  });
});
