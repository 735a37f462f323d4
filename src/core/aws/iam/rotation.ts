/**
 * Rotating a profile's access key as a state machine: create a new key, verify it with STS (retried
 * while IAM propagates it), write it into the files in place of the old one, then delete or
 * deactivate the old key. Each step's failure has one rollback, so a working key stays in the file:
 * before the write, the new key is deleted and the file keeps the old key; after it, the file holds
 * the new key, which works, and the message says the old one is still active. The steps come from
 * the caller (IAM and STS through the SDK, the write through the profile service), so the plan is
 * tested without either.
 */
import * as l10n from '@vscode/l10n';
import { errorMessage } from '../../errors';
import { quoted } from '../../secrets';
import type { KeyCredentials } from '../clients';
import { describeAwsError, type AwsProblem } from '../errors';

export type RotationStep = 'create' | 'verify' | 'write' | 'retire';

/** What becomes of the old key once the new one is in the file: deleted, or only made Inactive. */
export type OldKeyFate = 'delete' | 'deactivate';

export interface AccessKeyInfo {
  readonly accessKeyId: string;
  readonly userName: string | undefined;
  readonly status: string | undefined;
  readonly createDate: Date | undefined;
}

export interface NewAccessKey extends KeyCredentials {
  readonly userName: string | undefined;
}

/** What the rotation does, one function per step; each throws what the SDK or the writer threw. */
export interface RotationSteps {
  createKey(): Promise<NewAccessKey>;
  /** The user's keys, asked with the old key, to say which to delete when there are two already. */
  listKeys(): Promise<readonly AccessKeyInfo[]>;
  /** One attempt to sign in with the new key (STS GetCallerIdentity). */
  verifyKey(key: KeyCredentials): Promise<void>;
  writeKey(key: KeyCredentials): Promise<void>;
  /** Whether the profile in the files holds this key now: a write can fail after its rename put the new text in place. */
  holdsKey(accessKeyId: string): Promise<boolean>;
  retireKey(accessKeyId: string, fate: OldKeyFate): Promise<void>;
  deleteKey(accessKeyId: string): Promise<void>;
  /** Called before each step, with what it does, for the progress notification. */
  progress(message: string): void;
  /** Waits between verification attempts; a test passes one that takes no time. */
  wait(ms: number): Promise<void>;
  now(): number;
}

export interface RotationRequest {
  readonly profile: string;
  /** The old key's ID: the one in the file, whose secret signs the IAM calls. */
  readonly oldKeyId: string;
  readonly fate: OldKeyFate;
  /** How long to keep trying a new key that AWS does not know yet (IAM takes a few seconds to propagate it). */
  readonly verifyWithinMs?: number;
}

export type RotationOutcome =
  | { readonly kind: 'rotated'; readonly message: string }
  | {
      readonly kind: 'failed';
      readonly step: RotationStep;
      /** Whether the new key was deleted again; undefined when none was created or it had to stay. */
      readonly newKeyDeleted: boolean | undefined;
      readonly message: string;
    };

/** About as long as IAM takes to make a new key usable everywhere; then the new key is given up. */
export const defaultVerifyWithinMs = 30_000;

/** The first pause between verification attempts; it doubles up to `longestPauseMs`. */
const firstPauseMs = 500;
const longestPauseMs = 4_000;

/** Problems that may go away by themselves: a key IAM has not propagated yet, throttling, the network. */
const passing: ReadonlySet<AwsProblem['kind']> = new Set(['unknownKey', 'throttled', 'network', 'timeout']);

/** How a message names a key: by its last four characters, as the IAM console lets one find it, never whole. */
export function keyEnding(accessKeyId: string): string {
  return l10n.t('the key ending in {0}', lastFour(accessKeyId));
}

/** What a message shows of a key ID; the words "the key ending in" are in each message's own template. */
function lastFour(accessKeyId: string): string {
  return accessKeyId.slice(-4);
}

/** Why the new key is given up before the file holds it: AWS did not accept it, or it could not be written. */
type GivenUp =
  { readonly step: 'verify'; readonly problem: string } | { readonly step: 'write'; readonly profile: string; readonly reason: string };

