/**
 * The checks of the panel's forms, as the user types (in the webview) and again on Continue (in the
 * host). The IAM Credential form has the same checks as Create Credentials Profile, including the
 * session token that a temporary key needs.
 */
import { checkProfileName, checkSessionName } from '../core/ini/writable';
import { isTemporaryAccessKeyId } from '../core/profiles/accessKeys';
import { checkAccessKeyId, checkSecretAccessKey, checkSessionToken, checkSsoRegion, checkStartUrl } from '../core/validation/fieldChecks';
import type { FieldErrors, IamCredentialForm, IdentityCenterErrors, IdentityCenterForm } from './protocol';

/** Each field's problem, for the fields that have one. */
function errorsOf<Field extends string>(checks: readonly (readonly [Field, string | undefined])[]): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const [field, problem] of checks) {
    if (problem) {
      errors[field] = problem;
    }
  }
  return errors;
}

export function formErrors(form: IamCredentialForm): FieldErrors {
  return errorsOf([
    ['profileName', checkProfileName(form.profileName)],
    ['accessKeyId', checkAccessKeyId(form.accessKeyId)],
    ['secretAccessKey', checkSecretAccessKey(form.secretAccessKey)],
    ['sessionToken', isTemporaryAccessKeyId(form.accessKeyId) ? checkSessionToken(form.sessionToken) : undefined],
  ]);
}

/** The checks of the IAM Identity Center form; the session name follows the SDK's rules for section names. */
export function identityCenterErrors(form: IdentityCenterForm): IdentityCenterErrors {
  return errorsOf([
    ['startUrl', checkStartUrl(form.startUrl)],
    ['ssoRegion', checkSsoRegion(form.ssoRegion)],
    ['sessionName', checkSessionName(form.sessionName)],
  ]);
}
