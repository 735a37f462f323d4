/**
 * The checks of the panel's forms, as the user types (in the webview) and again on Continue (in the
 * host). The IAM Credential form has the same checks as Create Credentials Profile, including the
 * session token that a temporary key needs.
 */
import { checkProfileName, checkSessionName } from '../core/ini/writable';
import { isTemporaryAccessKeyId } from '../core/profiles/accessKeys';
import { checkAccessKeyId, checkSecretAccessKey, checkSessionToken, checkSsoRegion, checkStartUrl } from '../core/validation/fieldChecks';
import type { FieldErrors, IamCredentialForm, IdentityCenterErrors, IdentityCenterForm } from './protocol';

export function formErrors(form: IamCredentialForm): FieldErrors {
  const errors: FieldErrors = {};
  const checks = [
    ['profileName', checkProfileName(form.profileName)],
    ['accessKeyId', checkAccessKeyId(form.accessKeyId)],
    ['secretAccessKey', checkSecretAccessKey(form.secretAccessKey)],
    ['sessionToken', isTemporaryAccessKeyId(form.accessKeyId) ? checkSessionToken(form.sessionToken) : undefined],
  ] as const;
  for (const [field, problem] of checks) {
    if (problem) {
      errors[field] = problem;
    }
  }
  return errors;
}

/** The checks of the IAM Identity Center form; the session name follows the SDK's rules for section names. */
export function identityCenterErrors(form: IdentityCenterForm): IdentityCenterErrors {
  const errors: IdentityCenterErrors = {};
  const checks = [
    ['startUrl', checkStartUrl(form.startUrl)],
    ['ssoRegion', checkSsoRegion(form.ssoRegion)],
    ['sessionName', checkSessionName(form.sessionName)],
  ] as const;
  for (const [field, problem] of checks) {
    if (problem) {
      errors[field] = problem;
    }
  }
  return errors;
}
