/**
 * The checks of the IAM Credential form, as the user types (in the webview) and again on Continue
 * (in the host): the same rules as Create Credentials Profile.
 */
import { checkProfileName } from '../core/ini/writable';
import { checkAccessKeyId, checkSecretAccessKey } from '../core/validation/fieldChecks';
import type { FieldName, IamCredentialForm } from './protocol';

export function formErrors(form: IamCredentialForm): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  const checks: [FieldName, string | undefined][] = [
    ['profileName', checkProfileName(form.profileName)],
    ['accessKeyId', checkAccessKeyId(form.accessKeyId)],
    ['secretAccessKey', checkSecretAccessKey(form.secretAccessKey)],
  ];
  for (const [field, problem] of checks) {
    if (problem) {
      errors[field] = problem;
    }
  }
  return errors;
}