export async function rotateAccessKey(request: RotationRequest, steps: RotationSteps): Promise<RotationOutcome> {
  const { profile, oldKeyId, fate } = request;
  steps.progress(l10n.t('Creating a new access key...'));
  let created: NewAccessKey;
  try {
    created = await steps.createKey();
  } catch (error) {
    return { kind: 'failed', step: 'create', newKeyDeleted: undefined, message: await createFailure(error, request, steps) };
  }
  const newKey: KeyCredentials = { accessKeyId: created.accessKeyId, secretAccessKey: created.secretAccessKey };
  steps.progress(l10n.t('Checking the key ending in {0} with AWS STS...', lastFour(newKey.accessKeyId)));
  const unverified = await verifyWithRetries(newKey, request.verifyWithinMs ?? defaultVerifyWithinMs, steps);
  if (unverified) {
    return rollBack(steps, newKey, { step: 'verify', problem: unverified.message });
  }
  steps.progress(l10n.t('Writing the key ending in {0} into the profile {1}...', lastFour(newKey.accessKeyId), quoted(profile)));
  try {
    await steps.writeKey(newKey);
  } catch (error) {
    // Deleting a key the file now holds would leave the profile with a dead key: the old one is then retired as planned.
    if (!(await steps.holdsKey(newKey.accessKeyId).catch(() => false))) {
      return rollBack(steps, newKey, { step: 'write', profile, reason: errorMessage(error) });
    }
  }
  steps.progress(
    fate === 'delete'
      ? l10n.t('Deleting the key ending in {0}...', lastFour(oldKeyId))
      : l10n.t('Deactivating the key ending in {0}...', lastFour(oldKeyId)),
  );
  try {
    await steps.retireKey(oldKeyId, fate);
  } catch (error) {
    return {
      kind: 'failed',
      step: 'retire',
      newKeyDeleted: undefined,
      message: retireFailure(profile, newKey.accessKeyId, oldKeyId, fate, describeAwsError(error).message),
    };
  }
  return {
    kind: 'rotated',
    message:
      fate === 'delete'
        ? l10n.t(
            'The profile {0} has a new access key (the key ending in {1}); the old key (the key ending in {2}) was deleted.',
            quoted(profile),
            lastFour(newKey.accessKeyId),
            lastFour(oldKeyId),
          )
        : l10n.t(
            'The profile {0} has a new access key (the key ending in {1}); the old key (the key ending in {2}) was deactivated (delete it in IAM once nothing uses it).',
            quoted(profile),
            lastFour(newKey.accessKeyId),
            lastFour(oldKeyId),
          ),
  };
}

/** The file holds the new key, which works, but IAM kept the old one active: how to retire it by hand. */
function retireFailure(profile: string, newKeyId: string, oldKeyId: string, fate: OldKeyFate, problem: string): string {
  return fate === 'delete'
    ? l10n.t(
        "The profile {0} now has the new key (the key ending in {1}), which works, but the old key (the key ending in {2}) is still active: IAM refused to delete it ({3}). Delete it in the IAM console (the user's Security credentials), or with aws iam delete-access-key --access-key-id ID (aws iam list-access-keys --profile {0} shows its ID).",
        quoted(profile),
        lastFour(newKeyId),
        lastFour(oldKeyId),
        problem,
      )
    : l10n.t(
        "The profile {0} now has the new key (the key ending in {1}), which works, but the old key (the key ending in {2}) is still active: IAM refused to deactivate it ({3}). Deactivate it in the IAM console (the user's Security credentials), or with aws iam update-access-key --status Inactive --access-key-id ID (aws iam list-access-keys --profile {0} shows its ID).",
        quoted(profile),
        lastFour(newKeyId),
        lastFour(oldKeyId),
        problem,
      );
}

/** Tries the new key until AWS accepts it, for a bounded time; the problem when it never does. */
async function verifyWithRetries(key: KeyCredentials, withinMs: number, steps: RotationSteps): Promise<AwsProblem | undefined> {
  const deadline = steps.now() + withinMs;
  for (let pause = firstPauseMs; ; pause = Math.min(pause * 2, longestPauseMs)) {
    try {
      await steps.verifyKey(key);
      return undefined;
    } catch (error) {
      const problem = describeAwsError(error);
      if (!passing.has(problem.kind) || steps.now() + pause > deadline) {
        return problem;
      }
    }
    await steps.wait(pause);
  }
}

/** Deletes the new key again, so the old key, still in the file, stays the only one. */
async function rollBack(steps: RotationSteps, newKey: KeyCredentials, why: GivenUp): Promise<RotationOutcome> {
  const { step } = why;
  steps.progress(l10n.t('Deleting the key ending in {0} again...', lastFour(newKey.accessKeyId)));
  try {
    await steps.deleteKey(newKey.accessKeyId);
    return { kind: 'failed', step, newKeyDeleted: true, message: rolledBack(why) };
  } catch (error) {
    return { kind: 'failed', step, newKeyDeleted: false, message: leftInIam(why, newKey.accessKeyId, describeAwsError(error).message) };
  }
}

/** The new key was deleted again: the file and the old key are as they were. */
function rolledBack(why: GivenUp): string {
  return why.step === 'verify'
    ? l10n.t(
        'AWS did not accept the new key: {0} The new key was deleted again; the file and the old key are as they were, and the old key still works.',
        withStop(why.problem),
      )
    : l10n.t(
        'The new key could not be written into the profile {0}: {1} The new key was deleted again; the file and the old key are as they were, and the old key still works.',
        quoted(why.profile),
        withStop(why.reason),
      );
}

