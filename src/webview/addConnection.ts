/**
 * The Add a New Connection panel, inside the webview. Builds nothing from HTML strings: the markup
 * comes from the host, this script wires it. Values are checked as they are typed with the same rules
 * as the host; the secret and the session token are never saved in the webview state.
 */
import { formErrors } from '../addConnection/formChecks';
import {
  fieldNames as fields,
  type ExistingProfile,
  type FieldName,
  type HostMessage,
  type IamCredentialForm,
  type SavedFormState,
  type WebviewMessage,
} from '../addConnection/protocol';
import { isTemporaryAccessKeyId } from '../core/profiles/accessKeys';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): SavedFormState | undefined;
  setState(state: SavedFormState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const touched = new Set<FieldName>();
let existing: readonly ExistingProfile[] = [];
let credentialsFile = '~/.aws/credentials';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) {
    throw new Error(`The panel has no #${id}`);
  }
  return found as T;
}

const option = element<HTMLInputElement>('option-iam');
const form = element<HTMLFormElement>('iam-form');
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

/** A temporary key (ASIA...) works only with its session token: the field shows for one. */
function showSessionTokenField(): void {
  sessionTokenField.hidden = !isTemporaryAccessKeyId(values().accessKeyId);
}

function showError(field: FieldName, message: string | undefined): void {
  const target = input(field);
  const error = element(`${field}-error`);
  error.textContent = message ?? '';
  error.hidden = !message;
  target.setAttribute('aria-invalid', message ? 'true' : 'false');
}

function showExistingNote(): void {
  const note = element('profileName-note');
  const match = existing.find((profile) => profile.name === values().profileName);
  note.textContent = match
    ? `A profile named ${match.name} already exists. Continue will update its keys in ${[...new Set([...match.files, credentialsFile])].join(' and ')}.`
    : '';
  note.hidden = !match;
}

function checkAsTyped(): void {
  showSessionTokenField();
  const errors = formErrors(values());
  for (const field of fields) {
    showError(field, touched.has(field) ? errors[field] : undefined);
  }
  showExistingNote();
}

function save(): void {
  const { profileName, accessKeyId, region } = values();
  vscode.setState({ option: option.checked ? 'iamCredential' : undefined, profileName, accessKeyId, region });
}

function showForm(): void {
  form.hidden = !option.checked;
}

function restore(): void {
  const state = vscode.getState();
  if (!state) {
    return;
  }
  option.checked = state.option === 'iamCredential';
  input('profileName').value = state.profileName;
  input('accessKeyId').value = state.accessKeyId;
  regionSelect.value = state.region;
  showForm();
}

option.addEventListener('change', () => {
  showForm();
  save();
  if (option.checked) {
    input('profileName').focus();
  }
});

for (const field of fields) {
  const target = input(field);
  target.addEventListener('input', () => {
    if (target.value !== '') {
      touched.add(field);
    }
    checkAsTyped();
    save();
  });
  target.addEventListener('blur', () => {
    touched.add(field);
    checkAsTyped();
  });
}

toggleSecret.addEventListener('click', () => {
  const show = secret.type === 'password';
  secret.type = show ? 'text' : 'password';
  toggleSecret.textContent = show ? 'Hide' : 'Show';
  toggleSecret.setAttribute('aria-pressed', String(show));
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  fields.forEach((field) => touched.add(field));
  checkAsTyped();
  const errors = formErrors(values());
  const first = fields.find((field) => errors[field]);
  if (first) {
    input(first).focus();
    return;
  }
  vscode.postMessage({ type: 'submit', form: values() });
});

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      existing = message.existing;
      credentialsFile = message.credentialsFile;
      for (const region of message.regions) {
        regionSelect.add(new Option(region, region));
      }
      restore();
      checkAsTyped();
      break;
    case 'checking':
      continueButton.disabled = true;
      status.textContent = 'Checking the keys with AWS...';
      break;
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
      break;
    }
    case 'connected':
      continueButton.disabled = false;
      secret.value = '';
      sessionToken.value = '';
      status.textContent = `Connected with profile ${message.profileName}: account ${message.account} (${message.arn}).`;
      break;
  }
});

vscode.postMessage({ type: 'ready' });
