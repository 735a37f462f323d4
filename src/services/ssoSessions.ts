/**
 * The IAM Identity Center sign-ins: signing in (the flow VS Code's host allows, or the one the
 * setting asks for), keeping tokens fresh on connect, each sign-in's state for the views, and
 * signing out. Tokens live only in the cache files the AWS CLI shares; nothing here keeps one. The
 * OIDC and portal clients load on first use.
 */
import * as vscode from 'vscode';
import { SignInNeeded } from '../core/aws/errors';
import { signInEnded, signInEndedReason } from '../core/aws/sso/errors';
import type { SignInHooks } from '../core/aws/sso/oidc';
import type { Assignment } from '../core/aws/sso/portal';
import { tokenFile, type TokenOwner } from '../core/aws/sso/cachePaths';
import {
  chooseFlow,
  isFlowSetting,
  ownerKey,
  sessionTargets,
  signInTargetOf,
  tokenStatus,
  type SignInTarget,
  type TokenStatus,
} from '../core/aws/sso/sessions';
import type { SsoRoleRequest, SsoConnect } from '../core/aws/sso/connectRole';
import { CancelledError, errorMessage } from '../core/errors';
import { homeDirectory } from '../core/files/paths';
import { watchFileSet } from '../core/files/watch';
import type { ProfileSnapshot } from '../core/validation/snapshot';
import { defaultProfileNameTemplate } from '../core/profiles/ssoNames';
import { quoted } from '../core/secrets';
import { settingIds } from '../manifest';
import { loadAhead } from './loadAhead';
import type { Network } from './network';
import type { ProfileService } from './profileService';

/** The code a sign-in runs: the OIDC client, which shares its chunk with the portal's and the role connect, and the token cache. */
const signInCode = () => Promise.all([import('../core/aws/sso/oidc.js'), import('../core/aws/sso/tokenCache.js')]);

