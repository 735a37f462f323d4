/**
 * The checks of the IAM Credential form, as the user types (in the webview) and again on Continue
 * (in the host): the same checks as Create Credentials Profile, including the session token that a
 * temporary key needs.
 */
import { checkProfileName } from '../core/ini/writable';
import { isTemporaryAccessKeyId } from '../core/profiles/accessKeys';
import { checkAccessKeyId, checkSecretAccessKey, checkSessionToken } from '../core/validation/fieldChecks';
import type { FieldErrors, IamCredentialForm } from './protocol';

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
