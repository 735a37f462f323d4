/**
 * The IAM Credential form of the panel. Values are checked as they are typed with the same rules
 * as the host; the secret and the session token are never saved in the webview state.
 */
import { formErrors } from '../addConnection/formChecks';
import {
  fieldNames as fields,
  type ExistingProfile,
  type FieldName,
  type HostMessage,
  type IamCredentialForm,
} from '../addConnection/protocol';
import { isTemporaryAccessKeyId } from '../core/profiles/accessKeys';
import { addRegions, element, host, showError, wireCheckedForm } from './dom';
import * as l10n from '@vscode/l10n';

let existing: readonly ExistingProfile[] = [];
let credentialsFile = '~/.aws/credentials';

export const iamForm = element<HTMLFormElement>('iam-form');
const continueButton = element<HTMLButtonElement>('continue');
const secret = element<HTMLInputElement>('secretAccessKey');
const sessionToken = element<HTMLInputElement>('sessionToken');
const sessionTokenField = element<HTMLDivElement>('sessionToken-field');
const toggleSecret = element<HTMLButtonElement>('toggle-secret');
const status = element<HTMLParagraphElement>('form-status');
const regionSelect = element<HTMLSelectElement>('region');

function input(field: FieldName): HTMLInputElement | HTMLSelectElement {
  return element(field);
}

function values(): IamCredentialForm {
  return {
    profileName: input('profileName').value.trim(),
    accessKeyId: input('accessKeyId').value.trim(),
    secretAccessKey: secret.value.trim(),
    sessionToken: sessionToken.value.trim(),
    region: regionSelect.value,
  };
}

/** What the panel's state keeps of this form: no secret. */
export function iamState(): { profileName: string; accessKeyId: string; region: string } {
  const { profileName, accessKeyId, region } = values();
  return { profileName, accessKeyId, region };
}

export function restoreIam(state: { profileName: string; accessKeyId: string; region: string }): void {
  input('profileName').value = state.profileName;
  input('accessKeyId').value = state.accessKeyId;
  regionSelect.value = state.region;
}

/** A temporary key (ASIA...) works only with its session token: the field shows for one. */
function showSessionTokenField(): void {
  sessionTokenField.hidden = !isTemporaryAccessKeyId(values().accessKeyId);
}

function showExistingNote(): void {
  const note = element('profileName-note');
  const match = existing.find((profile) => profile.name === values().profileName);
  note.textContent = match
    ? l10n.t(
        'A profile named {0} already exists. Continue will update its keys in {1}.',
        match.name,
        [...new Set([...match.files, credentialsFile])].join(l10n.t(' and ')),
      )
    : '';
  note.hidden = !match;
}

export function focusIam(): void {
  input('profileName').focus();
}

let checkAsTyped: () => void = () => undefined;

/** Wires the form; `save` keeps the panel's state after each change. */
export function wireIamForm(save: () => void): void {
  checkAsTyped = wireCheckedForm({
    form: iamForm,
    fields,
    input,
    errors: () => formErrors(values()),
    onChange: () => {
      showSessionTokenField();
      showExistingNote();
    },
    save,
    submit: () => host.postMessage({ type: 'submit', form: values() }),
  });
  toggleSecret.addEventListener('click', () => {
    const show = secret.type === 'password';
    secret.type = show ? 'text' : 'password';
    toggleSecret.textContent = show ? l10n.t('Hide') : l10n.t('Show');
    toggleSecret.setAttribute('aria-pressed', String(show));
  });
}

/** The host's messages about this form; false for one that is not about it. */
export function onIamMessage(message: HostMessage): boolean {
  switch (message.type) {
    case 'init':
      existing = message.existing;
      credentialsFile = message.credentialsFile;
      addRegions(regionSelect, message.regions);
      return false;
    case 'checking':
      continueButton.disabled = true;
      status.textContent = l10n.t('Checking the keys with AWS...');
      return true;
    case 'rejected': {
      continueButton.disabled = false;
      status.textContent = message.formError ?? '';
      for (const field of fields) {
        showError(field, message.errors[field]);
      }
      const first = fields.find((field) => message.errors[field]);
      if (first) {
        input(first).focus();
      }
      return true;
    }
    case 'hidden':
      secret.value = '';
      sessionToken.value = '';
      return false;
    case 'connected':
      continueButton.disabled = false;
      secret.value = '';
      sessionToken.value = '';
      status.textContent = l10n.t('Connected with profile {0}: account {1} ({2}).', message.profileName, message.account, message.arn);
      return true;
    default:
      return false;
  }
}

/** After init: the restored values are checked as if typed. */
export function checkIamAsTyped(): void {
  checkAsTyped();
}
