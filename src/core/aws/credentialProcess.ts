/**
 * A profile's `credential_process`, run as the AWS SDK runs it (the command line through the
 * system shell, its standard output read as JSON of Version 1) but bounded in time, and with what
 * went wrong in plain words: the exit code and the end of its standard error, masked. The SDK's own
 * runner keeps neither and waits for ever.
 */
import { spawn } from 'node:child_process';
import * as l10n from '@vscode/l10n';
import { CancelledError, KnownError } from '../errors';
import { quoted, withoutSecrets } from '../secrets';
import type { TemporaryCredentials } from './clients';

export class CredentialProcessFailed extends KnownError<'credentialProcess'> {
  readonly reason = 'credentialProcess';
  override readonly name = 'CredentialProcessFailed';
}

export interface ProcessOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

/** How much of standard error a message quotes, from its end, where programs say what failed. */
const stderrShown = 400;
/** Output beyond this is not credentials: the process is stopped. */
const outputLimit = 1 << 20;

export async function processCredentials(profile: string, command: string, options: ProcessOptions): Promise<TemporaryCredentials> {
  const stdout = await run(profile, command, options);
  let data: unknown;
  try {
    data = JSON.parse(stdout.trim());
  } catch {
    throw new CredentialProcessFailed(
      l10n.t('The credential_process of profile {0} printed something that is not JSON on its standard output.', quoted(profile)),
    );
  }
  return credentialsOf(profile, data);
}

/** The checks of the SDK's reader, in the same order. */
function credentialsOf(profile: string, data: unknown): TemporaryCredentials {
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (record['Version'] !== 1) {
    throw new CredentialProcessFailed(
      l10n.t(
        'The credential_process of profile {0} did not print "Version": 1 (the only version the AWS SDK and CLI read).',
        quoted(profile),
      ),
    );
  }
  const { AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey, SessionToken: sessionToken, Expiration: expiration } = record;
  if (typeof accessKeyId !== 'string' || typeof secretAccessKey !== 'string') {
    throw new CredentialProcessFailed(
      l10n.t('The credential_process of profile {0} printed no AccessKeyId and SecretAccessKey.', quoted(profile)),
    );
  }
  const expires = typeof expiration === 'string' && expiration ? new Date(expiration) : undefined;
  if (expires && Number.isNaN(expires.getTime())) {
    throw new CredentialProcessFailed(
      l10n.t(
        'The credential_process of profile {0} printed an Expiration that is not a date and time (ISO 8601, such as {1}).',
        quoted(profile),
        '2026-12-01T18:00:00Z',
      ),
    );
  }
  if (expires && expires.getTime() < Date.now()) {
    throw new CredentialProcessFailed(
      l10n.t('The credential_process of profile {0} printed credentials that expired at {1}.', quoted(profile), expires.toISOString()),
    );
  }
  return {
    accessKeyId,
    secretAccessKey,
    ...(typeof sessionToken === 'string' && sessionToken ? { sessionToken } : {}),
    expiration: expires,
  };
}

/** The end of what a process said, masked before it is cut (a cut secret would no longer look like one), from a word's start. */
function lastWords(text: string): string {
  if (text.length <= stderrShown) {
    return text;
  }
  const tail = text.slice(-stderrShown);
  const space = tail.search(/\s/);
  return `...${space === -1 ? tail : tail.slice(space + 1)}`;
}

function run(profile: string, command: string, { timeoutMs, signal }: ProcessOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout stops what the shell started too.
    const child = spawn(command, {
      shell: true,
      detached: process.platform !== 'win32',
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let outLength = 0;
    let err = '';
    let stopped: KnownError | undefined;
    const stop = (why: KnownError): void => {
      stopped ??= why;
      try {
        if (child.pid !== undefined && process.platform !== 'win32') {
          process.kill(-child.pid, 'SIGKILL');
        } else {
          child.kill('SIGKILL');
        }
      } catch {
        // It ended by itself meanwhile.
      }
    };
    const timer = setTimeout(
      () =>
        stop(
          new CredentialProcessFailed(
            l10n.t(
              'The credential_process of profile {0} did not finish within {1} s, so it was stopped.',
              quoted(profile),
              Math.round(timeoutMs / 1000),
            ),
          ),
        ),
      timeoutMs,
    );
    const onAbort = (): void => stop(new CancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) {
      onAbort();
    }
    child.stdout.on('data', (chunk: Buffer) => {
      outLength += chunk.length;
      if (outLength > outputLimit) {
        stop(new CredentialProcessFailed(l10n.t('The credential_process of profile {0} printed more than 1 MB.', quoted(profile))));
      } else {
        out.push(chunk);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-4 * stderrShown);
    });
    child.on('error', (error) =>
      stop(
        new CredentialProcessFailed(
          l10n.t('The credential_process of profile {0} could not be started ({1}).', quoted(profile), error.message),
        ),
      ),
    );
    child.on('close', (code, killedBy) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (stopped) {
        reject(stopped);
      } else if (code !== 0) {
        reject(new CredentialProcessFailed(endedMessage(profile, code, killedBy, lastWords(withoutSecrets(err.trim())))));
      } else {
        resolve(Buffer.concat(out).toString('utf8'));
      }
    });
  });
}

/** How a process that failed ended, with the end of what it said on standard error when it said anything. */
function endedMessage(profile: string, code: number | null, killedBy: NodeJS.Signals | null, said: string): string {
  const name = quoted(profile);
  if (code !== null) {
    return said
      ? l10n.t('The credential_process of profile {0} exited with code {1}: {2}.', name, code, said)
      : l10n.t('The credential_process of profile {0} exited with code {1}, printing nothing on its standard error.', name, code);
  }
  if (killedBy === null) {
    return said
      ? l10n.t('The credential_process of profile {0} was stopped by a signal: {1}.', name, said)
      : l10n.t('The credential_process of profile {0} was stopped by a signal, printing nothing on its standard error.', name);
  }
  return said
    ? l10n.t('The credential_process of profile {0} was stopped by {1}: {2}.', name, killedBy, said)
    : l10n.t('The credential_process of profile {0} was stopped by {1}, printing nothing on its standard error.', name, killedBy);
}
