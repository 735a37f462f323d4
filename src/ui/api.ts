/** What the extension offers other extensions (and its integration tests): the profiles it sees. */
import type * as vscode from 'vscode';
import type { ProfileStatus, Validation } from '../core/validate';
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
}

export function createApi(service: ProfileService): AwsCredentialManagerApi {
  return {
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
