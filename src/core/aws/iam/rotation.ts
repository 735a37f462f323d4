/**
 * Rotating a profile's access key as a state machine: create a new key, verify it with STS (retried
 * while IAM propagates it), write it into the files in place of the old one, then delete or
 * deactivate the old key. Each step's failure has one rollback, so a working key stays in the file:
 * before the write, the new key is deleted and the file keeps the old key; after it, the file holds
 * the new key, which works, and the message says the old one is still active. The steps come from
 * the caller (IAM and STS through the SDK, the write through the profile service), so the plan is
 * tested without either.
 */
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
  return `the key ending in ${accessKeyId.slice(-4)}`;
}

export async function rotateAccessKey(request: RotationRequest, steps: RotationSteps): Promise<RotationOutcome> {
  const { profile, oldKeyId, fate } = request;
  steps.progress('Creating a new access key...');
  let created: NewAccessKey;
  try {
    created = await steps.createKey();
  } catch (error) {
    return { kind: 'failed', step: 'create', newKeyDeleted: undefined, message: await createFailure(error, request, steps) };
  }
  const newKey: KeyCredentials = { accessKeyId: created.accessKeyId, secretAccessKey: created.secretAccessKey };
  steps.progress(`Checking ${keyEnding(newKey.accessKeyId)} with AWS STS...`);
  const unverified = await verifyWithRetries(newKey, request.verifyWithinMs ?? defaultVerifyWithinMs, steps);
  if (unverified) {
    return rollBack(steps, 'verify', newKey, `AWS did not accept the new key: ${unverified.message}`);
  }
  steps.progress(`Writing ${keyEnding(newKey.accessKeyId)} into the profile ${quoted(profile)}...`);
  try {
    await steps.writeKey(newKey);
  } catch (error) {
    // Deleting a key the file now holds would leave the profile with a dead key: the old one is then retired as planned.
    if (!(await steps.holdsKey(newKey.accessKeyId).catch(() => false))) {
      return rollBack(
        steps,
        'write',
        newKey,
        `The new key could not be written into the profile ${quoted(profile)}: ${errorMessage(error)}`,
      );
    }
  }
  steps.progress(fate === 'delete' ? `Deleting ${keyEnding(oldKeyId)}...` : `Deactivating ${keyEnding(oldKeyId)}...`);
  try {
    await steps.retireKey(oldKeyId, fate);
  } catch (error) {
    return {
      kind: 'failed',
      step: 'retire',
      newKeyDeleted: undefined,
      message:
        `The profile ${quoted(profile)} now has the new key (${keyEnding(newKey.accessKeyId)}), which works, but the old key ` +
        `(${keyEnding(oldKeyId)}) is still active: IAM refused to ${fate} it (${describeAwsError(error).message}). ` +
        `${fate === 'delete' ? 'Delete' : 'Deactivate'} it in the IAM console (the user's Security credentials), or with ` +
        `aws iam ${fate === 'delete' ? 'delete-access-key' : 'update-access-key --status Inactive'} --access-key-id ID ` +
        `(aws iam list-access-keys --profile ${quoted(profile)} shows its ID).`,
    };
  }
  const done = fate === 'delete' ? 'deleted' : 'deactivated (delete it in IAM once nothing uses it)';
  return {
    kind: 'rotated',
    message: `The profile ${quoted(profile)} has a new access key (${keyEnding(newKey.accessKeyId)}); the old key (${keyEnding(oldKeyId)}) was ${done}.`,
  };
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
async function rollBack(steps: RotationSteps, step: RotationStep, newKey: KeyCredentials, what: string): Promise<RotationOutcome> {
  steps.progress(`Deleting ${keyEnding(newKey.accessKeyId)} again...`);
  try {
    await steps.deleteKey(newKey.accessKeyId);
    return {
      kind: 'failed',
      step,
      newKeyDeleted: true,
      message: `${withStop(what)} The new key was deleted again; the file and the old key are as they were, and the old key still works.`,
    };
  } catch (error) {
    return {
      kind: 'failed',
      step,
      newKeyDeleted: false,
      message:
        `${withStop(what)} The file and the old key are as they were, and the old key still works, but the new key ` +
        `(${keyEnding(newKey.accessKeyId)}) could not be deleted (${describeAwsError(error).message}): delete it in the IAM console.`,
    };
  }
}

async function createFailure(error: unknown, request: RotationRequest, steps: RotationSteps): Promise<string> {
  const nothing = 'Nothing was changed.';
  if (isLimitExceeded(error)) {
    return `${await twoKeysAlready(request, steps)} ${nothing}`;
  }
  const problem = describeAwsError(error);
  if (problem.kind === 'accessDenied') {
    return (
      'IAM refused to create a key: the user needs the permission iam:CreateAccessKey on itself ' +
      `(and iam:DeleteAccessKey or iam:UpdateAccessKey to retire the old key). ${withStop(problem.message)} ${nothing}`
    );
  }
  return `A new key could not be created: ${withStop(problem.message)} ${nothing}`;
}

/** IAM allows two keys a user: which one to delete before rotating, when the user has two. */
async function twoKeysAlready({ profile, oldKeyId }: RotationRequest, steps: RotationSteps): Promise<string> {
  const keys = await steps.listKeys().catch(() => []);
  const user = keys[0]?.userName;
  const other = keys.find((key) => key.accessKeyId !== oldKeyId);
  const otherKey = other
    ? `${keyEnding(other.accessKeyId)} (${(other.status ?? 'status unknown').toLowerCase()}` +
      `${other.createDate ? `, created ${other.createDate.toISOString().slice(0, 10)}` : ''})`
    : 'another key';
  return (
    `${user === undefined ? 'This IAM user' : `The IAM user ${quoted(user)}`} has two access keys already, the most IAM allows: ` +
    `the profile ${quoted(profile)}'s (${keyEnding(oldKeyId)}) and ${otherKey}. ` +
    `Delete ${other ? keyEnding(other.accessKeyId) : 'the other key'} if nothing uses it (in the IAM console, the user's ` +
    'Security credentials, or with aws iam delete-access-key), then rotate again.'
  );
}

function isLimitExceeded(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'LimitExceededException' || name === 'LimitExceeded';
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
