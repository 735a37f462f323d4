/**
 * AWS: Add a New Connection. One panel (running the command again focuses it) with the IAM
 * Credential option: the keys are checked with STS, each error shown next to its field, then the
 * profile is written through the profile service, the extension connects and the AWS Explorer shows
 * the account. The secrets are never sent back to the webview, kept in its state, or logged.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { formErrors } from '../../addConnection/formChecks';
import { connectedMessage, failureMessage, initMessage, rejectedMessage } from '../../addConnection/messages';
import { isWebviewMessage, type HostMessage, type IamCredentialForm } from '../../addConnection/protocol';
import { addConnectionForm as form, keysFrom, saveKeysEdit } from '../../core/profiles/iamKeys';
import { quoted } from '../../core/secrets';
import { commandTitles, viewIds } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';
import type { ProfileService } from '../../services/profileService';
import { logFailure } from '../failures';
import { addConnectionHtml } from './html';

const viewType = 'awsCredentialManager.addConnection';

export class AddConnectionPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly profiles: ProfileService,
    private readonly connection: ConnectionService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(viewType, commandTitles.addConnection, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(media, 'aws.svg');
    panel.webview.html = addConnectionHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      script: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'addConnection.js')).toString(),
      style: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'addConnection.css')).toString(),
    });
    const post = (message: HostMessage): void => void panel.webview.postMessage(message);
    const subscription = panel.webview.onDidReceiveMessage(async (message: unknown) => {
      if (!isWebviewMessage(message)) {
        return;
      }
      try {
        post(
          message.type === 'ready'
            ? initMessage(await this.profiles.upToDate(), this.profiles.paths.credentials)
            : await this.submit(message.form, post),
        );
      } catch (error) {
        // The panel's one error boundary: logged as a command's failure is, and shown in the form.
        logFailure(this.log, commandTitles.addConnection, error);
        post(failureMessage(error));
      }
    });
    panel.onDidDispose(() => {
      subscription.dispose();
      this.panel = undefined;
    });
  }

  private async submit(fields: IamCredentialForm, post: (message: HostMessage) => void): Promise<HostMessage> {
    const errors = formErrors(fields);
    if (Object.keys(errors).length > 0) {
      return { type: 'rejected', errors };
    }
    post({ type: 'checking' });
    const keys = keysFrom(fields);
    const { verifyKeys } = await import('../../core/aws/identity.js');
    const verified = await verifyKeys(keys);
    if (!verified.valid) {
      // When AWS cannot answer, this form refuses (form.whenAwsCannotAnswer): nothing offers to save anyway.
      return rejectedMessage(verified.problem);
    }
    // The keys of a profile that exists are updated (the form said so before Continue).
    const exists = (await this.profiles.upToDate()).reports.some((report) => report.profile.name === fields.profileName);
    await this.profiles.edit(saveKeysEdit(form, fields.profileName, keys, exists));
    const connection = await this.connection.connect(fields.profileName, { interactive: true });
    if (!connection) {
      return { type: 'rejected', errors: {}, formError: 'The profile was saved, but the connection failed: see the notification.' };
    }
    const { profile, identity } = connection.state;
    await vscode.commands.executeCommand(`${viewIds.explorer}.focus`);
    void vscode.window.showInformationMessage(`Connected with profile ${quoted(profile)}: account ${identity.account}.`);
    return connectedMessage(profile, identity);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
