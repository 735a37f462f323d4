import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { tokenFile } from '../../src/core/aws/sso/cachePaths';
import { newFileHeaders } from '../../src/core/profiles/transaction';
import { awsCli } from '../fixtures/awsCli';
import { exampleSsoRegion, exampleStartUrl, type SsoCachedToken } from '../fixtures/ssoEndpoint';
import { resultsFolder, ui } from './session';
import {
  activeWebview,
  clickNotificationButton,
  clickTreeRow,
  focusedId,
  resetWorkbench,
  runCommand,
  pick,
  quickPickLabels,
  treeRows,
  waitForStatusBarItem,
} from './workbench';

const session = 'd-9067c1a2b3';
const config = (profiles: string): string =>
  `[sso-session ${session}]\nsso_start_url = ${exampleStartUrl}\nsso_region = ${exampleSsoRegion}\nsso_registration_scopes = sso:account:access\n${profiles}`;
/** A profile of the dev account's ReadOnly role; each test names its own, so none reuses another's role session. */
const devProfile = (name = 'dev'): string =>
  `\n[profile ${name}]\nsso_session = d-9067c1a2b3\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = us-east-1\n`;

/** Every token and client secret the run saw, for the audit at the end. */
const seen: string[] = [];

function cacheFile(name = session): string {
  return path.relative(ui().server.home, tokenFile(ui().server.home, { session: name }));
}

/** The token file as the AWS CLI would find it, noting its secrets for the audit. */
function cachedToken(name = session): (SsoCachedToken & { mode: number }) | undefined {
  const file = ui().readHomeFile(cacheFile(name));
  if (!file) {
    return undefined;
  }
  const token = JSON.parse(file.text) as SsoCachedToken;
  seen.push(token.accessToken, token.refreshToken, token.clientSecret);
  return { ...token, mode: file.mode };
}

/** Writes a token the way the AWS CLI's `aws sso login` leaves one. */
function writeCliToken(token: SsoCachedToken): void {
  seen.push(token.accessToken, token.refreshToken, token.clientSecret);
  ui().writeHomeFile(cacheFile(), JSON.stringify(token));
}

/** The browser tab that the extension opens next (VS Code's openExternal, in code-server a new tab). */
function nextTab(page: Page): Promise<Page> {
  return page.context().waitForEvent('page', { timeout: 30_000 });
}

/** A person approves the device code in the tab: the code shown is the panel's, then Allow. */
async function approveDeviceCode(tab: Page, panel: FrameLocator): Promise<void> {
  const code = (await panel.locator('#user-code').innerText()).trim();
  await tab.waitForLoadState();
  assert.equal(await tab.locator('#user-code').inputValue(), code, 'the tab shows the code the panel shows');
  await tab.locator('#confirm').click();
  await tab.locator('#allow').click();
  await tab.getByText('Request approved').waitFor();
  await tab.close();
}

async function openIdentityCenter(): Promise<FrameLocator> {
  const { page } = ui();
  await runCommand(page, 'AWS: Add a New Connection');
  const panel = activeWebview(page);
  await panel.locator('#option-sso').check();
  return panel;
}

/** The AWS CLI, in VS Code's HOME, against the local endpoint. */
function aws<T>(...args: string[]): Promise<T> {
  return awsCli<T>(args, { HOME: ui().server.home, AWS_ENDPOINT_URL: ui().endpoint.url });
}

