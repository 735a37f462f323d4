/** The panel's markup: static, with the script and style from media/ under a nonce-based CSP. */
import { sessionTokenHint } from '../../core/validation/fieldChecks';
import { commandTitles } from '../../manifest';

export interface PanelResources {
  readonly cspSource: string;
  readonly nonce: string;
  readonly script: string;
  readonly style: string;
}

export function addConnectionHtml({ cspSource, nonce, script, style }: PanelResources): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy"
    content="default-src 'none'; style-src ${cspSource}; img-src ${cspSource}; script-src 'nonce-${nonce}';">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${style}">
  <title>${commandTitles.addConnection}</title>
</head>
<body>
  <main>
    <h1>${commandTitles.addConnection}</h1>
    <fieldset class="options">
      <legend>How do you sign in to AWS?</legend>
      <label class="option"><input type="radio" name="option" id="option-iam" value="iamCredential">
        <span><strong>IAM Credential</strong><br>
          <span class="hint">An access key ID and secret access key, stored in a profile of your AWS credentials file.</span></span>
      </label>
    </fieldset>
    <form id="iam-form" hidden novalidate>
      <div class="field">
        <label for="profileName">Profile Name</label>
        <input id="profileName" name="profileName" autocomplete="off" spellcheck="false"
          aria-describedby="profileName-hint profileName-error profileName-note">
        <p id="profileName-hint" class="hint">Tools use it with --profile NAME. "default" is used when none is named.</p>
        <p id="profileName-note" class="note" hidden></p>
        <p id="profileName-error" class="error" role="alert" hidden></p>
      </div>
      <div class="field">
        <label for="accessKeyId">Access Key</label>
        <input id="accessKeyId" name="accessKeyId" autocomplete="off" spellcheck="false" placeholder="AKIAIOSFODNN7EXAMPLE"
          aria-describedby="accessKeyId-hint accessKeyId-error">
        <p id="accessKeyId-hint" class="hint">The access key ID, from the IAM console (Security credentials, Access keys).</p>
        <p id="accessKeyId-error" class="error" role="alert" hidden></p>
      </div>
      <div class="field">
        <label for="secretAccessKey">Secret Key</label>
        <div class="secret">
          <input id="secretAccessKey" name="secretAccessKey" type="password" autocomplete="off" spellcheck="false"
            aria-describedby="secretAccessKey-hint secretAccessKey-error">
          <button type="button" id="toggle-secret" class="secondary" aria-pressed="false" aria-controls="secretAccessKey">Show</button>
        </div>
        <p id="secretAccessKey-hint" class="hint">
          The secret access key shown with the access key. It is stored only in your credentials file.</p>
        <p id="secretAccessKey-error" class="error" role="alert" hidden></p>
      </div>
      <div class="field" id="sessionToken-field" hidden>
        <label for="sessionToken">Session Token</label>
        <input id="sessionToken" name="sessionToken" type="password" autocomplete="off" spellcheck="false"
          aria-describedby="sessionToken-hint sessionToken-error">
        <p id="sessionToken-hint" class="hint">${sessionTokenHint}</p>
        <p id="sessionToken-error" class="error" role="alert" hidden></p>
      </div>
      <div class="field">
        <label for="region">Region (optional)</label>
        <select id="region" name="region" aria-describedby="region-error"><option value="">No default region</option></select>
        <p id="region-error" class="error" role="alert" hidden></p>
      </div>
      <button type="submit" id="continue">Continue</button>
      <p id="form-status" class="status" role="status" aria-live="polite"></p>
    </form>
  </main>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
