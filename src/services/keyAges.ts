/**
 * How old the connected profile's access key is, asked of IAM ListAccessKeys while the Profiles
 * view is shown (after a connect with long-term keys, and when the view becomes visible): one call
 * for the connected profile, never one per profile. A user IAM does not let list its keys gets no
 * mark, and a debug line in the log.
 */
import * as vscode from 'vscode';
import { describeAwsError } from '../core/aws/errors';
import { isOldKey, keyAgeDays } from '../core/aws/iam/keyAge';
import { quoted } from '../core/secrets';
import type { ConnectionService } from './connectionService';
import type { ProfileService } from './profileService';

interface KnownAge {
  readonly profile: string;
  readonly accessKeyId: string;
  readonly days: number;
}

export class KeyAges implements vscode.Disposable {
  private known: KnownAge | undefined;
  private checking: Promise<void> | undefined;
  private view: vscode.TreeView<unknown> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly connection: ConnectionService,
    private readonly profiles: ProfileService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = connection.onDidChange((state) => {
      // Only for a view someone looks at: IAM's client is a chunk of its own, and a call a connect need not wait for.
      if (state.kind === 'connected' && this.view?.visible === true) {
        void this.check();
      }
    });
  }

  /** The age in days of the profile's key when it is older than 90 days. */
  oldKeyDays(profile: string): number | undefined {
    const known = this.known;
    return known?.profile === profile && isOldKey(known.days) ? known.days : undefined;
  }

  /** Checks the connected profile's key, unless that key was checked already; one check at a time. */
  check(): Promise<void> {
    this.checking ??= this.checkNow()
      .catch((error: unknown) =>
        this.log.debug(`The age of the connected profile's access key is unknown: ${describeAwsError(error).message}`),
      )
      .finally(() => {
        this.checking = undefined;
      });
    return this.checking;
  }

  private async checkNow(): Promise<void> {
    const connected = this.connection.connection;
    if (!connected) {
      return;
    }
    const { profile } = connected.state;
    const report = (await this.profiles.latest()).reports.find((candidate) => candidate.profile.name === profile);
    if (report?.profile.kind !== 'staticKeys') {
      return this.forget(profile);
    }
    // The key in the file: an MFA session signs with temporary keys of the same user.
    const { accessKeyId } = report.profile;
    if (this.known?.profile === profile && this.known.accessKeyId === accessKeyId) {
      return;
    }
    try {
      const { listAccessKeys } = await import('../core/aws/iam/accessKeys.js');
      const key = (await listAccessKeys(connected.access)).find((listed) => listed.accessKeyId === accessKeyId);
      if (key?.createDate === undefined) {
        return this.forget(profile);
      }
      const days = keyAgeDays(key.createDate, new Date());
      this.known = { profile, accessKeyId, days };
      this.log.info(`The access key of profile ${quoted(profile)} is ${days} days old.`);
      this.changed.fire();
    } catch (error) {
      this.log.debug(`The age of profile ${quoted(profile)}'s access key is unknown: ${describeAwsError(error).message}`);
      this.forget(profile);
    }
  }

  /** Checks the connected profile's key whenever the view becomes visible. */
  followView(view: vscode.TreeView<unknown>): vscode.Disposable {
    this.view = view;
    return view.onDidChangeVisibility(({ visible }) => {
      if (visible) {
        void this.check();
      }
    });
  }

  private forget(profile: string): void {
    if (this.known?.profile === profile) {
      this.known = undefined;
      this.changed.fire();
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
