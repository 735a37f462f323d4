/**
 * AWS: Create Credentials Profile. The steps of AWS's guide (a profile name, an access key ID and a
 * secret access key), then a region, with each value checked as it is typed. The keys are checked
 * with STS before anything is written, and the files open side by side afterwards.
 */
import * as vscode from 'vscode';
import { rejectedKeyField, type AwsProblem } from '../../core/aws/errors';
import type { Identity } from '../../core/aws/identity';
import { checkProfileName } from '../../core/ini/writable';
import { isTemporaryAccessKeyId } from '../../core/profiles/accessKeys';
import {
  createCredentialsProfileForm as form,
  existingNameProblem,
  keysFrom,
  saveKeysEdit,
  type IamKeys,
} from '../../core/profiles/iamKeys';
import { knownRegions } from '../../core/profiles/regions';
import { checkAccessKeyId, checkSecretAccessKey, checkSessionToken, sessionTokenHint } from '../../core/validation/fieldChecks';
import type { ConnectionService } from '../../services/connectionService';
import type { NetworkRoute } from '../../core/net/agents';
import type { ProfileService } from '../../services/profileService';
import { runSteps, type Step } from '../multiStepInput';
import { tryAgainLabel, withCancellableProgress } from '../prompts';
import { openSideBySide } from '../sharedFileEditors';
import { commandTitle } from '../commandTitles';

const title = (): string => commandTitle('createCredentialsProfile');

const labels = () =>
  ({
    reenterAccessKeyId: vscode.l10n.t('Re-enter Access Key ID'),
    reenterSecret: vscode.l10n.t('Re-enter Secret Access Key'),
    reenterKeys: vscode.l10n.t('Re-enter Keys'),
    saveAnyway: vscode.l10n.t('Save Anyway'),
    tryAgain: tryAgainLabel(),
    connect: vscode.l10n.t('Connect'),
    skip: vscode.l10n.t('Skip'),
  }) as const;

interface Answers {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  region: string | undefined;
}

type TextAnswer = Exclude<keyof Answers, 'region'>;

/** The step a retry starts from: the value AWS refused. */
type FirstStep = 'name' | 'accessKeyId' | 'secretAccessKey';

export async function createCredentialsProfile(service: ProfileService, connection: ConnectionService): Promise<void> {
  const existing = new Set((await service.upToDate()).reports.map((report) => report.profile.name));
  const answers: Answers = {
    name: existing.size === 0 ? 'default' : '',
    accessKeyId: '',
    secretAccessKey: '',
    sessionToken: '',
    region: undefined,
  };
  let first: FirstStep = 'name';
  for (;;) {
    if (!(await runSteps(steps(answers, existing)[first]))) {
      return;
    }
    const keys = keysFrom(answers);
    const outcome = await verifyWithAws(keys, await connection.network.route(answers.name));
    if (outcome.kind === 'cancelled' || outcome.kind === 'closed') {
      return;
    }
    if (outcome.kind === 'save') {
      if (await save(service, answers.name, keys, outcome.identity)) {
        await connection.connect(answers.name, { interactive: true });
      }
      return;
    }
    first = outcome.from;
  }
}

