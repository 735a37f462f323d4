import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { eventually } from '../eventually';
import { exampleUser } from '../fixtures/awsEndpoint';
import { startConnectProxy, startTlsFront, type ConnectProxy } from '../fixtures/connectProxy';
import { makeTestCa, type TestCa } from '../fixtures/testCa';
import { ui } from './session';
import {
  clickNotificationButton,
  connectWithProfile,
  editorTabs,
  resetWorkbench,
  waitForNotification,
  waitForStatusBarItem,
} from './workbench';

/** A made-up AWS host: code-server's machine cannot resolve it, so the extension reaches it only through the proxy. */
const awsHost = 'aws.corp.example';
const proxyUser = 'tester:EXAMPLEproxypass';

/** The company's network: a CA made for the test, the AWS host behind a TLS front it signed, and a proxy that asks for a user. */
interface CompanyNetwork {
  readonly ca: TestCa;
  readonly proxy: ConnectProxy;
  close(): Promise<void>;
}

async function startCompanyNetwork(): Promise<CompanyNetwork> {
  const ca = makeTestCa([awsHost]);
  const front = await startTlsFront(ca, Number(new URL(ui().endpoint.url).port));
  const proxy = await startConnectProxy({
    credentials: proxyUser,
    resolve: (host) => (host === awsHost ? { host: '127.0.0.1', port: front.port } : undefined),
  });
  return {
    ca,
    proxy,
    close: async () => {
      await Promise.all([proxy.close(), front.close()]);
      ca.remove();
    },
  };
}

describe("behind a company's proxy and CA", () => {
  let network: CompanyNetwork;
  let ca: TestCa;
  let proxy: ConnectProxy;

  before(async () => {
    network = await startCompanyNetwork();
    ({ ca, proxy } = network);
  });
  after(async () => {
    await network.close();
  });

  describe("with VS Code's own proxy settings", () => {
    after(async () => {
      await ui().setUserSetting('http.proxy', undefined);
    });
    beforeEach(async () => {
      const { page, removeAwsFolder, writeHomeFile } = ui();
      await resetWorkbench(page);
      removeAwsFolder();
      const keys = `aws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`;
      writeHomeFile('.aws/credentials', `[corp]\n${keys}\n[corp-no-ca]\n${keys}`);
      writeHomeFile(
        '.aws/config',
        `[profile corp]\nregion = us-east-1\nendpoint_url = https://${awsHost}\nca_bundle = ${ca.caFile}\n\n` +
          `[profile corp-no-ca]\nregion = us-east-1\nendpoint_url = https://${awsHost}\n`,
      );
    });

    it('connects through http.proxy, trusting the profile ca_bundle, and logs the proxy without its password', async () => {
      const { page, setUserSetting, logTexts } = ui();
      await setUserSetting('http.proxy', proxy.url(proxyUser));
      await connectWithProfile(page, 'corp');
      await waitForStatusBarItem(page, /^AWS: profile:corp$/, false);
      assert.ok(
        proxy.tunnels.some(({ target, status }) => target === `${awsHost}:443` && status === 200),
        `the proxy opened a tunnel to ${awsHost}: ${JSON.stringify(proxy.tunnels.map(({ target, status }) => [target, status]))}`,
      );
      const leaks = logTexts().filter(({ text }) => text.includes('EXAMPLEproxypass'));
      assert.deepEqual(
        leaks.map(({ file }) => file),
        [],
        'no log holds the proxy password',
      );
    });

    it('says that the certificate is not trusted without the company CA, and offers the files for ca_bundle', async () => {
      const { page, setUserSetting } = ui();
      await setUserSetting('http.proxy', proxy.url(proxyUser));
      await connectWithProfile(page, 'corp-no-ca');
      await waitForNotification(
        page,
        /Profile corp-no-ca could not connect: The certificate of the AWS endpoint is not trusted .*ca_bundle/,
      );
      await clickNotificationButton(page, /Profile corp-no-ca could not connect/, 'Edit Credentials');
      await waitForTabs(page, /config/);
    });

    it('says that the proxy refused its password, without quoting it, and offers the proxy settings', async () => {
      const { page, setUserSetting } = ui();
      await setUserSetting('http.proxy', proxy.url('tester:EXAMPLEwrongpass'));
      await connectWithProfile(page, 'corp');
      const message = await waitForNotification(
        page,
        /Profile corp could not connect: The proxy .*\(407 Proxy Authentication Required\).*user name and password/,
      );
      assert.doesNotMatch(message, /EXAMPLE(wrong|proxy)pass/);
      await clickNotificationButton(page, /Profile corp could not connect/, 'Proxy Settings');
      await waitForTabs(page, /Settings/);
    });
  });

  describe("with VS Code's proxy support for extensions turned off or on (http.proxySupport), the extension's own route", () => {
    // In a describe of its own, so that its hooks reset the settings it changes.
    after(async () => {
      const { setUserSetting } = ui();
      await setUserSetting('http.proxySupport', undefined);
      await setUserSetting('http.proxyAuthorization', undefined);
      await setUserSetting('http.proxy', undefined);
    });
    beforeEach(async () => {
      const { page, removeAwsFolder, writeHomeFile } = ui();
      await resetWorkbench(page);
      removeAwsFolder();
      writeHomeFile(
        '.aws/credentials',
        `[corp]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
      );
      writeHomeFile('.aws/config', `[profile corp]\nregion = us-east-1\nendpoint_url = https://${awsHost}\nca_bundle = ${ca.caFile}\n`);
    });

    it('uses no proxy at all when http.proxySupport is off, so the made-up host is not found', async () => {
      const { page, setUserSetting } = ui();
      await setUserSetting('http.proxy', proxy.url(proxyUser));
      await setUserSetting('http.proxySupport', 'off');
      const before = proxy.tunnels.length;
      await connectWithProfile(page, 'corp');
      await waitForNotification(page, /Profile corp could not connect: AWS could not be reached \((ENOTFOUND|EAI_AGAIN)\)/);
      assert.equal(proxy.tunnels.length, before, 'the proxy was not asked for a tunnel');
    });

    it('sends http.proxyAuthorization on its own tunnel when http.proxySupport is on, and never logs it', async () => {
      const { page, setUserSetting, logTexts } = ui();
      const header = `Basic ${Buffer.from(proxyUser).toString('base64')}`;
      await setUserSetting('http.proxy', proxy.url());
      await setUserSetting('http.proxyAuthorization', header);
      await setUserSetting('http.proxySupport', 'on');
      await connectWithProfile(page, 'corp');
      await waitForStatusBarItem(page, /^AWS: profile:corp$/, false);
      const tunnel = proxy.tunnels.at(-1);
      assert.deepEqual([tunnel?.target, tunnel?.status, tunnel?.authorization], [`${awsHost}:443`, 200, header]);
      const leaks = logTexts().filter(({ text }) => text.includes(header.slice('Basic '.length)));
      assert.deepEqual(
        leaks.map(({ file }) => file),
        [],
        'no log holds the Proxy-Authorization value',
      );
    });
  });

  async function waitForTabs(page: Page, expected: RegExp): Promise<void> {
    await eventually(
      () => editorTabs(page),
      (tabs) => tabs.some((tab) => expected.test(tab)),
      (tabs) => `no editor tab matched ${String(expected)}: ${tabs.join(', ')}`,
    );
  }
});
