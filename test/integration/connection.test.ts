import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually } from '../eventually';
import type { AwsCredentialManagerApi } from '../../src/api';

const extensionId = 'aws-credential-manager.aws-credential-manager';
const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

async function api(): Promise<AwsCredentialManagerApi> {
  const extension = vscode.extensions.getExtension<AwsCredentialManagerApi>(extensionId);
  assert.ok(extension);
  return extension.activate();
}

function until<T>(read: () => T | Promise<T>, test: (value: T) => boolean, what: string): Promise<T> {
  return eventually(read, test, (value) => `${what}; last seen: ${JSON.stringify(value)}`);
}

describe('the connection in VS Code', () => {
  before(async () => {
    mkdirSync(path.dirname((await api()).sharedFiles.credentials), { recursive: true });
  });
  after(async () => {
    await vscode.commands.executeCommand('awsCredentialManager.disconnect');
    rmSync(path.dirname((await api()).sharedFiles.credentials), { recursive: true, force: true });
  });

  it('connects through the local endpoint, and gives new terminals AWS_PROFILE and AWS_REGION', async () => {
    const manager = await api();
    writeFileSync(manager.sharedFiles.credentials, `[default]\n${keys}\n[term]\n${keys}region = eu-central-1\n`);
    await until(
      () => manager.profiles(),
      (profiles) => profiles.some((profile) => profile.name === 'term'),
      'the profile is read',
    );
    await vscode.commands.executeCommand('awsCredentialManager.connectProfile', 'term');
    const state = manager.connection();
    assert.equal(state.kind, 'connected');
    assert.equal(state.kind === 'connected' && state.identity.account, '123456789012');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-terminal-'));
    const output = path.join(folder, 'env');
    const terminal = vscode.window.createTerminal({
      name: 'env check',
      shellPath: '/bin/sh',
      shellArgs: ['-c', `echo "$AWS_PROFILE $AWS_REGION" > ${output}`],
    });
    await until(() => existsSync(output) && readFileSync(output, 'utf8').includes('\n'), Boolean, 'the terminal ran');
    assert.equal(readFileSync(output, 'utf8'), 'term eu-central-1\n');
    terminal.dispose();
  });

  it("connects again by itself when the connected profile's keys change on disk, and disconnects when it is deleted", async () => {
    const manager = await api();
    await vscode.commands.executeCommand('awsCredentialManager.connectProfile', 'term');
    writeFileSync(
      manager.sharedFiles.credentials,
      `[default]\n${keys}\n[term]\naws_access_key_id = AKIAUNKNOWNEXAMPLE00\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`,
    );
    await until(
      () => manager.connection(),
      (state) => state.kind === 'expired' || state.kind === 'failed',
      'the changed keys are tried at once',
    );
    writeFileSync(manager.sharedFiles.credentials, `[default]\n${keys}\n[term]\n${keys}`);
    await until(
      () => manager.connection(),
      (state) => state.kind === 'connected',
      'good keys connect again without a click',
    );
    writeFileSync(manager.sharedFiles.credentials, `[default]\n${keys}`);
    await until(
      () => manager.connection(),
      (state) => state.kind === 'disconnected',
      'a deleted profile disconnects',
    );
  });

  it('refuses to connect while the files hold a profile named like a JavaScript built-in, which the SDK would write onto Object', async () => {
    const manager = await api();
    writeFileSync(manager.sharedFiles.credentials, `[default]\n${keys}\n[constructor]\n${keys}`);
    await until(
      () => manager.profiles(),
      (profiles) => profiles.some((profile) => profile.name === 'constructor'),
      'the profile is read',
    );
    await vscode.commands.executeCommand('awsCredentialManager.connectProfile', 'default');
    const state = manager.connection();
    assert.equal(state.kind, 'failed');
    assert.match(JSON.stringify(state), /a name every JavaScript object has/);
    assert.equal((Object as unknown as Record<string, unknown>)['aws_access_key_id'], undefined, 'the SDK wrote onto Object');
    writeFileSync(manager.sharedFiles.credentials, `[default]\n${keys}`);
    await until(
      () => manager.profiles(),
      (profiles) => !profiles.some((profile) => profile.name === 'constructor'),
      'the profile is gone',
    );
  });
});
