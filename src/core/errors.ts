/**
 * Errors every layer shares: one base for the failures the extension understands (a message in
 * plain words for the user, a reason for code), the message of any error, "was it cancelled", and
 * the masking of anything shaped like a secret in a message (see secrets).
 */
import * as l10n from '@vscode/l10n';
import { withoutSecrets } from './secrets';

/** Marks a KnownError from any bundle: each lazy chunk has its own copy of the class, so `instanceof` sees only its own. */
const knownErrorMark = Symbol.for('awsCredentialManager.KnownError');

/** A failure the extension expects and explains, such as a file changed on disk; not a bug. */
export abstract class KnownError<Reason extends string = string> extends Error {
  abstract readonly reason: Reason;
  readonly [knownErrorMark] = true;
}

/** Whether an error is a KnownError (of that reason, when given), whichever chunk threw it. */
export function isKnownError<Reason extends string>(error: unknown, reason?: Reason): error is KnownError<Reason> {
  if (typeof error !== 'object' || error === null || (error as { [knownErrorMark]?: unknown })[knownErrorMark] !== true) {
    return false;
  }
  return reason === undefined || (error as KnownError).reason === reason;
}

/** The user cancelled: closed an input, pressed Cancel, or a newer request took over. */
export class CancelledError extends KnownError<'cancelled'> {
  readonly reason = 'cancelled';
  // The AWS SDK and `AbortSignal` name a cancellation `AbortError`; so does this one.
  override readonly name = 'AbortError';

  constructor() {
    super(l10n.t('Cancelled.'));
  }
}

/** Whether an error means the user (or a newer request) cancelled, however the code that threw spells it. */
export function isCancellation(error: unknown): boolean {
  if (error instanceof CancelledError) {
    return true;
  }
  const { name, code } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  return name === 'AbortError' || code === 'ABORT_ERR';
}

/** Everything known of a failure for the log: its stack, or its message; masked like errorMessage. */
export function errorDetail(error: unknown): string {
  return withoutSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error));
}

/** The message of anything thrown, with anything shaped like a secret masked: safe to show and log. */
export function errorMessage(error: unknown): string {
  return withoutSecrets(error instanceof Error ? error.message : String(error));
}
