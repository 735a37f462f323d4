import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as vscode from 'vscode';

const extensionId = 'aws-credential-manager.aws-credential-manager';

describe('the extension in VS Code', () => {
  it('is installed and activates when its command runs', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded`);
    await vscode.commands.executeCommand('awsCredentialManager.showLogs');
    assert.equal(extension.isActive, true);
  });

  it('registers every command it contributes', async () => {
    const contributed = (
      vscode.extensions.getExtension(extensionId)?.packageJSON as { contributes: { commands: { command: string }[] } }
    ).contributes.commands.map((entry) => entry.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(contributed.length > 0);
    assert.deepEqual(
      contributed.filter((command) => !registered.has(command)),
      [],
    );
  });

  it("runs with a throw-away HOME, never the user's", () => {
    assert.notEqual(process.env['HOME'], os.userInfo().homedir);
    assert.match(process.env['HOME'] ?? '', /aws-cm-vscode-/);
  });
});
