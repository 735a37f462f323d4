/**
 * AWS: Add a New Connection. One panel (running the command again focuses it) with the IAM
 * Credential option: the keys are checked with STS, each error shown next to its field, then the
 * profile is written through the profile service, the extension connects and the AWS Explorer shows
 * the account. The secret is never sent back to the webview, kept in its state, or logged.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { describeAwsError, withoutSecrets } from '../../core/aws/errors';
import { displayPath } from '../../core/files/paths';
import { knownRegions } from '../../core/profiles/regions';
import { filesOf } from '../../core/present/profileLabels';
import type { ConnectionService } from '../../services/connectionService';
import type { ProfileService } from '../../services/profileService';
import { formErrors } from '../../addConnection/formChecks';
import { isWebviewMessage, type FieldName, type HostMessage, type IamCredentialForm } from '../../addConnection/protocol';
import { addConnectionHtml } from './html';

export class AddConnectionPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly profiles: ProfileService,
    private readonly connection: ConnectionService,
  ) {}

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('awsCredentialManager.addConnection', 'Add a New Connection', vscode.ViewColumn.Active, {
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
        post(message.type === 'ready' ? await this.initMessage() : await this.submit(message.form, post));
      } catch (error) {
        post({
          type: 'rejected',
          errors: {},
          formError: withoutSecrets(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`),
        });
      }
    });
    panel.onDidDispose(() => {
      subscription.dispose();
      this.panel = undefined;
    });
  }

  private async initMessage(): Promise<HostMessage> {
    const snapshot = await this.profiles.upToDate();
    return {
      type: 'init',
      existing: snapshot.reports.map((report) => ({
        name: report.profile.name,
        files: filesOf(report.profile).map((file) => displayPath(file)),
      })),
      regions: knownRegions,
      credentialsFile: displayPath(this.profiles.paths.credentials),
    };
  }

  private async submit(form: IamCredentialForm, post: (message: HostMessage) => void): Promise<HostMessage> {
    const errors = formErrors(form);
    if (Object.keys(errors).length > 0) {
      return { type: 'rejected', errors };
    }
    post({ type: 'checking' });
    try {
      const { callerIdentity } = await import('../../core/aws/identity.js');
      await callerIdentity(
        { accessKeyId: form.accessKeyId, secretAccessKey: form.secretAccessKey },
        { region: form.region || 'us-east-1' },
      );
    } catch (error) {
      return rejection(describeAwsError(error));
    }
    const exists = (await this.profiles.upToDate()).reports.some((report) => report.profile.name === form.profileName);
    const keys = { aws_access_key_id: form.accessKeyId, aws_secret_access_key: form.secretAccessKey };
    const region = form.region ? { region: form.region } : {};
    try {
      await this.profiles.edit(
        exists
          ? { kind: 'change', name: form.profileName, changes: { ...keys, aws_session_token: null, ...region } }
          : { kind: 'add', name: form.profileName, settings: { ...keys, ...region } },
      );
    } catch (error) {
      return { type: 'rejected', errors: {}, formError: `Nothing was saved: ${error instanceof Error ? error.message : String(error)}` };
    }
    const state = await this.connection.connect(form.profileName, { interactive: true });
    if (state.kind !== 'connected') {
      return { type: 'rejected', errors: {}, formError: 'The profile was saved, but the connection failed: see the notification.' };
    }
    await vscode.commands.executeCommand('awsCredentialManager.explorer.focus');
    void vscode.window.showInformationMessage(`Connected with profile ${state.profile}: account ${state.identity.account}.`);
    return { type: 'connected', profileName: state.profile, account: state.identity.account, arn: state.identity.arn };
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function rejection(problem: { kind: string; message: string }): HostMessage {
  const field: Partial<Record<string, FieldName>> = {
    unknownKey: 'accessKeyId',
    expiredToken: 'accessKeyId',
    wrongSecret: 'secretAccessKey',
  };
  const target = field[problem.kind];
  return target
    ? { type: 'rejected', errors: { [target]: problem.message } }
    : { type: 'rejected', errors: {}, formError: `${problem.message} Nothing was saved.` };
}
