/**
 * Follows the token files of the `aws login` sessions the files name: when the sign-in of a profile
 * that could not connect for want of one is written (`aws login` in a terminal, here or elsewhere),
 * the extension connects with that profile again by itself.
 */
import type * as vscode from 'vscode';
import { loginCacheFolder, loginTokenFile } from '../core/aws/login/cachePaths';
import { errorMessage } from '../core/errors';
import { watchFileSet } from '../core/files/watch';
import { quoted } from '../core/secrets';
import type { ProfileSnapshot } from '../core/validation/snapshot';
import type { ConnectionService } from './connectionService';
import type { ProfileService } from './profileService';

export class LoginSessions implements vscode.Disposable {
  private readonly watch = watchFileSet((file) => this.signedIn(file));
  /** The token file of each `aws login` profile. */
  private files = new Map<string, string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    profiles: ProfileService,
    private readonly connection: ConnectionService,
    private readonly log: vscode.LogOutputChannel,
    private readonly folder: string = loginCacheFolder(),
  ) {
    this.subscription = profiles.onDidChange((snapshot) => this.follow(snapshot));
  }

  private follow(snapshot: ProfileSnapshot): void {
    this.files = new Map(
      snapshot.reports.flatMap(({ profile }) =>
        profile.kind === 'login' ? [[profile.name, loginTokenFile(this.folder, profile.loginSession)] as const] : [],
      ),
    );
    this.watch.follow([...this.files.values()]);
  }

  private signedIn(file: string): void {
    const state = this.connection.state;
    if ((state.kind === 'failed' || state.kind === 'expired') && state.problem.kind === 'login' && this.files.get(state.profile) === file) {
      this.log.info(`The aws login sign-in of profile ${quoted(state.profile)} changed: connecting again.`);
      this.connection
        .connect(state.profile, { interactive: false })
        .catch((error: unknown) => this.log.error(`Connecting with profile ${quoted(state.profile)} failed: ${errorMessage(error)}`));
    }
  }

  dispose(): void {
    this.watch.close();
    this.subscription.dispose();
  }
}
