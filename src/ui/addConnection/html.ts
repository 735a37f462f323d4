/** The panel's markup, with the script and style from media/ under a nonce-based CSP. */
import * as vscode from 'vscode';
import { escapeHtml } from '../../core/html';
import { sessionTokenHint } from '../../core/validation/fieldChecks';
import { commandTitle } from '../commandTitles';

export interface PanelResources {
  readonly cspSource: string;
  readonly nonce: string;
  readonly script: string;
  readonly style: string;
}

/**
 * In VS Code's language: the texts here through vscode.l10n.t (translations are HTML, ours, from l10n/),
 * and the bundle itself in data-l10n for the texts the scripts write (src/webview/l10n.ts).
 */
export function addConnectionHtml({ cspSource, nonce, script, style }: PanelResources): string {
  const allowAccess = `<strong>${vscode.l10n.t('Allow access')}</strong>`;
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy"
    content="default-src 'none'; style-src ${cspSource}; img-src ${cspSource}; script-src 'nonce-${nonce}';">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${style}">
  <title>${commandTitle('addConnection')}</title>
</head>
<body data-l10n="${escapeHtml(JSON.stringify(vscode.l10n.bundle ?? {}))}">
  <main>
    <h1>${commandTitle('addConnection')}</h1>
    <fieldset class="options">
      <legend>${vscode.l10n.t('How do you sign in to AWS?')}</legend>
      <label class="option"><input type="radio" name="option" id="option-iam" value="iamCredential"
          aria-labelledby="option-iam-name" aria-describedby="option-iam-hint">
        <span><strong id="option-iam-name">${vscode.l10n.t('IAM Credential')}</strong><br>
          <span class="hint" id="option-iam-hint">${vscode.l10n.t('An access key ID and secret access key, stored in a profile of your AWS credentials file.')}</span></span>
      </label>
      <label class="option"><input type="radio" name="option" id="option-sso" value="identityCenter"
          aria-labelledby="option-sso-name" aria-describedby="option-sso-hint">
        <span><strong id="option-sso-name">${vscode.l10n.t('IAM Identity Center')}</strong><br>
          <span class="hint" id="option-sso-hint">${vscode.l10n.t("Sign in through your organization's AWS access portal, without long-term keys: AWS recommends it over IAM users.")}</span></span>
      </label>
    </fieldset>
    <form id="iam-form" hidden novalidate>
      <div class="field">
        <label for="profileName">${vscode.l10n.t('Profile Name')}</label>
        <input id="profileName" name="profileName" autocomplete="off" spellcheck="false"
          aria-describedby="profileName-hint profileName-error profileName-note">
        <p id="profileName-hint" class="hint">${vscode.l10n.t('Tools use it with --profile NAME. "default" is used when none is named.')}</p>
        <p id="profileName-note" class="note" hidden></p>
        <p id="profileName-error" class="error" role="alert" hidden></p>
      </div>
      <div class="field">
        <label for="accessKeyId">${vscode.l10n.t('Access Key')}</label>
        <input id="accessKeyId" name="accessKeyId" autocomplete="off" spellcheck="false" placeholder="AKIAIOSFODNN7EXAMPLE"
          aria-describedby="accessKeyId-hint accessKeyId-error">
        <p id="accessKeyId-hint" class="hint">${vscode.l10n.t('The access key ID, from the IAM console (Security credentials, Access keys).')}</p>
        <p id="accessKeyId-error" class="error" role="alert" hidden></p>
      </div>
      <div class="field">
        <label for="secretAccessKey">${vscode.l10n.t('Secret Key')}</label>
        <div class="secret">
          <input id="secretAccessKey" name="secretAccessKey" type="password" autocomplete="off" spellcheck="false"
            aria-describedby="secretAccessKey-hint secretAccessKey-error">
          <button type="button" id="toggle-secret" class="secondary" aria-pressed="false" aria-controls="secretAccessKey">${vscode.l10n.t('Show')}</button>
        </div>
        <p id="secretAccessKey-hint" class="hint">${vscode.l10n.t('The secret access key shown with the access key. It is stored only in your credentials file.')}</p>
        <p id="secretAccessKey-error" class="error" role="alert" hidden></p>
      </div>
      <div class="field" id="sessionToken-field" hidden>
        <label for="sessionToken">${vscode.l10n.t('Session Token')}</label>
        <input id="sessionToken" name="sessionToken" type="password" autocomplete="off" spellcheck="false"
          aria-describedby="sessionToken-hint sessionToken-error">
        <p id="sessionToken-hint" class="hint">${sessionTokenHint()}</p>
        <p id="sessionToken-error" class="error" role="alert" hidden></p>
      </div>
      <div class="field">
        <label for="region">${vscode.l10n.t('Region (optional)')}</label>
        <select id="region" name="region" aria-describedby="region-error"><option value="">${vscode.l10n.t('No default region')}</option></select>
        <p id="region-error" class="error" role="alert" hidden></p>
      </div>
      <button type="submit" id="continue">${vscode.l10n.t('Continue')}</button>
      <p id="form-status" class="status" role="status" aria-live="polite"></p>
    </form>
    <form id="sso-form" hidden novalidate>
      <div class="field">
        <label for="startUrl">${vscode.l10n.t('Start URL')}</label>
        <input id="startUrl" name="startUrl" type="url" autocomplete="url" spellcheck="false"
          placeholder="https://d-9067c1a2b3.awsapps.com/start" aria-describedby="startUrl-hint startUrl-error">
        <p id="startUrl-hint" class="hint">${vscode.l10n.t('Your AWS access portal URL, from your administrator or the IAM Identity Center console (Settings).')}</p>
        <p id="startUrl-error" class="error" role="alert" hidden></p>
      </div>
      <div class="field">
        <label for="ssoRegion">${vscode.l10n.t('Region')}</label>
        <select id="ssoRegion" name="ssoRegion" aria-describedby="ssoRegion-hint ssoRegion-error"><option value="">${vscode.l10n.t('Choose the region')}</option></select>
        <p id="ssoRegion-hint" class="hint">${vscode.l10n.t('The region where your IAM Identity Center is (the console shows it in Settings).')}</p>
        <p id="ssoRegion-error" class="error" role="alert" hidden></p>
      </div>
      <div class="field">
        <label for="sessionName">${vscode.l10n.t('Session Name')}</label>
        <input id="sessionName" name="sessionName" autocomplete="off" spellcheck="false"
          aria-describedby="sessionName-hint sessionName-note sessionName-error">
        <p id="sessionName-hint" class="hint">${vscode.l10n.t('The [sso-session] your profiles use: the AWS CLI signs in with aws sso login --sso-session NAME.')}</p>
        <p id="sessionName-note" class="note" hidden></p>
        <p id="sessionName-error" class="error" role="alert" hidden></p>
      </div>
      <button type="submit" id="sso-continue">${vscode.l10n.t('Continue')}</button>
      <p id="sso-status" class="status" role="status" aria-live="polite"></p>
    </form>
    <section id="sign-in-step" hidden aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">${vscode.l10n.t('Sign in in your browser')}</h2>
      <div id="device-step" hidden>
        <p>${vscode.l10n.t(
          'A browser tab opened at {0}. Check that it shows this code, then choose {1} and {2}:',
          '<a id="verification-link" href="#"></a>',
          `<strong>${vscode.l10n.t('Confirm and continue')}</strong>`,
          allowAccess,
        )}</p>
        <p class="code"><code id="user-code"></code>
          <button type="button" id="copy-code" class="secondary">${vscode.l10n.t('Copy Code')}</button>
          <button type="button" id="copy-address" class="secondary">${vscode.l10n.t('Copy Address')}</button></p>
        <p id="code-expiry" class="hint"></p>
      </div>
      <p id="browser-step" hidden>${vscode.l10n.t('A browser tab opened to sign you in: choose {0} there, and this page goes on by itself.', allowAccess)}</p>
      <p id="sign-in-status" class="status" role="status" aria-live="polite"></p>
      <button type="button" id="cancel-sign-in" class="secondary">${vscode.l10n.t('Cancel')}</button>
    </section>
    <section id="roles-step" hidden aria-labelledby="roles-title">
      <h2 id="roles-title">${vscode.l10n.t('Choose the roles to use as profiles')}</h2>
      <p id="roles-summary"></p>
      <div class="field">
        <label for="role-search">${vscode.l10n.t('Search')}</label>
        <input id="role-search" type="search" autocomplete="off" spellcheck="false" placeholder="${vscode.l10n.t('Account name, account ID or role')}"
          aria-describedby="role-search-count">
        <p id="role-search-count" class="hint" role="status" aria-live="polite"></p>
      </div>
      <div id="role-list"></div>
      <div class="field">
        <label for="profileRegion">${vscode.l10n.t('Region of the profiles')}</label>
        <select id="profileRegion" aria-describedby="profileRegion-hint"></select>
        <p id="profileRegion-hint" class="hint">${vscode.l10n.t('Where their AWS calls go (region = in each profile).')}</p>
      </div>
      <div class="actions">
        <button type="button" id="add-profiles">${vscode.l10n.t('Add Profiles')}</button>
        <button type="button" id="add-every-role" class="secondary">${commandTitle('addSsoProfiles')}</button>
      </div>
      <p id="roles-status" class="status" role="status" aria-live="polite"></p>
    </section>
  </main>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
