/**
 * AWS: Create Credentials Profile. The steps of AWS's guide (a profile name, an access key ID and a
 * secret access key), then a region, with each value checked as it is typed. The keys are checked
 * with STS before anything is written, and the files open side by side afterwards.
 */
import * as vscode from 'vscode';
import { describeAwsError, type AwsProblem } from '../../core/aws/errors';
import { checkProfileName } from '../../core/ini/writable';
import { isTemporaryAccessKeyId } from '../../core/profiles/accessKeys';
import { checkAccessKeyId, checkSecretAccessKey, checkSessionToken } from '../../core/validation/fieldChecks';
import type { Identity } from '../../core/aws/identity';
import { knownRegions } from '../../core/profiles/regions';
import { runSteps, type Step } from '../multiStepInput';
import type { ConnectionService } from '../../services/connectionService';
import type { ProfileService } from '../../services/profileService';
import { openSideBySide } from '../sharedFileEditors';

const title = 'Create Credentials Profile';

interface NewProfile {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  region: string | undefined;
}

type FirstStep = 'name' | 'accessKeyId' | 'secretAccessKey';

export async function createCredentialsProfile(service: ProfileService, connection: ConnectionService): Promise<void> {
  const existing = new Set((await service.upToDate()).reports.map((report) => report.profile.name));
  const profile: NewProfile = {
    name: existing.size === 0 ? 'default' : '',
    accessKeyId: '',
    secretAccessKey: '',
    sessionToken: '',
    region: undefined,
  };
  let first: FirstStep = 'name';
  for (;;) {
    if (!(await runSteps(profileSteps(profile, existing, first)))) {
      return;
    }
    const checked = await checkWithAws(profile);
    if (checked === 'cancelled') {
      return;
    }
    if ('identity' in checked || checked.saveAnyway) {
      if (await save(service, profile, 'identity' in checked ? checked.identity : undefined)) {
        await connection.connect(profile.name, { interactive: true });
      }
      return;
    }
    if (!checked.retryFrom) {
      return;
    }
    first = checked.retryFrom;
  }
}

function profileSteps(profile: NewProfile, existing: ReadonlySet<string>, first: FirstStep): Step {
  const totalSteps = (): number => (isTemporaryAccessKeyId(profile.accessKeyId) ? 5 : 4);
  const name: Step = async (input) => {
    profile.name = await input.showText({
      title,
      step: 1,
      totalSteps: totalSteps(),
      prompt: 'A name for the profile: tools find it with --profile NAME or AWS_PROFILE=NAME. "default" is used when none is named.',
      value: profile.name,
      placeholder: 'default',
      validate: (value) =>
        checkProfileName(value) ?? (existing.has(value) ? `A profile named ${value} already exists: choose another name.` : undefined),
    });
    return accessKeyId;
  };
  const accessKeyId: Step = async (input) => {
    profile.accessKeyId = await input.showText({
      title,
      step: 2,
      totalSteps: totalSteps(),
      prompt: 'The access key ID, from the IAM console (Security credentials, Access keys) or from your administrator.',
      value: profile.accessKeyId,
      placeholder: 'AKIAIOSFODNN7EXAMPLE',
      validate: checkAccessKeyId,
    });
    return secretAccessKey;
  };
  const secretAccessKey: Step = async (input) => {
    profile.secretAccessKey = await input.showText({
      title,
      step: 3,
      totalSteps: totalSteps(),
      prompt: 'The secret access key shown with the access key ID. It is stored only in your credentials file.',
      value: profile.secretAccessKey,
      password: true,
      validate: checkSecretAccessKey,
    });
    return isTemporaryAccessKeyId(profile.accessKeyId) ? sessionToken : region;
  };
  const sessionToken: Step = async (input) => {
    profile.sessionToken = await input.showText({
      title,
      step: 4,
      totalSteps: 5,
      prompt: 'Access key IDs that start with ASIA are temporary: enter the session token that came with them.',
      value: profile.sessionToken,
      password: true,
      validate: checkSessionToken,
    });
    return region;
  };
  const region: Step = async (input) => {
    const skip: vscode.QuickPickItem = { label: 'Skip', description: 'no default region for this profile' };
    const regions = knownRegions.map((code): vscode.QuickPickItem => ({ label: code }));
    const chosen = await input.showPick({
      title,
      step: totalSteps(),
      totalSteps: totalSteps(),
      placeholder: 'The default region for this profile (optional)',
      items: [skip, ...regions],
      active: regions.find((item) => item.label === profile.region) ?? skip,
    });
    profile.region = chosen === skip ? undefined : chosen.label;
    return undefined;
  };
  return { name, accessKeyId, secretAccessKey }[first];
}

