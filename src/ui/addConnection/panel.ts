/**
 * AWS: Add a New Connection. One panel (running the command again focuses it) with two options:
 * IAM Credential (see iamCredential) and IAM Identity Center (see identityCenter). Each ends with
 * the profile written through the profile service, the connection made and the AWS Explorer shown.
 * Secrets and tokens are never sent to the webview, kept in its state, or logged.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { failureMessage, initMessage } from '../../addConnection/messages';
import { isWebviewMessage, type HostMessage, type WebviewMessage } from '../../addConnection/protocol';
import type { SignInTarget } from '../../core/aws/sso/sessions';
import { commandTitles } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';
import type { ProfileService } from '../../services/profileService';
import type { SsoSessions } from '../../services/ssoSessions';
import { commandTitle } from '../commandTitles';
import { logFailure } from '../failures';
import { addConnectionHtml } from './html';
import { loadAhead } from '../../services/loadAhead';
import { submitIamCredential, warmKeyCheckCode } from './iamCredential';
import { IdentityCenterFlow } from './identityCenter';

const viewType = 'awsCredentialManager.addConnection';

interface Open {
  readonly panel: vscode.WebviewPanel;
  readonly post: (message: HostMessage) => void;
  readonly identityCenter: IdentityCenterFlow;
  /** Resolves once the webview has said it is ready (and was given its init message). */
  readonly ready: Promise<void>;
}

export class AddConnectionPanel implements vscode.Disposable {
  private open: Open | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly profiles: ProfileService,
    private readonly connection: ConnectionService,
    private readonly sso: SsoSessions,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  show(): void {
    if (this.open) {
      this.open.panel.reveal();
      return;
    }
    this.open = this.create();
  }

  /** Sign In Again: the panel signs in for the profile's session, then connects with the profile. */
  async signInAgain(target: SignInTarget, profile: string): Promise<void> {
    this.show();
    const open = this.open;
    if (open) {
      await open.ready;
      if (this.open === open) {
        await this.guarded(open, () => open.identityCenter.signInAgain(target, profile, open.post));
      }
    }
  }

  /** Sign In from the palette for a session of the config file: the panel signs in, then offers its roles. */
  async signInToSession(target: SignInTarget): Promise<void> {
    this.show();
    const open = this.open;
    if (open) {
      await open.ready;
      if (this.open === open) {
        await this.guarded(open, () => open.identityCenter.signInToSession(target, open.post));
      }
    }
  }

  private create(): Open {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(viewType, commandTitle('addConnection'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      // A sign-in goes on while the panel is hidden (the person is in the browser): its code and its
      // roles must not be lost with the page, as a hidden webview's messages are. The secrets typed
      // are cleared when it hides (see 'hidden').
      retainContextWhenHidden: true,
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'aws.svg');
    panel.webview.html = addConnectionHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      script: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'addConnection.js')).toString(),
      style: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'addConnection.css')).toString(),
    });
    let markReady: () => void = () => undefined;
    const open: Open = {
      panel,
      post: (message) => void panel.webview.postMessage(message),
      identityCenter: new IdentityCenterFlow(this.profiles, this.connection, this.sso),
      ready: new Promise((resolve) => (markReady = resolve)),
    };
    const subscription = panel.webview.onDidReceiveMessage(async (message: unknown) => {
      if (isWebviewMessage(message)) {
        await this.guarded(open, () => this.answer(open, message));
        if (message.type === 'ready') {
          markReady();
        }
      }
    });
    // Once the form is on screen (its page said so), for whichever option the person takes.
    void open.ready.then(() => {
      if (this.open === open) {
        loadAhead(this.log, warmKeyCheckCode);
        this.sso.prepareSignIn();
      }
    });
    const visibility = panel.onDidChangeViewState(() => {
      if (!panel.visible) {
        open.post({ type: 'hidden' });
      }
    });
    panel.onDidDispose(() => {
      visibility.dispose();
      subscription.dispose();
      open.identityCenter.dispose();
      // Sign In Again waits for a page that will not come.
      markReady();
      this.open = undefined;
    });
    return open;
  }

  private async answer(open: Open, message: WebviewMessage): Promise<HostMessage | undefined> {
    switch (message.type) {
      case 'ready':
        return initMessage(await this.profiles.upToDate(), this.profiles.paths.credentials);
      case 'submit':
        return submitIamCredential(message.form, open.post, this.profiles, this.connection);
      case 'signIn':
        return open.identityCenter.signInFromForm(message.form, open.post);
      case 'cancelSignIn':
        open.identityCenter.cancelFromPanel(open.post);
        return undefined;
      case 'copy':
        await open.identityCenter.copy(message.what);
        return undefined;
      case 'addProfiles':
        return open.identityCenter.addProfiles(message.roles, message.region);
    }
  }

  /** The panel's one error boundary: logged as a command's failure is, and shown in the form. */
  private async guarded(open: Open, work: () => Promise<HostMessage | undefined>): Promise<void> {
    try {
      const reply = await work();
      if (reply) {
        open.post(reply);
      }
    } catch (error) {
      logFailure(this.log, commandTitles.addConnection, error);
      open.post(failureMessage(error));
    }
  }

  dispose(): void {
    this.open?.panel.dispose();
  }
}