function steps(answers: Answers, existing: ReadonlySet<string>): Record<FirstStep, Step> {
  const totalSteps = (): number => (isTemporaryAccessKeyId(answers.accessKeyId) ? 5 : 4);
  const text =
    (
      answer: TextAnswer,
      step: number,
      options: { prompt: string; placeholder?: string; password?: boolean; validate: (value: string) => string | undefined },
      next: () => Step,
    ): Step =>
    async (input) => {
      answers[answer] = await input.showText({ title: title(), step, totalSteps: totalSteps(), value: answers[answer], ...options });
      return next();
    };
  const region: Step = async (input) => {
    const skip: vscode.QuickPickItem = { label: labels().skip, description: vscode.l10n.t('no default region for this profile') };
    const regions = knownRegions.map((code): vscode.QuickPickItem => ({ label: code }));
    const chosen = await input.showPick({
      title: title(),
      step: totalSteps(),
      totalSteps: totalSteps(),
      placeholder: vscode.l10n.t('The default region for this profile (optional)'),
      items: [skip, ...regions],
      active: regions.find((item) => item.label === answers.region) ?? skip,
    });
    answers.region = chosen === skip ? undefined : chosen.label;
    return undefined;
  };
  const sessionToken = text(
    'sessionToken',
    4,
    {
      prompt: sessionTokenHint(),
      password: true,
      validate: checkSessionToken,
    },
    () => region,
  );
  const secretAccessKey = text(
    'secretAccessKey',
    3,
    {
      prompt: vscode.l10n.t('The secret access key shown with the access key ID. It is stored only in your credentials file.'),
      password: true,
      validate: checkSecretAccessKey,
    },
    () => (isTemporaryAccessKeyId(answers.accessKeyId) ? sessionToken : region),
  );
  const accessKeyId = text(
    'accessKeyId',
    2,
    {
      prompt: vscode.l10n.t('The access key ID, from the IAM console (Security credentials, Access keys) or from your administrator.'),
      placeholder: 'AKIAIOSFODNN7EXAMPLE',
      validate: checkAccessKeyId,
    },
    () => secretAccessKey,
  );
  const name = text(
    'name',
    1,
    {
      prompt: vscode.l10n.t(
        'A name for the profile: tools find it with --profile NAME or AWS_PROFILE=NAME. "default" is used when none is named.',
      ),
      placeholder: 'default',
      validate: (value) => checkProfileName(value) ?? existingNameProblem(form, value, existing.has(value)),
    },
    () => accessKeyId,
  );
  return { name, accessKeyId, secretAccessKey };
}

type CheckOutcome =
  | { readonly kind: 'save'; readonly identity: Identity | undefined }
  | { readonly kind: 'retry'; readonly from: FirstStep }
  | { readonly kind: 'closed' }
  | { readonly kind: 'cancelled' };

async function verifyWithAws(keys: IamKeys, network: NetworkRoute): Promise<CheckOutcome> {
  const checked = await withCancellableProgress(vscode.l10n.t('Checking the keys with AWS (STS GetCallerIdentity)...'), async (signal) => {
    const { verifyKeys } = await import('../../core/aws/identity.js');
    return verifyKeys(keys, network, signal);
  });
  return checked.valid ? { kind: 'save', identity: checked.identity } : askAfterRejection(checked.problem);
}

/** Says why AWS refused the keys and offers to enter again the value it refused, or to save anyway when AWS could not say. */
async function askAfterRejection(problem: AwsProblem): Promise<CheckOutcome> {
  if (problem.kind === 'cancelled') {
    return { kind: 'cancelled' };
  }
  const field = rejectedKeyField(problem);
  const label = labels();
  if (field === undefined) {
    const offers = form.whenAwsCannotAnswer === 'offerToSave' ? [label.saveAnyway, label.tryAgain] : [label.tryAgain];
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('The keys could not be checked. {0}', problem.message), ...offers);
    if (answer === label.saveAnyway) {
      return { kind: 'save', identity: undefined };
    }
    return answer === label.tryAgain ? { kind: 'retry', from: 'secretAccessKey' } : { kind: 'closed' };
  }
  const button =
    problem.kind === 'expiredToken' ? label.reenterKeys : field === 'accessKeyId' ? label.reenterAccessKeyId : label.reenterSecret;
  const answer = await vscode.window.showErrorMessage(vscode.l10n.t('{0} Nothing was saved.', problem.message), button);
  return answer === button ? { kind: 'retry', from: field } : { kind: 'closed' };
}

/** Saves the profile and offers to connect with it; true when the user accepts. */
async function save(service: ProfileService, name: string, keys: IamKeys, identity: Identity | undefined): Promise<boolean> {
  await service.edit(saveKeysEdit(form, name, keys, false));
  await openSideBySide(service.paths);
  const { connect } = labels();
  const answer = await vscode.window.showInformationMessage(
    identity
      ? vscode.l10n.t(
          'Profile {0} was saved for account {1} ({2}). Add another profile below it in the credentials file, or run this command again.',
          name,
          identity.account,
          identity.arn,
        )
      : vscode.l10n.t(
          'Profile {0} was saved without checking the keys. Add another profile below it in the credentials file, or run this command again.',
          name,
        ),
    connect,
  );
  return answer === connect;
}
