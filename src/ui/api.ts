/** What the extension offers other extensions (and its integration tests): the profiles it sees. */
import type * as vscode from 'vscode';
import type { ConnectionState } from '../core/connectionState';
import type { ProfileStatus, Validation } from '../core/validate';
import type { ConnectionService } from './connectionService';
import type { ProfileService } from './profileService';

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
    profiles: async () => summaries(await service.validation()),
    onDidChangeProfiles: (listener, thisArgs?: unknown, disposables?: vscode.Disposable[]) =>
      service.onDidChange(
        (validation) => {
          listener.call(thisArgs, summaries(validation));
        },
        undefined,
        disposables,
      ),
  };
}

function summaries(validation: Validation): ProfileSummary[] {
  return validation.reports.map(({ profile, status, problems }) => ({
    name: profile.name,
    kind: profile.kind,
    status,
    region: profile.region,
    problems: problems.map((problem) => problem.message),
  }));
}
