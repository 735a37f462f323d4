/** What the extension offers other extensions (and its integration tests): the profiles it sees. */
import type * as vscode from 'vscode';
import type { ConnectionState } from './core/aws/connectionState';
import type { ProfileSnapshot, ProfileStatus } from './core/validation/snapshot';
import type { ConnectionService } from './services/connectionService';
import type { ProfileService } from './services/profileService';

export interface ProfileSummary {
  readonly name: string;
  readonly kind: string;
  readonly status: ProfileStatus;
  readonly region: string | undefined;
  readonly problems: readonly string[];
}

export interface AwsCredentialManagerApi {
  readonly sharedFiles: { readonly config: string; readonly credentials: string };
  profiles(): Promise<ProfileSummary[]>;
  readonly onDidChangeProfiles: vscode.Event<ProfileSummary[]>;
  /** The connection: its state, profile, and the account and ARN once connected. Never credentials. */
  connection(): ConnectionState;
  readonly onDidChangeConnection: vscode.Event<ConnectionState>;
}

export function createApi(service: ProfileService, connection: ConnectionService): AwsCredentialManagerApi {
  return {
    connection: () => connection.state,
    onDidChangeConnection: connection.onDidChange,
    sharedFiles: service.paths,
    profiles: async () => summaries(await service.latest()),
    onDidChangeProfiles: (listener, thisArgs?: unknown, disposables?: vscode.Disposable[]) =>
      service.onDidChange(
        (snapshot) => {
          listener.call(thisArgs, summaries(snapshot));
        },
        undefined,
        disposables,
      ),
  };
}

function summaries(snapshot: ProfileSnapshot): ProfileSummary[] {
  return snapshot.reports.map(({ profile, status, problems }) => ({
    name: profile.name,
    kind: profile.kind,
    status,
    region: profile.region,
    problems: problems.map((problem) => problem.message),
  }));
}
