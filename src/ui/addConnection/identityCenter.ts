/**
 * The panel's IAM Identity Center option: sign in (the browser step shown in the panel, with
 * Cancel), list every account and role, then write the `[sso-session]` and the chosen profiles in
 * one edit and connect with the first. Sign In Again runs the same sign-in for a profile's session
 * and reconnects. Tokens never reach the webview; neither do they stay here.
 */
import * as vscode from 'vscode';
import { identityCenterErrors } from '../../addConnection/formChecks';
import { chosenRolesProblems, roleChoices, sessionFor } from '../../addConnection/identityCenterChoices';
import type { ChosenRole, HostMessage, IdentityCenterForm } from '../../addConnection/protocol';
import { describeSignInError } from '../../core/aws/sso/errors';
import type { Assignment } from '../../core/aws/sso/portal';
import { sessionTarget, type SignInTarget } from '../../core/aws/sso/sessions';
import { isCancellation } from '../../core/errors';
import type { Profile } from '../../core/profiles/model';
import { defaultScopes, type SsoSessionSettings } from '../../core/profiles/ssoProfiles';
import type { ProfileSnapshot } from '../../core/validation/snapshot';
import type { ConnectionService } from '../../services/connectionService';
import type { ProfileService } from '../../services/profileService';
import type { SsoSessions } from '../../services/ssoSessions';
import { connectedOutcome } from './connected';

type Post = (message: HostMessage) => void;

/** A sign-in done in this panel: what it may write, and the roles it found. */
interface SignedIn {
  readonly session: SsoSessionSettings;
  readonly assignments: readonly Assignment[];
}

export class IdentityCenterFlow {
  private running: AbortController | undefined;
  /** Each sign-in's number: one that a newer sign-in overtook posts nothing more. */
  private attempt = 0;
  private deviceCode: { readonly code: string; readonly address: string } | undefined;
  private signedIn: SignedIn | undefined;

  constructor(
    private readonly profiles: ProfileService,
    private readonly connection: ConnectionService,
    private readonly sso: SsoSessions,
  ) {}

  /** Continue on the form: sign in, then list the accounts and roles to choose from. */
  async signInFromForm(form: IdentityCenterForm, post: Post): Promise<HostMessage | undefined> {
    const errors = identityCenterErrors(form);
    if (Object.keys(errors).length > 0) {
      return { type: 'signInRejected', errors };
    }
    const snapshot = await this.profiles.upToDate();
    const session = sessionFor(form, snapshot.ssoSessions);
    if ('error' in session) {
      return { type: 'signInRejected', errors: { sessionName: session.error } };
    }
    return this.signInAndList(session, form, post);
  }

  /** Sign In for a session of the config file, chosen from the palette: then its roles are offered. */
  async signInToSession(target: SignInTarget, post: Post): Promise<HostMessage | undefined> {
    const { startUrl, region, scopes } = target.center;
    return this.signInAndList({ name: target.label, startUrl, region, scopes }, formOf(target), post);
  }

  private async signInAndList(session: SsoSessionSettings, form: IdentityCenterForm, post: Post): Promise<HostMessage | undefined> {
    const target = sessionTarget({ ...session, scopes: session.scopes ?? defaultScopes });
    if (!target) {
      return { type: 'signInRejected', errors: {}, formError: vscode.l10n.t('This session has no start URL or region.') };
    }
    const attempt = ++this.attempt;
    const failed = await this.signIn(target, form, post);
    if (attempt !== this.attempt) {
      return undefined;
    }
    if (failed) {
      return failed;
    }
    post({ type: 'signedIn', session: session.name, listing: true });
    const assignments = await this.sso.assignments(target);
    const snapshot = await this.profiles.upToDate();
    if (attempt !== this.attempt) {
      return undefined;
    }
    this.signedIn = { session, assignments };
    return {
      type: 'roles',
      session: session.name,
      roles: roleChoices(profilesOf(snapshot), session.name, assignments, this.sso.profileNameTemplate()),
      region: session.region,
    };
  }

