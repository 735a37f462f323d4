/**
 * The IAM Identity Center form of the panel, and its browser step: the start URL checked as typed,
 * the session name defaulted from it (until the person types one), a start URL of a session in the
 * config file reusing that session; then the code to confirm (or the tab to approve in) with Cancel.
 */
import { identityCenterErrors } from '../addConnection/formChecks';
import {
  identityCenterFieldNames as fields,
  type HostMessage,
  type IdentityCenterField,
  type IdentityCenterForm,
  type KnownSession,
  type SignInStep,
} from '../addConnection/protocol';
import { sameStartUrl, sessionNameFrom } from '../core/profiles/ssoNames';
import { addRegions, element, host, showError, wireCheckedForm } from './dom';
import * as l10n from '@vscode/l10n';

export const ssoForm = element<HTMLFormElement>('sso-form');
const continueButton = element<HTMLButtonElement>('sso-continue');
const status = element<HTMLParagraphElement>('sso-status');
const step = element<HTMLElement>('sign-in-step');
const deviceStep = element<HTMLDivElement>('device-step');
const browserStep = element<HTMLParagraphElement>('browser-step');
const stepStatus = element<HTMLParagraphElement>('sign-in-status');
const cancelButton = element<HTMLButtonElement>('cancel-sign-in');

let sessions: readonly KnownSession[] = [];
/** The session name follows the start URL until the person types one. */
let nameTyped = false;

function input(field: IdentityCenterField): HTMLInputElement | HTMLSelectElement {
  return element(field);
}

export function ssoValues(): IdentityCenterForm {
  return {
    startUrl: input('startUrl').value.trim(),
    ssoRegion: input('ssoRegion').value,
    sessionName: input('sessionName').value.trim(),
  };
}

export function restoreSso(state: Partial<IdentityCenterForm>): void {
  for (const field of fields) {
    input(field).value = state[field] ?? '';
  }
  nameTyped = state.sessionName !== undefined && state.sessionName !== sessionNameFrom(state.startUrl ?? '');
}

/** A start URL that a session of the config file has: that session is used, under its name and region. */
function reusedSession(): KnownSession | undefined {
  const { startUrl } = ssoValues();
  return startUrl === '' ? undefined : sessions.find((session) => sameStartUrl(session.startUrl, startUrl));
}

function followStartUrl(): void {
  const reused = reusedSession();
  const name = input('sessionName') as HTMLInputElement;
  const note = element('sessionName-note');
  if (reused) {
    name.value = reused.name;
    name.readOnly = true;
    if (reused.region) {
      input('ssoRegion').value = reused.region;
    }
    note.textContent = l10n.t(
      'The config file has this start URL in [sso-session {0}]: it is used, and signing in renews it.',
      reused.name,
    );
  } else {
    name.readOnly = false;
    if (!nameTyped) {
      name.value = ssoValues().startUrl === '' ? '' : sessionNameFrom(ssoValues().startUrl);
    }
    note.textContent = '';
  }
  note.hidden = !reused;
}

export function focusSso(): void {
  input('startUrl').focus();
}

let checkAsTyped: () => void = () => undefined;

export function wireSsoForm(save: () => void): void {
  checkAsTyped = wireCheckedForm({
    form: ssoForm,
    fields,
    input,
    errors: () => identityCenterErrors(ssoValues()),
    onChange: (field) => {
      if (field === 'sessionName') {
        nameTyped = input('sessionName').value.trim() !== '';
      }
      followStartUrl();
    },
    save,
    submit: () => host.postMessage({ type: 'signIn', form: ssoValues() }),
  });
  cancelButton.addEventListener('click', () => host.postMessage({ type: 'cancelSignIn' }));
  element('copy-code').addEventListener('click', () => host.postMessage({ type: 'copy', what: 'code' }));
  element('copy-address').addEventListener('click', () => host.postMessage({ type: 'copy', what: 'address' }));
}

function showStep(shown: SignInStep | undefined): void {
  step.hidden = false;
  continueButton.disabled = true;
  deviceStep.hidden = shown?.flow !== 'deviceCode';
  browserStep.hidden = shown?.flow !== 'authorizationCode';
  stepStatus.textContent = shown ? '' : l10n.t('Starting the sign-in...');
  if (shown?.flow === 'deviceCode') {
    element('user-code').textContent = shown.userCode;
    const link = element<HTMLAnchorElement>('verification-link');
    link.href = shown.verificationUriComplete;
    link.textContent = shown.verificationUri;
    const until = new Date(shown.expiresAt);
    element('code-expiry').textContent = l10n.t(
      'The code works until {0}. Nothing to type here: this page goes on by itself.',
      until.toLocaleTimeString(),
    );
    element('copy-code').focus();
  }
}

function endStep(): void {
  step.hidden = true;
  continueButton.disabled = false;
}

/** The host's messages about the sign-in; false for one that is not about it. */
export function onSsoMessage(message: HostMessage): boolean {
  switch (message.type) {
    case 'init':
      sessions = message.sessions;
      addRegions(input('ssoRegion') as HTMLSelectElement, message.regions);
      return false;
    case 'signingIn':
      restoreSso(message.form);
      checkAsTyped();
      showStep(message.step);
      return true;
    case 'signInRejected': {
      endStep();
      status.textContent = message.formError ?? '';
      for (const field of fields) {
        showError(field, message.errors[field]);
      }
      const first = fields.find((field) => message.errors[field]);
      (first ? input(first) : continueButton).focus();
      return true;
    }
    case 'signedIn':
      endStep();
      status.textContent = message.listing
        ? l10n.t('Signed in with session {0}. Listing your accounts and roles...', message.session)
        : l10n.t('Signed in with session {0}. Connecting...', message.session);
      return true;
    case 'roles':
      status.textContent = l10n.t('Signed in with session {0}.', message.session);
      // The role chooser shows the roles themselves.
      return false;
    case 'rejected':
      status.textContent = message.formError ?? '';
      return true;
    case 'connected':
      status.textContent = l10n.t('Connected with profile {0}: account {1} ({2}).', message.profileName, message.account, message.arn);
      return true;
    default:
      return false;
  }
}

export function checkSsoAsTyped(): void {
  checkAsTyped();
}
