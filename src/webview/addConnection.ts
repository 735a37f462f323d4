/**
 * The Add a New Connection panel, inside the webview. Builds nothing from HTML strings: the markup
 * comes from the host, these scripts wire it; each option has its own (iamCredentialForm,
 * identityCenterForm with roleChooser). The state kept across hide and show holds no secret.
 */
import './l10n';
import type { HostMessage, SavedFormState } from '../addConnection/protocol';
import { element, host } from './dom';
import { checkIamAsTyped, focusIam, iamForm, iamState, onIamMessage, restoreIam, wireIamForm } from './iamCredentialForm';
import { checkSsoAsTyped, focusSso, onSsoMessage, restoreSso, ssoForm, ssoValues, wireSsoForm } from './identityCenterForm';
import { onRolesMessage, wireRoleChooser } from './roleChooser';

const iamOption = element<HTMLInputElement>('option-iam');
const ssoOption = element<HTMLInputElement>('option-sso');

function chosenOption(): SavedFormState['option'] {
  return iamOption.checked ? 'iamCredential' : ssoOption.checked ? 'identityCenter' : undefined;
}

function save(): void {
  host.setState({ option: chosenOption(), ...iamState(), ...ssoValues() });
}

function showForm(): void {
  iamForm.hidden = !iamOption.checked;
  ssoForm.hidden = !ssoOption.checked;
}

function restore(): void {
  const state = host.getState();
  if (!state) {
    return;
  }
  iamOption.checked = state.option === 'iamCredential';
  ssoOption.checked = state.option === 'identityCenter';
  restoreIam(state);
  restoreSso(state);
  showForm();
}

for (const option of [iamOption, ssoOption]) {
  option.addEventListener('change', () => {
    showForm();
    save();
    // A click goes on to the option's first field; the keys only choose (the focus is then shown on
    // the option), so that a person listening to the options hears both before moving on with Tab.
    if (!option.matches(':focus-visible')) {
      (option === iamOption ? focusIam : focusSso)();
    }
  });
}
wireIamForm(save);
wireSsoForm(save);
wireRoleChooser();

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message.type === 'signingIn') {
    // A sign-in the host began (Sign In Again) shows this option's form.
    ssoOption.checked = true;
    showForm();
  }
  if (message.type === 'init') {
    onIamMessage(message);
    onSsoMessage(message);
    onRolesMessage(message);
    restore();
    checkIamAsTyped();
    checkSsoAsTyped();
    return;
  }
  // Each part takes a message in turn until one says it is done with it; the shared ones go to the option shown first.
  const handlers = ssoOption.checked ? [onRolesMessage, onSsoMessage, onIamMessage] : [onIamMessage, onSsoMessage, onRolesMessage];
  handlers.some((handle) => handle(message));
});

host.postMessage({ type: 'ready' });
