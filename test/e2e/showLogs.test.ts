import * as assert from 'node:assert/strict';
import { ui } from './session';
import { outputText, runCommand } from './workbench';

describe('AWS: Show Logs', () => {
  it("shows why a profile from the AWS guide's typo is not used", async () => {
    const { page, writeHomeFile } = ui();
    writeHomeFile(
      '.aws/credentials',
      '[default]\nxaws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    );
    await runCommand(page, 'AWS: Show Logs');
    // The log holds other profiles' lines from earlier tests: wait for this profile's.
    const text = await outputText(page, 'Shared Credentials Profile default is not valid. It will not be used.');
    assert.match(
      text,
      /Profile default is not a valid Credential Profile: missing properties: aws_access_key_id \(xaws_access_key_id looks like a misspelling of it\)/,
    );
    assert.match(text, /Shared Credentials Profile default is not valid\. It will not be used\./);
    assert.doesNotMatch(text, /wJalrXUtnFEMI/);
  });
});