  /** Sign In Again for a profile's session: the form shows the session, then the profile connects again. */
  async signInAgain(target: SignInTarget, profile: string, post: Post): Promise<HostMessage | undefined> {
    const attempt = ++this.attempt;
    const failed = await this.signIn(target, formOf(target), post);
    if (attempt !== this.attempt) {
      return undefined;
    }
    if (failed) {
      return failed;
    }
    post({ type: 'signedIn', session: target.label, listing: false });
    return connectedOutcome(this.connection, profile);
  }

  /** The browser step: undefined when signed in, else the message that says why not. */
  private async signIn(target: SignInTarget, form: IdentityCenterForm, post: Post): Promise<HostMessage | undefined> {
    this.cancel();
    const running = new AbortController();
    this.running = running;
    const flow = this.sso.flow();
    post({ type: 'signingIn', form, step: flow === 'authorizationCode' ? { flow } : undefined });
    try {
      await this.sso.signIn(target, {
        signal: running.signal,
        showDeviceCode: (code) => {
          this.deviceCode = { code: code.userCode, address: code.verificationUri };
          const { userCode, verificationUri, verificationUriComplete } = code;
          const step = {
            flow: 'deviceCode',
            userCode,
            verificationUri,
            verificationUriComplete,
            expiresAt: code.expiresAt.toISOString(),
          } as const;
          post({ type: 'signingIn', form, step });
          void vscode.env.openExternal(vscode.Uri.parse(code.verificationUriComplete, true));
        },
      });
      return undefined;
    } catch (error) {
      if (isCancellation(error)) {
        return { type: 'signInRejected', errors: {}, formError: vscode.l10n.t('The sign-in was cancelled.') };
      }
      return { type: 'signInRejected', errors: {}, formError: describeSignInError(error, target.center).message };
    } finally {
      this.deviceCode = undefined;
      if (this.running === running) {
        this.running = undefined;
      }
    }
  }

  /** Cancel, a new sign-in or the panel closing: the running sign-in stops and posts nothing more. */
  cancel(): void {
    this.running?.abort();
  }

  /** Cancel in the panel: the sign-in stops and says so. */
  cancelFromPanel(post: Post): void {
    if (this.running) {
      this.cancel();
      this.attempt++;
      post({ type: 'signInRejected', errors: {}, formError: vscode.l10n.t('The sign-in was cancelled.') });
    }
  }

  /** The webview cannot write the clipboard itself. */
  async copy(what: 'code' | 'address'): Promise<void> {
    if (this.deviceCode) {
      await vscode.env.clipboard.writeText(this.deviceCode[what]);
    }
  }

  /** Writes the session (when new) and the chosen profiles in one edit, then connects with the first. */
  async addProfiles(chosen: readonly ChosenRole[], region: string): Promise<HostMessage> {
    const signedIn = this.signedIn;
    if (!signedIn) {
      return { type: 'profilesRejected', errors: {}, formError: vscode.l10n.t('Sign in first.') };
    }
    const snapshot = await this.profiles.upToDate();
    const taken = new Set(snapshot.reports.map((report) => report.profile.name));
    const problems = chosenRolesProblems(chosen, region, signedIn.assignments, taken);
    if (problems) {
      return { type: 'profilesRejected', ...problems };
    }
    await this.profiles.edit({
      kind: 'addSso',
      session: signedIn.session,
      profiles: chosen.map(({ profileName, accountId, roleName }) => ({ name: profileName, accountId, roleName, region })),
    });
    const [first] = chosen;
    return first ? connectedOutcome(this.connection, first.profileName) : { type: 'profilesRejected', errors: {} };
  }

  dispose(): void {
    this.cancel();
  }
}

/** The form a sign-in the host began shows; a legacy profile's sign-in has no session name. */
function formOf(target: SignInTarget): IdentityCenterForm {
  const sessionName = 'session' in target.owner ? target.owner.session : '';
  return { startUrl: target.center.startUrl, ssoRegion: target.center.region, sessionName };
}

function profilesOf(snapshot: ProfileSnapshot): Profile[] {
  return snapshot.reports.map((report) => report.profile);
}