/** The new key could not be deleted again either: it stays in IAM, unused, for the person to delete. */
function leftInIam(why: GivenUp, newKeyId: string, problem: string): string {
  return why.step === 'verify'
    ? l10n.t(
        'AWS did not accept the new key: {0} The file and the old key are as they were, and the old key still works, but the new key (the key ending in {1}) could not be deleted ({2}): delete it in the IAM console.',
        withStop(why.problem),
        lastFour(newKeyId),
        problem,
      )
    : l10n.t(
        'The new key could not be written into the profile {0}: {1} The file and the old key are as they were, and the old key still works, but the new key (the key ending in {2}) could not be deleted ({3}): delete it in the IAM console.',
        quoted(why.profile),
        withStop(why.reason),
        lastFour(newKeyId),
        problem,
      );
}

async function createFailure(error: unknown, request: RotationRequest, steps: RotationSteps): Promise<string> {
  if (isLimitExceeded(error)) {
    return twoKeysAlready(request, steps);
  }
  const problem = describeAwsError(error);
  if (problem.kind === 'accessDenied') {
    return l10n.t(
      'IAM refused to create a key: the user needs the permission iam:CreateAccessKey on itself (and iam:DeleteAccessKey or iam:UpdateAccessKey to retire the old key). {0} Nothing was changed.',
      withStop(problem.message),
    );
  }
  return l10n.t('A new key could not be created: {0} Nothing was changed.', withStop(problem.message));
}

/** IAM allows two keys a user: which one to delete before rotating, when the user has two. */
async function twoKeysAlready({ profile, oldKeyId }: RotationRequest, steps: RotationSteps): Promise<string> {
  const keys = await steps.listKeys().catch(() => []);
  const user = keys[0]?.userName;
  const other = keys.find((key) => key.accessKeyId !== oldKeyId);
  const name = quoted(profile);
  if (!other) {
    return user === undefined
      ? l10n.t(
          "This IAM user has two access keys already, the most IAM allows: the profile {0}'s (the key ending in {1}) and another key. Delete the other key if nothing uses it (in the IAM console, the user's Security credentials, or with aws iam delete-access-key), then rotate again. Nothing was changed.",
          name,
          lastFour(oldKeyId),
        )
      : l10n.t(
          "The IAM user {0} has two access keys already, the most IAM allows: the profile {1}'s (the key ending in {2}) and another key. Delete the other key if nothing uses it (in the IAM console, the user's Security credentials, or with aws iam delete-access-key), then rotate again. Nothing was changed.",
          quoted(user),
          name,
          lastFour(oldKeyId),
        );
  }
  const otherKey = otherKeyWords(other);
  return user === undefined
    ? l10n.t(
        "This IAM user has two access keys already, the most IAM allows: the profile {0}'s (the key ending in {1}) and {2}. Delete the key ending in {3} if nothing uses it (in the IAM console, the user's Security credentials, or with aws iam delete-access-key), then rotate again. Nothing was changed.",
        name,
        lastFour(oldKeyId),
        otherKey,
        lastFour(other.accessKeyId),
      )
    : l10n.t(
        "The IAM user {0} has two access keys already, the most IAM allows: the profile {1}'s (the key ending in {2}) and {3}. Delete the key ending in {4} if nothing uses it (in the IAM console, the user's Security credentials, or with aws iam delete-access-key), then rotate again. Nothing was changed.",
        quoted(user),
        name,
        lastFour(oldKeyId),
        otherKey,
        lastFour(other.accessKeyId),
      );
}

/** The other key as the message names it: "the key ending in 0003 (inactive, created 2025-03-01)". */
function otherKeyWords(other: AccessKeyInfo): string {
  const status = statusWord(other.status);
  const ending = lastFour(other.accessKeyId);
  return other.createDate
    ? l10n.t('the key ending in {0} ({1}, created {2})', ending, status, other.createDate.toISOString().slice(0, 10))
    : l10n.t('the key ending in {0} ({1})', ending, status);
}

/** IAM's status of a key (Active, Inactive, Expired) in a word; one IAM adds later, lowercased as it is. */
function statusWord(status: string | undefined): string {
  switch (status) {
    case undefined:
      return l10n.t('status unknown');
    case 'Active':
      return l10n.t('active');
    case 'Inactive':
      return l10n.t('inactive');
    case 'Expired':
      return l10n.t('expired');
    default:
      return status.toLowerCase();
  }
}

function isLimitExceeded(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'LimitExceededException' || name === 'LimitExceeded';
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