describe('IAM Identity Center', () => {
  beforeEach(async () => {
    const { page, removeAwsFolder } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    await runCommand(page, 'AWS: Disconnect');
  });

  it('signs in from the panel with a device code, adds the roles chosen and connects; the AWS CLI uses the sign-in at once', async () => {
    const { page, readHomeFile } = ui();
    const panel = await openIdentityCenter();
    await panel.locator('#startUrl').fill('http://d-9067c1a2b3.awsapps.com/start');
    await panel.locator('#startUrl').blur();
    await panel.locator('#startUrl-error', { hasText: 'The start URL begins with https://' }).waitFor();
    await panel.locator('#startUrl').fill(`  ${exampleStartUrl}  `);
    assert.equal(await panel.locator('#sessionName').inputValue(), session, 'the session name follows the start URL');
    await panel.locator('#ssoRegion').selectOption(exampleSsoRegion);
    const tab = nextTab(page);
    await panel.locator('#sso-continue').click();
    await panel
      .locator('#user-code')
      .filter({ hasText: /^[A-Z]{4}-[A-Z]{4}$/ })
      .waitFor();
    assert.ok(await panel.locator('#cancel-sign-in').isVisible(), 'the sign-in can be cancelled');
    assert.equal(await focusedId(panel), 'copy-code', 'the focus moves to the code, for the keyboard and screen readers');
    await approveDeviceCode(await tab, panel);
    await panel.locator('#roles-summary', { hasText: 'may use 4 roles in 3 accounts' }).waitFor();
    await panel.locator('#role-search').fill('dev');
    assert.equal(await panel.locator('.role:visible').count(), 2, 'the search keeps the dev account');
    await panel.locator('#role-search-count[role=status]', { hasText: /^2 roles match\.$/ }).waitFor();
    await panel.getByLabel('Profile name for ReadOnly in dev').fill('dev');
    await panel.locator('.role:visible input[type=checkbox]').first().check();
    await panel.locator('#role-search').fill('');
    await panel.locator('#role-search-count:empty').waitFor({ state: 'attached' });
    await panel.getByRole('checkbox', { name: 'PowerUser' }).check();
    mkdirSync(resultsFolder, { recursive: true });
    await page.screenshot({ path: path.join(resultsFolder, 'identity-center-roles.png') });
    await panel.locator('#add-profiles').click();
    await waitForStatusBarItem(page, /^AWS: profile:dev$/, false);
    await panel.locator('#roles-status', { hasText: 'Connected with profile dev: account 111122223333' }).waitFor();
    assert.equal(
      readHomeFile('.aws/config')?.text,
      // A config file the extension creates starts with a line that says what it holds.
      newFileHeaders.config +
        config(
          `${devProfile()}\n[profile PowerUser-sandbox]\nsso_session = d-9067c1a2b3\nsso_account_id = 777788889999\nsso_role_name = PowerUser\nregion = us-east-1\n`,
        ),
    );
    const token = cachedToken();
    assert.equal(token?.mode, 0o600);
    assert.equal(token?.startUrl, exampleStartUrl);
    assert.match(token?.expiresAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, "the CLI's date form");
    await treeRows(page, 'AWS Explorer', (shown) => shown.some((row) => row.label === 'Lambda'));
    await clickTreeRow(page, 'AWS Explorer', 'Lambda');
    await treeRows(page, 'AWS Explorer', (shown) => ['dev-api', 'dev-worker'].every((name) => shown.some((row) => row.label === name)));
    const identity = await aws<{ Account: string; Arn: string }>('sts', 'get-caller-identity', '--profile', 'PowerUser-sandbox');
    assert.equal(identity.Account, '777788889999');
    assert.match(identity.Arn, /:assumed-role\/AWSReservedSSO_PowerUser_[0-9a-f]+\/alice$/);
  });

  it('signs in with the authorization code flow when asked, reusing the session its start URL has; lists two pages of accounts and adds every role at once', async () => {
    const { page, writeHomeFile, readHomeFile, setUserSetting, endpoint } = ui();
    writeHomeFile('.aws/config', config(devProfile('dev')));
    await setUserSetting('awsCredentialManager.sso.signInFlow', 'authorizationCode');
    const [instance] = endpoint.state.sso.instances;
    assert.ok(instance);
    const defaultAccounts = [...instance.accounts];
    // 150 more accounts: the portal's pages hold 100.
    for (let index = 0; index < 150; index++) {
      instance.accounts.push({
        accountId: String(200000000000 + index),
        accountName: `team ${index}`,
        emailAddress: 'team@example.com',
        roles: ['Developer'],
      });
    }
    const calls = endpoint.state.log.length;
    try {
      const panel = await openIdentityCenter();
      await panel.locator('#startUrl').fill(`${exampleStartUrl}/`);
      await panel.locator('#sessionName-note', { hasText: `[sso-session ${session}]` }).waitFor();
      const tab = nextTab(page);
      await panel.locator('#sso-continue').click();
      const authorize = await tab;
      await authorize.locator('#allow').click();
      await authorize.getByText('You can close this tab').waitFor();
      await authorize.close();
      await panel.locator('#roles-summary', { hasText: 'may use 154 roles in 153 accounts' }).waitFor();
      assert.ok(await panel.getByText('The profile dev uses this role already.').isVisible());
      assert.ok(
        endpoint.state.log.some((entry) => entry.action === 'AuthorizeDecision'),
        'approved on the authorize page',
      );
      assert.equal(endpoint.state.log.slice(calls).filter((entry) => entry.action === 'ListAccounts').length, 2, 'two pages of accounts');
      assert.ok(cachedToken()?.refreshToken, 'the token can be refreshed');
      await panel.locator('#add-every-role').click();
      await waitForStatusBarItem(page, /^AWS: profile:AdministratorAccess-dev$/, false, 30_000);
      const written = readHomeFile('.aws/config')?.text ?? '';
      assert.equal(written.match(/^\[profile /gm)?.length, 1 + 153, 'the profile that was there and one for each other role');
      assert.match(
        written,
        /\n\[profile Developer-team-149\]\nsso_session = d-9067c1a2b3\nsso_account_id = 200000000149\nsso_role_name = Developer\nregion = us-east-1\n$/,
      );
    } finally {
      instance.accounts.splice(0, instance.accounts.length, ...defaultAccounts);
      await setUserSetting('awsCredentialManager.sso.signInFlow', 'auto');
    }
  });

  it('connects with a token the AWS CLI wrote, opening no browser and signing in again nowhere', async () => {
    const { page, writeHomeFile, endpoint } = ui();
    writeHomeFile('.aws/config', config(devProfile('cli-token')));
    writeCliToken(endpoint.sso.signIn());
    const calls = endpoint.state.log.length;
    const tabs = page.context().pages().length;
    await runCommand(page, 'AWS: Connect to AWS');
    await quickPickLabels(page, /^cli-token$/);
    await pick(page, 'cli-token');
    await waitForStatusBarItem(page, /^AWS: profile:cli-token$/, false);
    const actions = endpoint.state.log.slice(calls).map((entry) => entry.action);
    assert.ok(!actions.includes('RegisterClient') && !actions.includes('CreateToken'), actions.join(', '));
    assert.equal(page.context().pages().length, tabs, 'no browser tab opened');
  });

  it('renews a token near its end silently and leaves the file the AWS CLI reads', async () => {
    const { page, writeHomeFile, endpoint } = ui();
    writeHomeFile('.aws/config', config(devProfile('renewing')));
    const old = endpoint.sso.signIn(exampleStartUrl, { accessTokenSeconds: 120 });
    writeCliToken(old);
    await runCommand(page, 'AWS: Connect to AWS');
    await quickPickLabels(page, /^renewing$/);
    await pick(page, 'renewing');
    await waitForStatusBarItem(page, /^AWS: profile:renewing$/, false);
    const renewed = cachedToken();
    assert.ok(renewed?.accessToken !== old.accessToken, 'the access token was renewed');
    assert.equal(renewed?.mode, 0o600);
    assert.equal(renewed?.clientSecret, old.clientSecret);
    const identity = await aws<{ Account: string }>('sts', 'get-caller-identity', '--profile', 'renewing');
    assert.equal(identity.Account, '111122223333');
  });

  it('offers Sign In Again when the Identity Center session has ended, then reconnects', async () => {
    const { page, writeHomeFile, endpoint } = ui();
    writeHomeFile('.aws/config', config(devProfile('ended')));
    writeCliToken(endpoint.sso.signIn(exampleStartUrl, { accessTokenSeconds: -60 }));
    endpoint.sso.endSessions();
    await runCommand(page, 'AWS: Connect to AWS');
    await quickPickLabels(page, /^ended$/);
    await pick(page, 'ended');
    await waitForStatusBarItem(page, /^AWS: profile:ended$/, true);
    const tab = nextTab(page);
    await clickNotificationButton(page, /session for d-9067c1a2b3 has ended/, 'Sign In Again');
    const panel = activeWebview(page);
    await panel
      .locator('#user-code')
      .filter({ hasText: /^[A-Z]{4}-[A-Z]{4}$/ })
      .waitFor();
    await approveDeviceCode(await tab, panel);
    await waitForStatusBarItem(page, /^AWS: profile:ended$/, false);
    await panel.locator('#sso-status', { hasText: 'Connected with profile ended' }).waitFor();
  });

  it('signs out of one session: AWS ends it, its token file goes, and the connection that used it', async () => {
    const { page, writeHomeFile, endpoint, readHomeFile } = ui();
    writeHomeFile(
      '.aws/config',
      config(
        `${devProfile('signing-out')}\n[sso-session other]\nsso_start_url = https://other.awsapps.com/start\nsso_region = eu-west-1\n`,
      ),
    );
    const token = endpoint.sso.signIn();
    writeCliToken(token);
    writeHomeFile(cacheFile('other'), JSON.stringify({ ...token, startUrl: 'https://other.awsapps.com/start' }));
    await runCommand(page, 'AWS: Connect to AWS');
    await quickPickLabels(page, /^signing-out$/);
    await pick(page, 'signing-out');
    await waitForStatusBarItem(page, /^AWS: profile:signing-out$/, false);
    await runCommand(page, 'AWS: Sign Out');
    await quickPickLabels(page, new RegExp(`^${session}$`));
    await pick(page, session);
    await waitForStatusBarItem(page, /^AWS$/, false);
    assert.equal(readHomeFile(cacheFile()), undefined);
    assert.ok(readHomeFile(cacheFile('other')), "the other session's token stays");
    assert.ok(endpoint.state.log.some((entry) => entry.action === 'Logout' && entry.status === 200));
  });

  it('shows the signed-in session in the AWS Explorer (a role connects, adding its profile) and each profile its sign-in, following a sign-in made by the CLI', async () => {
    const { page, writeHomeFile, readHomeFile, endpoint } = ui();
    writeHomeFile('.aws/config', config(devProfile('explorer-dev')));
    const description = async (expected: RegExp): Promise<void> => {
      await treeRows(page, 'Profiles', (shown) => expected.test(shown.find((row) => row.label === 'explorer-dev')?.description ?? ''));
    };
    await description(/^IAM Identity Center · us-east-1 · not signed in$/);
    // As `aws sso login` in a terminal does: the views follow the token file, with no refresh.
    writeCliToken(endpoint.sso.signIn());
    await description(/^IAM Identity Center · us-east-1 · signed in, renews \(token until \d\d:\d\d UTC\)$/);
    const sessionRow = `IAM Identity Center: ${session}`;
    await treeRows(page, 'AWS Explorer', (shown) => shown.some((row) => row.label === sessionRow));
    await clickTreeRow(page, 'AWS Explorer', sessionRow);
    await treeRows(page, 'AWS Explorer', (shown) => shown.some((row) => row.label === 'prod'));
    await clickTreeRow(page, 'AWS Explorer', 'prod');
    await treeRows(page, 'AWS Explorer', (shown) => shown.filter((row) => row.label === 'ReadOnly').length === 1);
    await clickTreeRow(page, 'AWS Explorer', 'ReadOnly');
    await waitForStatusBarItem(page, /^AWS: profile:ReadOnly-prod$/, false);
    assert.match(
      readHomeFile('.aws/config')?.text ?? '',
      /\n\[profile ReadOnly-prod\]\nsso_session = d-9067c1a2b3\nsso_account_id = 444455556666\nsso_role_name = ReadOnly\nregion = us-east-1\n$/,
    );
  });

  it('never writes an access token, refresh token or client secret into a log or VS Code state', () => {
    // The role credentials the portal gave, too.
    const roleKeys = ui().endpoint.state.keys.filter((key) => key.arn.includes(':assumed-role/AWSReservedSSO_'));
    assert.ok(roleKeys.length > 0, 'the tests above got role credentials');
    const secrets = [...new Set([...seen, ...roleKeys.flatMap((key) => [key.secretAccessKey, key.sessionToken ?? ''])].filter(Boolean))];
    assert.ok(secrets.length >= 6, `the tests above saw tokens (${secrets.length})`);
    for (const { file, text } of ui().storedTexts()) {
      if (file.includes(`${path.sep}sso${path.sep}cache${path.sep}`)) {
        continue;
      }
      for (const secret of secrets) {
        assert.ok(!text.includes(secret), `${file} holds a token or client secret`);
      }
    }
  });
});
