/**
 * What the extension keeps in VS Code's global state, each key with the type of its value. The
 * keys are stored as `awsCredentialManager.<key>`, the names they always had.
 */
import type * as vscode from 'vscode';
import { quoted } from '../core/secrets';
import { idPrefix } from '../manifest';

interface Stored {
  /** Profile names, most recently connected first. */
  readonly recentProfiles: readonly string[];
  /** The profile of the last connection, restored at start. */
  readonly connectedProfile: string | undefined;
  /** The account each profile connected to last, by profile name. */
  readonly accounts: Readonly<Record<string, string>>;
  /** Whether the first activation has come: it opens the Getting Started walkthrough, or decides not to. */
  readonly walkthroughOffered: boolean;
}

/** Keys of earlier versions, whose values now live elsewhere: read once, moved, then removed. */
interface Retired {
  /** The regions the AWS Explorer showed beside the connection's own: now the setting awsCredentialManager.explorer.regions. */
  readonly explorerRegions: unknown;
}

const defaults: Stored = { recentProfiles: [], connectedProfile: undefined, accounts: {}, walkthroughOffered: false };

/** A quick pick lists the recent profiles first; more than this many are of no use. */
const recentLimit = 50;

export class GlobalState {
  constructor(private readonly memento: vscode.Memento) {}

  get<K extends keyof Stored>(key: K): Stored[K] {
    return this.memento.get<Stored[K]>(`${idPrefix}.${key}`, defaults[key]);
  }

  update<K extends keyof Stored>(key: K, value: Stored[K]): Thenable<void> {
    return this.memento.update(`${idPrefix}.${key}`, value);
  }

  /** What an earlier version stored under a retired key, as it was (no type is trusted). */
  retired(key: keyof Retired): unknown {
    return this.memento.get<unknown>(`${idPrefix}.${key}`);
  }

  forget(key: keyof Retired): Thenable<void> {
    return this.memento.update(`${idPrefix}.${key}`, undefined);
  }

  /**
   * Remembers a connection: its profile first among the recent ones, restored at the next start,
   * and its account. The memento holds the new values at once; the promise waits for the workbench.
   * A profile whose name may be a secret (a key pasted into its header) is not remembered: the
   * memento is kept unencrypted in VS Code's state database.
   */
  async rememberConnection(profile: string, account: string): Promise<void> {
    if (quoted(profile) !== profile) {
      return;
    }
    const recent = [profile, ...this.get('recentProfiles').filter((entry) => entry !== profile)].slice(0, recentLimit);
    await Promise.all([
      this.update('recentProfiles', recent),
      this.update('connectedProfile', profile),
      this.update('accounts', { ...this.get('accounts'), [profile]: account }),
    ]);
  }
}
