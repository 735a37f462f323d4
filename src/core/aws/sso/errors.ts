/**
 * IAM Identity Center's errors in plain words: a sign-in that was denied, timed out or pointed at
 * no Identity Center, and a sign-in that has ended (the person signs in again; never a raw code).
 */
import * as l10n from '@vscode/l10n';
import { quoted } from '../../secrets';
import { describeAwsError, type AwsProblem } from '../errors';
import type { IdentityCenter } from './oidc';

/** Why a sign-in or a token no longer serves: the person must sign in again. */
const endedCodes = new Set(['UnauthorizedException', 'InvalidGrantException', 'InvalidClientException', 'ExpiredTokenException']);

/** A failure of a sign-in, said for the start URL and region the person typed. */
export function describeSignInError(error: unknown, center: IdentityCenter): AwsProblem {
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case 'AccessDeniedException':
      return { kind: 'accessDenied', message: l10n.t('The sign-in was denied in the browser. Sign in again and choose Allow access.') };
    case 'ExpiredTokenException':
      return { kind: 'expiredToken', message: l10n.t('The sign-in was not approved in time and its code expired. Sign in again.') };
    case 'InvalidRequestException':
    case 'InvalidRequestRegionException':
    case 'InvalidClientMetadataException':
      return {
        kind: 'other',
        message: l10n.t(
          "There is no IAM Identity Center with the start URL {0} in {1}. Check both: they are on the AWS access portal's page of the Identity Center console (Settings, Identity source).",
          center.startUrl,
          center.region,
        ),
      };
  }
  const problem = describeAwsError(error);
  return problem.kind === 'network' && /ENOTFOUND|EAI_AGAIN/.test(problem.message)
    ? {
        kind: 'network',
        message: l10n.t('IAM Identity Center in {0} could not be reached: check the region, your network or proxy.', center.region),
      }
    : problem;
}

/** Whether a failure of a refresh or a portal call means the sign-in has ended. */
export function signInEnded(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && endedCodes.has(name);
}

/** Why a sign-in must be made again once IAM Identity Center refused it (see signInEnded). */
export function signInEndedReason(label: string): string {
  return l10n.t('IAM Identity Center no longer accepts the sign-in for {0}.', quoted(label));
}
