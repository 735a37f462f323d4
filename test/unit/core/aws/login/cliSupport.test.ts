import * as assert from 'node:assert/strict';
import { awsCliVersion, loginSupport } from '../../../../../src/core/aws/login/cliSupport';

describe('login/cliSupport', () => {
  it('finds aws login in the AWS CLI from version 2.32.0', () => {
    const cases: [string | undefined, boolean, RegExp?][] = [
      ['aws-cli/2.32.0 Python/3.13.9 Linux/6.8 exe/x86_64.ubuntu.24', true],
      ['aws-cli/2.40.3 Python/3.13.9 Darwin/24.1.0 exe/arm64', true],
      ['aws-cli/3.0.0 Python/3.14.0 Linux/6.8', true],
      ['aws-cli/2.31.39 Python/3.13.7 Linux/6.8 exe/x86_64', false, /is version 2\.31\.39\./],
      ['aws-cli/1.45.11 Python/3.11.7 Linux/6.18 botocore/1.43.11', false, /is version 1\.45\.11\./],
      [undefined, false, /no aws command was found on PATH/],
      ['command not found', false, /could not be told/],
    ];
    for (const [output, supported, reason] of cases) {
      const support = loginSupport(output);
      assert.equal(support.supported, supported, String(output));
      if (!support.supported) {
        assert.match(support.reason, /^aws login needs the AWS CLI version 2\.32\.0 or later/);
        assert.match(support.reason, reason ?? /./);
      }
    }
  });

  it('reads the version of the real AWS CLI on PATH', async () => {
    const output = await awsCliVersion();
    assert.ok(output, 'this test needs the AWS CLI (aws) on PATH');
    assert.match(output, /^aws-cli\/\d+\.\d+\.\d+ /);
  });
});
