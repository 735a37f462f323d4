import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { tokenFile } from '../../src/core/aws/sso/cachePaths';
import { exampleAccount, exampleUser } from '../fixtures/awsEndpoint';
import { issuedSigninTokens } from '../fixtures/federationEndpoint';
import { SecretSearch } from '../fixtures/secrets';
import { exampleSsoRegion, exampleStartUrl } from '../fixtures/ssoEndpoint';
import { ui } from './session';
import {
  connectWithProfile,
  clickTreeRow,
  dialog,
  resetWorkbench,
  runCommand,
  treeContextAction,
  treeRows,
  waitForNotification,
  waitForStatusBarItem,
} from './workbench';

const keys = `aws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`;

async function connectWith(profile: string): Promise<void> {
  const { page } = ui();
  await connectWithProfile(page, profile);
  await waitForStatusBarItem(page, new RegExp(`^AWS: profile:${profile}$`), false);
}

/**
 * What the endpoint's federation page, reached in the tab the extension opened, says of the
 * sign-in. VS Code first asks whether to open a site that is not local nor trusted: Open, as a
 * person does.
 */
async function signedInPage(tab: Promise<Page>): Promise<{ arn: string; destination: string; permissions: string; url: URL }> {
  const asked = await dialog(ui().page);
  assert.match(asked.text, /open the external website\? http:\/\/127\.0\.0\.2:\d+\/federation\?/);
  await asked.press('Open');
  const opened = await tab;
  await opened.waitForLoadState();
  const text = (id: string): Promise<string> => opened.locator(`#${id}`).innerText();
  const page = {
    arn: await text('arn'),
    destination: await text('destination'),
    permissions: await text('permissions'),
    url: new URL(opened.url()),
  };
  await opened.close();
  return page;
}

/**
 * The local endpoint at another loopback address, 127.0.0.2, named by the profiles' endpoint_url:
 * code-server sends an address of 127.0.0.1 that an extension opens through its port proxy, which
 * re-encodes the query (so the sign-in's destination), while AWS's sign-in host goes to the
 * browser as the extension gave it.
 */
