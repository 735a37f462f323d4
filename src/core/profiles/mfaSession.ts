/**
 * An IAM user's long-term keys with `mfa_serial` and no role. The AWS SDK and CLI ignore the serial
 * there; the extension exchanges the keys for an MFA session with STS GetSessionToken, and may keep
 * that session in a `NAME-mfa` profile for the CLI (as `aws configure mfa-login` writes one).
 */
import * as l10n from '@vscode/l10n';
import { quoted } from '../secrets';
import type { ProfileEdit } from './edits';
import { addConnectionForm, saveKeysEdit, type IamKeys } from './iamKeys';
import type { Profile } from './model';

/** GetSessionToken's limits for an IAM user, in seconds: 15 minutes to 36 hours, 12 hours by default. */
export const sessionTokenSeconds = { min: 900, max: 129_600, default: 43_200 } as const;

export interface MfaSessionRequest {
  readonly serial: string;
  readonly durationSeconds: number;
}

/** Whether a profile's keys are exchanged for an MFA session: an IAM user's long-term keys with a serial, and no role. */
export function takesMfaSession({ kind, mfaSerial }: { readonly kind: string; readonly mfaSerial: string | undefined }): boolean {
  return kind === 'staticKeys' && mfaSerial !== undefined;
}

/** The MFA session a profile's keys are exchanged for, or undefined when the profile is used as the SDK reads it. */
export function mfaSessionOf(profile: Profile): MfaSessionRequest | undefined {
  if (!takesMfaSession(profile) || profile.mfaSerial === undefined) {
    return undefined;
  }
  return { serial: profile.mfaSerial, durationSeconds: sessionSeconds(profile.settings.get('duration_seconds')) };
}

/** `duration_seconds` when it is a whole number GetSessionToken takes, else the default (the validator warns about the rest). */
export function sessionSeconds(value: string | undefined): number {
  const seconds = value !== undefined && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return seconds >= sessionTokenSeconds.min && seconds <= sessionTokenSeconds.max ? seconds : sessionTokenSeconds.default;
}

export function mfaProfileName(profile: string): string {
  return `${profile}-mfa`;
}

/**
 * The edit that writes an MFA session into the `NAME-mfa` profile: added, or its keys and region
 * replaced when it holds session keys already, as Add a New Connection updates a profile. A profile
 * of that name that is anything else (a role, an SSO profile, long-term keys) belongs to the user:
 * it is left alone, with the reason.
 */
export function mfaProfileEdit(
  existing: Profile | undefined,
  name: string,
  session: IamKeys,
): { readonly edit: ProfileEdit } | { readonly refused: string } {
  if (existing !== undefined && existing.kind !== 'sessionKeys') {
    return {
      refused: l10n.t(
        'The profile {0} exists already and is not an MFA session (it has no aws_session_token beside its keys), so it was left as it is. Rename it to let the MFA session be written there.',
        quoted(name),
      ),
    };
  }
  return { edit: saveKeysEdit(addConnectionForm, name, session, existing !== undefined) };
}