export class SsoSessions implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a sign-in is made, renewed or ended here, or its token file changes (the AWS CLI signed in or out). */
  readonly onDidChange = this.changed.event;
  private readonly watch = watchFileSet(() => this.changed.fire());

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly network: Network,
    readonly home: string = homeDirectory(),
  ) {}

  flow(): 'deviceCode' | 'authorizationCode' {
    const setting = vscode.workspace.getConfiguration().get<string>(settingIds.ssoSignInFlow, 'auto');
    return chooseFlow(isFlowSetting(setting) ? setting : 'auto', {
      remote: vscode.env.remoteName !== undefined,
      web: vscode.env.uiKind === vscode.UIKind.Web,
    });
  }

  /** The template of the names given to profiles made for roles (the setting, or the default). */
  profileNameTemplate(): string {
    return vscode.workspace.getConfiguration().get<string>(settingIds.ssoProfileNameTemplate) || defaultProfileNameTemplate;
  }

  /** When the user is about to sign in: the sign-in then waits for AWS, not for the SDK code to load. */
  prepareSignIn(): void {
    loadAhead(this.log, signInCode);
  }

  /** Signs in and stores the token where the AWS CLI finds it. */
  async signIn(target: SignInTarget, hooks: Omit<SignInHooks, 'openBrowser'>): Promise<void> {
    const flow = this.flow();
    this.log.info(`Signing in to IAM Identity Center for ${quoted(target.label)} (${target.center.startUrl}) with the ${flowNames[flow]}.`);
    const [{ signIn }, { storeToken }] = await signInCode();
    const token = await signIn(
      target.center,
      flow,
      {
        ...hooks,
        openBrowser: async (url) => {
          await vscode.env.openExternal(vscode.Uri.parse(url, true));
        },
      },
      { network: await this.network.route() },
    );
    if (hooks.signal.aborted) {
      // Cancelled after AWS answered: the person asked for no sign-in.
      throw new CancelledError();
    }
    await storeToken(this.home, target.owner, token);
    this.log.info(`Signed in to IAM Identity Center for ${quoted(target.label)}.`);
    this.changed.fire();
  }

  async status(target: SignInTarget): Promise<TokenStatus> {
    const { readToken } = await import('../core/aws/sso/tokenCache.js');
    return tokenStatus(await readToken(this.home, target.owner), target, new Date());
  }

  /** The role's credentials through a fresh token (refreshed and written back when it must be). */
  async connectRole(request: Omit<SsoRoleRequest, 'home' | 'onRefreshFailed' | 'onWriteFailed'>): Promise<SsoConnect> {
    const { connectSsoRole } = await import('../core/aws/sso/connectRole.js');
    const result = await connectSsoRole({
      ...request,
      home: this.home,
      ...this.renewalLog(request.target),
    });
    if (result.kind === 'connected' && result.refreshed) {
      this.log.info(`Renewed the IAM Identity Center sign-in for ${quoted(request.target.label)}.`);
      this.changed.fire();
    }
    return result;
  }

  /** Every account and role the sign-in may use (every page); signing in again is needed when it has ended. */
  async assignments(target: SignInTarget, signal?: AbortSignal): Promise<Assignment[]> {
    const [{ freshToken }, { listAssignments }] = await Promise.all([
      import('../core/aws/sso/freshToken.js'),
      import('../core/aws/sso/portal.js'),
    ]);
    const calls = { network: await this.network.route(), ...(signal ? { signal } : {}) };
    const fresh = await freshToken(this.home, target, { ...calls, ...this.renewalLog(target) });
    if (fresh.kind === 'signIn') {
      throw new SignInNeeded(fresh.reason);
    }
    try {
      return await listAssignments(fresh.token.accessToken, target.center.region, calls);
    } catch (error) {
      if (signInEnded(error)) {
        throw new SignInNeeded(signInEndedReason(target.label));
      }
      throw error;
    }
  }

  /** What a renewal tells the log when it fails, or when its token could not be written back. */
  private renewalLog(target: SignInTarget): { onRefreshFailed: (error: unknown) => void; onWriteFailed: (error: unknown) => void } {
    const name = quoted(target.label);
    return {
      onRefreshFailed: (error) => this.log.warn(`Renewing the IAM Identity Center sign-in for ${name} failed: ${errorMessage(error)}`),
      onWriteFailed: (error) =>
        this.log.warn(
          `The renewed IAM Identity Center token for ${name} could not be written back for the AWS CLI: ${errorMessage(error)}`,
        ),
    };
  }

  /** Ends the sign-in at IAM Identity Center and deletes its token file (no other's); false when there was none. */
  async signOut(target: SignInTarget): Promise<boolean> {
    const { signOut } = await import('../core/aws/sso/signOut.js');
    const outcome = await signOut(this.home, target, { network: await this.network.route() });
    if (outcome.logoutError !== undefined) {
      this.log.warn(
        `IAM Identity Center did not confirm the sign-out of ${quoted(target.label)} (${errorMessage(outcome.logoutError)}); its token file was deleted anyway.`,
      );
    }
    if (outcome.signedOut) {
      this.log.info(`Signed out of IAM Identity Center for ${quoted(target.label)}.`);
      this.changed.fire();
    }
    return outcome.signedOut;
  }

  /**
   * Watches the token files of the sign-ins the AWS files name, so the views follow a sign-in or a
   * sign-out made elsewhere (`aws sso login` in a terminal, another window), as they follow the files.
   */
  followSignIns(profiles: ProfileService): vscode.Disposable {
    return profiles.onDidChange((snapshot) => this.watchTokenFiles(snapshot));
  }

  private watchTokenFiles(snapshot: ProfileSnapshot): void {
    const owners = new Map<string, TokenOwner>();
    const targets = [
      ...sessionTargets(snapshot.ssoSessions),
      ...snapshot.reports.flatMap((report) => signInTargetOf(report.profile, snapshot.ssoSessions) ?? []),
    ];
    for (const { owner } of targets) {
      owners.set(ownerKey(owner), owner);
    }
    this.watch.follow([...owners.values()].map((owner) => tokenFile(this.home, owner)));
  }

  dispose(): void {
    this.watch.close();
    this.changed.dispose();
  }
}

const flowNames = { deviceCode: 'device code flow', authorizationCode: 'authorization code flow (PKCE)' } as const;
