import * as assert from 'node:assert/strict';
import { mkdirSync, statSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually } from '../eventually';
import type { AwsCredentialManagerApi, ProfileSummary } from '../../src/api';

const extensionId = 'aws-credential-manager.aws-credential-manager';
const home = process.env['HOME'] ?? '';

async function api(): Promise<AwsCredentialManagerApi> {
  const extension = vscode.extensions.getExtension<AwsCredentialManagerApi>(extensionId);
  assert.ok(extension);
  return extension.activate();
}

/** The profiles the extension reports, once `test` accepts them; it must see the change by itself. */
async function profilesWhen(test: (profiles: ProfileSummary[]) => boolean): Promise<ProfileSummary[]> {
  const manager = await api();
  return eventually(
    () => manager.profiles(),
    test,
    (last) => `The change was not seen within 5 s; the extension reports ${JSON.stringify(last)}`,
    { timeoutMs: 5_000, intervalMs: 50 },
  );
}

describe('profiles in VS Code', () => {
  it('contributes the Profiles view in the AWS container', async () => {
    await vscode.commands.executeCommand('awsCredentialManager.profiles.focus');
    const views = (vscode.extensions.getExtension(extensionId)?.packageJSON as { contributes: { views: Record<string, { id: string }[]> } })
      .contributes.views;
    assert.deepEqual(
      views['awsCredentialManager']?.map((view) => view.id),
      ['awsCredentialManager.explorer', 'awsCredentialManager.profiles'],
    );
  });

  it('reads AWS_CONFIG_FILE with ~ expanded, like the SDK', async () => {
    const manager = await api();
    assert.equal(manager.sharedFiles.config, path.join(home, 'created-later', 'aws-config'));
    assert.equal(manager.sharedFiles.credentials, path.join(home, '.aws', 'credentials'));
  });

  it('Edit Credentials creates a private credentials file with its header when there are no files', async () => {
    const { credentials, config } = (await api()).sharedFiles;
    assert.equal(existsSync(credentials), false);
    await vscode.commands.executeCommand('awsCredentialManager.editCredentials');
    assert.match(readFileSync(credentials, 'utf8'), /^# AWS shared credentials file/);
    assert.equal(statSync(credentials).mode & 0o777, 0o600);
    assert.equal(statSync(path.dirname(credentials)).mode & 0o777, 0o700);
    assert.equal(existsSync(config), false, 'the config file is not created');
    assert.ok(vscode.window.visibleTextEditors.some((editor) => editor.document.uri.fsPath === credentials));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sees profiles written by another program, also in a file whose folder is created later', async () => {
    const { credentials, config } = (await api()).sharedFiles;
    writeFileSync(
      credentials,
      '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    );
    const withDefault = await profilesWhen((profiles) => profiles.some((profile) => profile.name === 'default'));
    assert.deepEqual(
      withDefault.map((profile) => [profile.name, profile.kind, profile.status]),
      [['default', 'staticKeys', 'valid']],
    );
    mkdirSync(path.dirname(config));
    writeFileSync(
      config,
      '[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Developer\nsource_profile = default\nregion = eu-west-1\n',
    );
    const withRole = await profilesWhen((profiles) => profiles.some((profile) => profile.name === 'dev'));
    assert.deepEqual(
      withRole.find((profile) => profile.name === 'dev'),
      { name: 'dev', kind: 'assumeRole', status: 'valid', region: 'eu-west-1', problems: [] },
    );
  });

  it("sees a save in the editor, and explains the typo from AWS's guide", async () => {
    const { credentials } = (await api()).sharedFiles;
    const document = await vscode.workspace.openTextDocument(credentials);
    const editor = await vscode.window.showTextDocument(document);
    // VS Code may still hold the text it read before the other program wrote the file.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.getText(), readFileSync(credentials, 'utf8'));
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'x')));
    assert.equal(await document.save(), true);
    assert.match(readFileSync(credentials, 'utf8'), /^xaws_access_key_id/m);
    const profiles = await profilesWhen((list) => list.some((profile) => profile.status === 'invalid'));
    const typo = profiles.find((profile) => profile.name === 'default');
    assert.equal(typo?.status, 'invalid');
    assert.match(typo?.problems.join('\n') ?? '', /xaws_access_key_id looks like a misspelling of it/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the file of AWS_CONFIG_FILE as AWS Config, wherever it is, and underlines a typo there as it is typed', async () => {
    const { config } = (await api()).sharedFiles;
    assert.ok(!config.includes(`${path.sep}.aws${path.sep}`), 'the file is outside any .aws folder');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(config));
    const opened = await eventually(
      () => vscode.window.activeTextEditor?.document,
      (document) => document?.languageId === 'aws-config',
      (document) => `${config} opened as ${document?.languageId ?? 'nothing'}`,
    );
    assert.ok(opened);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && (await editor.edit((edit) => edit.replace(new vscode.Range(3, 0, 3, 'region'.length), 'regoin'))));
    const diagnostics = await eventually(
      () => vscode.languages.getDiagnostics(opened.uri),
      (found) => found.some((diagnostic) => diagnostic.code === 'unknownKey'),
      (found) => `the diagnostics are ${JSON.stringify(found.map((diagnostic) => diagnostic.message))}`,
    );
    const typo = diagnostics.find((diagnostic) => diagnostic.code === 'unknownKey');
    assert.deepEqual(
      [typo?.range.start.line, typo?.range.start.character, typo?.range.end.character, typo?.severity],
      [3, 0, 'regoin'.length, vscode.DiagnosticSeverity.Warning],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