type CheckOutcome = { identity: Identity } | { saveAnyway: boolean; retryFrom?: FirstStep } | 'cancelled';

async function checkWithAws(profile: NewProfile): Promise<CheckOutcome> {
  const sessionToken = isTemporaryAccessKeyId(profile.accessKeyId) ? profile.sessionToken : undefined;
  let problem: AwsProblem;
  try {
    const identity = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking the keys with AWS (STS GetCallerIdentity)...', cancellable: true },
      async (_progress, token) => {
        const { callerIdentity } = await import('../../core/aws/identity.js');
        const controller = new AbortController();
        const listener = token.onCancellationRequested(() => controller.abort());
        try {
          return await callerIdentity(
            { accessKeyId: profile.accessKeyId, secretAccessKey: profile.secretAccessKey, sessionToken },
            { region: profile.region ?? 'us-east-1', signal: controller.signal },
          );
        } finally {
          listener.dispose();
        }
      },
    );
    return { identity };
  } catch (error) {
    problem = describeAwsError(error, { withSessionToken: sessionToken !== undefined });
  }
  const nothingSaved = `${problem.message} Nothing was saved.`;
  switch (problem.kind) {
    case 'cancelled':
      return 'cancelled';
    case 'unknownKey':
      return retry(await vscode.window.showErrorMessage(nothingSaved, 'Re-enter Access Key ID'), 'accessKeyId');
    case 'wrongSecret':
      return retry(await vscode.window.showErrorMessage(nothingSaved, 'Re-enter Secret Access Key'), 'secretAccessKey');
    case 'expiredToken':
      return retry(await vscode.window.showErrorMessage(nothingSaved, 'Re-enter Keys'), 'accessKeyId');
    default: {
      const answer = await vscode.window.showWarningMessage(
        `The keys could not be checked. ${problem.message}`,
        'Save Anyway',
        'Try Again',
      );
      return answer === 'Save Anyway' ? { saveAnyway: true } : retry(answer, 'secretAccessKey');
    }
  }
}

function retry(answer: string | undefined, from: FirstStep): CheckOutcome {
  return answer === undefined ? { saveAnyway: false } : { saveAnyway: false, retryFrom: from };
}

/** Saves the profile and offers to connect with it; true when the user accepts. */
async function save(service: ProfileService, profile: NewProfile, identity: Identity | undefined): Promise<boolean> {
  const settings: Record<string, string> = {
    aws_access_key_id: profile.accessKeyId,
    aws_secret_access_key: profile.secretAccessKey,
  };
  if (isTemporaryAccessKeyId(profile.accessKeyId)) {
    settings['aws_session_token'] = profile.sessionToken;
  }
  if (profile.region) {
    settings['region'] = profile.region;
  }
  try {
    await service.edit({ kind: 'add', name: profile.name, settings });
  } catch (error) {
    void vscode.window.showErrorMessage(`Profile ${profile.name} was not saved: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  await openSideBySide(service.paths);
  const account = identity ? ` for account ${identity.account} (${identity.arn})` : ' without checking the keys';
  const answer = await vscode.window.showInformationMessage(
    `Profile ${profile.name} was saved${account}. Add another profile below it in the credentials file, or run this command again.`,
    'Connect',
  );
  return answer === 'Connect';
}
