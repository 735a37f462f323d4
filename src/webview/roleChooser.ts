/**
 * The roles of a sign-in, to add as profiles: every account with its roles, a search over account
 * names, IDs and roles (usable with hundreds of accounts), a profile name per role that the person
 * may change, and Add Profiles (the ticked roles) or Add Profiles for Every Account and Role.
 * Roles that a profile already uses are shown with it and cannot be added twice.
 */
import { addRegions, element, host } from './dom';
import { roleKey, type ChosenRole, type HostMessage, type RoleChoice } from '../addConnection/protocol';
import * as l10n from '@vscode/l10n';

const section = element<HTMLElement>('roles-step');
const list = element<HTMLDivElement>('role-list');
const search = element<HTMLInputElement>('role-search');
const searchCount = element<HTMLParagraphElement>('role-search-count');
const summary = element<HTMLParagraphElement>('roles-summary');
const status = element<HTMLParagraphElement>('roles-status');
const regionSelect = element<HTMLSelectElement>('profileRegion');
const addButton = element<HTMLButtonElement>('add-profiles');
const addEveryButton = element<HTMLButtonElement>('add-every-role');

interface Row {
  readonly choice: RoleChoice;
  readonly element: HTMLDivElement;
  readonly account: HTMLFieldSetElement;
  readonly box: HTMLInputElement;
  readonly name: HTMLInputElement;
  readonly error: HTMLParagraphElement;
  readonly text: string;
}

let rows: Row[] = [];

function text(tag: 'p' | 'span' | 'legend', content: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) {
    node.className = className;
  }
  return node;
}

function render(roles: readonly RoleChoice[]): void {
  list.replaceChildren();
  rows = [];
  const accounts = new Map<string, HTMLFieldSetElement>();
  roles.forEach((choice, index) => {
    let account = accounts.get(choice.accountId);
    if (!account) {
      account = document.createElement('fieldset');
      account.className = 'account';
      account.append(text('legend', `${choice.accountName} (${choice.accountId})`));
      accounts.set(choice.accountId, account);
      list.append(account);
    }
    const row = document.createElement('div');
    row.className = 'role';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `role-${index}`;
    box.dataset['key'] = roleKey(choice);
    const label = document.createElement('label');
    label.htmlFor = box.id;
    label.textContent = choice.roleName;
    const name = document.createElement('input');
    name.value = choice.existingProfile ?? choice.profileName;
    name.spellcheck = false;
    name.autocomplete = 'off';
    name.setAttribute('aria-label', l10n.t('Profile name for {0} in {1}', choice.roleName, choice.accountName));
    const error = text('p', '', 'error') as HTMLParagraphElement;
    error.id = `role-${index}-error`;
    error.hidden = true;
    error.setAttribute('role', 'alert');
    name.setAttribute('aria-describedby', error.id);
    row.append(box, label, name, error);
    if (choice.existingProfile !== undefined) {
      box.disabled = true;
      name.readOnly = true;
      const note = text('p', l10n.t('The profile {0} uses this role already.', choice.existingProfile), 'note');
      note.id = `role-${index}-note`;
      // Tab skips the disabled box: the name field, still focusable, says why.
      box.setAttribute('aria-describedby', note.id);
      name.setAttribute('aria-describedby', `${note.id} ${error.id}`);
      row.append(note);
    }
    account.append(row);
    rows.push({
      choice,
      element: row,
      account,
      box,
      name,
      error,
      text: `${choice.accountName} ${choice.accountId} ${choice.roleName}`.toLowerCase(),
    });
  });
}

let countTimer: ReturnType<typeof setTimeout> | undefined;

function filter(): void {
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  const shownAccounts = new Set<HTMLFieldSetElement>();
  let matches = 0;
  for (const row of rows) {
    const matched = words.every((word) => row.text.includes(word));
    row.element.hidden = !matched;
    if (matched) {
      matches++;
      shownAccounts.add(row.account);
    }
  }
  for (const account of new Set(rows.map((row) => row.account))) {
    account.hidden = !shownAccounts.has(account);
  }
  // Read out once the person stops typing, who otherwise cannot tell what the search left (at each
  // keystroke, a screen reader would queue every count on the way).
  clearTimeout(countTimer);
  countTimer = setTimeout(() => {
    searchCount.textContent = words.length === 0 ? '' : matches === 1 ? l10n.t('1 role matches.') : l10n.t('{0} roles match.', matches);
  }, 400);
}

function submit(every: boolean): void {
  const chosen: ChosenRole[] = rows
    .filter((row) => row.choice.existingProfile === undefined && (every || row.box.checked))
    .map((row) => ({ accountId: row.choice.accountId, roleName: row.choice.roleName, profileName: row.name.value.trim() }));
  if (every) {
    rows.forEach((row) => (row.box.checked = row.choice.existingProfile === undefined));
  }
  addButton.disabled = true;
  addEveryButton.disabled = true;
  status.textContent = chosen.length === 1 ? l10n.t('Adding 1 profile...') : l10n.t('Adding {0} profiles...', chosen.length);
  host.postMessage({ type: 'addProfiles', roles: chosen, region: regionSelect.value });
}

export function wireRoleChooser(): void {
  search.addEventListener('input', filter);
  addButton.addEventListener('click', () => submit(false));
  addEveryButton.addEventListener('click', () => submit(true));
}

/** The host's messages about the roles; false for one that is not about them. */
export function onRolesMessage(message: HostMessage): boolean {
  switch (message.type) {
    case 'init':
      addRegions(regionSelect, message.regions);
      return false;
    case 'signingIn':
      // A new sign-in: the roles of the last one are no longer what Add Profiles would write.
      section.hidden = true;
      return false;
    case 'roles': {
      section.hidden = false;
      render(message.roles);
      search.value = '';
      clearTimeout(countTimer);
      searchCount.textContent = '';
      regionSelect.value = message.region;
      const accounts = new Set(message.roles.map((role) => role.accountId)).size;
      const roles = message.roles.length === 1 ? l10n.t('1 role') : l10n.t('{0} roles', message.roles.length);
      summary.textContent = l10n.t(
        'Session {0} may use {1} in {2}.',
        message.session,
        roles,
        accounts === 1 ? l10n.t('1 account') : l10n.t('{0} accounts', accounts),
      );
      status.textContent = '';
      search.focus();
      // The form above says it is signed in.
      return false;
    }
    case 'profilesRejected': {
      addButton.disabled = false;
      addEveryButton.disabled = false;
      status.textContent = message.formError ?? l10n.t('Some names cannot be used: see below.');
      let first: Row | undefined;
      for (const row of rows) {
        const problem = message.errors[roleKey(row.choice)];
        row.error.textContent = problem ?? '';
        row.error.hidden = problem === undefined;
        row.name.setAttribute('aria-invalid', problem ? 'true' : 'false');
        first ??= problem ? row : undefined;
      }
      first?.name.focus();
      return true;
    }
    case 'rejected':
      if (section.hidden) {
        return false;
      }
      addButton.disabled = false;
      addEveryButton.disabled = false;
      status.textContent = message.formError ?? '';
      return true;
    case 'connected':
      if (section.hidden) {
        return false;
      }
      addButton.disabled = false;
      addEveryButton.disabled = false;
      status.textContent = l10n.t('Connected with profile {0}: account {1} ({2}).', message.profileName, message.account, message.arn);
      return true;
    default:
      return false;
  }
}