async function startForwarder(target: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((request, response) => {
    const forwarded = http.request(`${target}${request.url ?? '/'}`, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  return {
    url: `http://127.0.0.2:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

function nextTab(page: Page): Promise<Page> {
  return page.context().waitForEvent('page', { timeout: 30_000 });
}

describe('AWS: Open AWS Console', () => {
  let forwarder: { url: string; close(): void };
  before(async () => {
    forwarder = await startForwarder(ui().endpoint.url);
  });
  after(() => forwarder.close());

  beforeEach(async () => {
    const { page, removeAwsFolder, writeHomeFile } = ui();
    await resetWorkbench(page);
    removeAwsFolder();
    writeHomeFile('.aws/credentials', `[default]\n${keys}`);
    await runCommand(page, 'AWS: Disconnect');
  });

  it("opens the region's console for a role, from the link in the status bar's tooltip", async () => {
    const { page, writeHomeFile } = ui();
    writeHomeFile(
      '.aws/config',
      `[profile developer]\nrole_arn = arn:aws:iam::${exampleAccount}:role/Developer\nsource_profile = default\nregion = eu-west-1\nendpoint_url = ${forwarder.url}\n`,
    );
    await connectWith('developer');
    const tab = nextTab(page);
    await page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: 'AWS: profile:developer' }).hover();
    await page.locator('.monaco-hover a', { hasText: 'Open AWS Console' }).click();
    const signedIn = await signedInPage(tab);
    assert.match(signedIn.arn, new RegExp(`^arn:aws:sts::${exampleAccount}:assumed-role/Developer/`));
    assert.equal(signedIn.destination, 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
    assert.equal(signedIn.url.origin, forwarder.url, "the federation page of the profile's endpoint_url");
  });

  it("opens a Lambda function's page for an IAM Identity Center role, from the AWS Explorer", async () => {
    const { page, writeHomeFile, endpoint, server } = ui();
    writeHomeFile(
      '.aws/config',
      `[sso-session corp]\nsso_start_url = ${exampleStartUrl}\nsso_region = ${exampleSsoRegion}\n\n[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = us-east-1\nendpoint_url = ${forwarder.url}\n`,
    );
    writeHomeFile(path.relative(server.home, tokenFile(server.home, { session: 'corp' })), JSON.stringify(endpoint.sso.signIn()));
    await connectWith('dev');
    await runCommand(page, 'AWS: Focus on AWS Explorer View');
    await treeRows(page, 'AWS Explorer', (rows) => rows.some((row) => row.label === 'Lambda'));
    await clickTreeRow(page, 'AWS Explorer', 'Lambda');
    await treeRows(page, 'AWS Explorer', (rows) => rows.some((row) => row.label === 'dev-api'));
    const tab = nextTab(page);
    await treeContextAction(page, 'AWS Explorer', 'dev-api', 'Open AWS Console');
    const signedIn = await signedInPage(tab);
    assert.match(signedIn.arn, /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]+\/alice$/);
    assert.equal(signedIn.destination, 'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/dev-api');
  });

  it("signs an IAM user's keys in as a federated user with the user's permissions, from the Command Palette", async () => {
    const { page, endpoint, writeHomeFile } = ui();
    writeHomeFile('.aws/config', `[default]\nendpoint_url = ${forwarder.url}\n`);
    await connectWith('default');
    const tab = nextTab(page);
    await runCommand(page, 'AWS: Open AWS Console');
    const signedIn = await signedInPage(tab);
    assert.equal(signedIn.arn, `arn:aws:sts::${exampleAccount}:federated-user/Alice`);
    assert.equal(signedIn.destination, 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1');
    assert.deepEqual(JSON.parse(signedIn.permissions), {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    assert.ok(endpoint.state.log.some((entry) => entry.action === 'GetFederationToken' && entry.status === 200));
  });

  it("says plainly that an IAM user's session keys cannot open the console, and asks AWS nothing", async () => {
    const { page, endpoint, writeHomeFile } = ui();
    const session = endpoint.temporaryKey(3_600_000);
    writeHomeFile(
      '.aws/credentials',
      `[default]\n${keys}\n[session]\naws_access_key_id = ${session.accessKeyId}\naws_secret_access_key = ${session.secretAccessKey}\naws_session_token = ${session.sessionToken ?? ''}\n`,
    );
    await connectWith('session');
    const calls = endpoint.state.log.length;
    const tabs = page.context().pages().length;
    await runCommand(page, 'AWS: Open AWS Console');
    await waitForNotification(
      page,
      /Profile session cannot open the AWS Console: These are an IAM user's session credentials \(from STS GetSessionToken/,
    );
    assert.deepEqual(endpoint.state.log.slice(calls), [], 'no call to AWS');
    assert.equal(page.context().pages().length, tabs, 'no browser tab opened');
  });

  it('never logs a sign-in token, nor a secret key or session token of the credentials that signed in', () => {
    const { endpoint, logTexts } = ui();
    const tokens = issuedSigninTokens(endpoint.state.keys);
    assert.ok(tokens.length >= 3, `the tests above signed in (${tokens.length})`);
    const temporary = endpoint.state.keys.filter((key) => key.sessionToken !== undefined);
    const search = new SecretSearch([...tokens, ...temporary.flatMap((key) => [key.secretAccessKey, key.sessionToken ?? ''])]);
    for (const { file, text } of logTexts()) {
      assert.equal(search.find(text), undefined, `${file} holds a sign-in token or a secret`);
    }
    assert.ok(
      logTexts().some(({ text }) =>
        text.includes(`Opened the AWS Console for profile default as arn:aws:sts::${exampleAccount}:federated-user/Alice`),
      ),
    );
  });
});
