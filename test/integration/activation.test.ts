import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsCredentialManagerApi } from '../../src/api';
import { eventually } from '../eventually';

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

// Before connection.test: once loaded, the SDK code stays loaded in this extension host.
describe('the AWS SDK code in VS Code', () => {
  const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

  after(async () => {
    const { credentials } = (await vscode.extensions.getExtension<AwsCredentialManagerApi>(extensionId)?.activate())?.sharedFiles ?? {};
    if (credentials) {
      rmSync(path.dirname(credentials), { recursive: true, force: true });
    }
  });

  it('is not loaded by activation or the reads, and is loaded while the Connect to AWS pick is shown, before any choice', async () => {
    const extension = vscode.extensions.getExtension<AwsCredentialManagerApi>(extensionId);
    assert.ok(extension);
    const manager = await extension.activate();
    const sdkLoaded = (): boolean => path.join(extension.extensionPath, 'dist', 'lazy', 'sdk.js') in require.cache;
    await manager.profiles();
    assert.equal(sdkLoaded(), false, 'activation and the first read loaded the AWS SDK code');
    mkdirSync(path.dirname(manager.sharedFiles.credentials), { recursive: true });
    writeFileSync(manager.sharedFiles.credentials, `[intent]\n${keys}`);
    await eventually(
      () => manager.profiles(),
      (profiles) => profiles.some((profile) => profile.name === 'intent'),
      () => 'the profile was not read',
    );
    assert.equal(sdkLoaded(), false, 'reading a profile loaded the AWS SDK code');
    const pick = vscode.commands.executeCommand('awsCredentialManager.connect');
    await eventually(sdkLoaded, Boolean, () => 'the AWS SDK code was not loaded while the pick was shown', { timeoutMs: 5_000 });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await pick;
    assert.equal(manager.connection().kind, 'disconnected');
  });
});
