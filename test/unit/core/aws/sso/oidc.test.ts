import * as assert from 'node:assert/strict';
import { signIn, type DeviceCode, type IdentityCenter } from '../../../../../src/core/aws/sso/oidc';
import { isCancellation } from '../../../../../src/core/errors';
import { useAwsEndpoint } from '../../../../fixtures/awsEndpoint';
import { exampleStartUrl } from '../../../../fixtures/ssoEndpoint';
import { answerAuthorize, answerOnPages } from '../../../helpers/ssoApproval';
import { direct } from '../../../../fixtures/network';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const center: IdentityCenter = { startUrl: exampleStartUrl, region: 'us-east-1', scopes: ['sso:account:access'] };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the sign-in to fail');
}

describe('signing in to IAM Identity Center (OIDC), against the local endpoint', () => {
  const endpoint = useAwsEndpoint();
  const options = () => ({ endpointUrl: endpoint.current.url, network: direct });

  it('runs the device code flow: shows the code, polls while pending, and keeps the registration', async () => {
    endpoint.current.state.sso.deviceIntervalSeconds = 0;
    let shown: DeviceCode | undefined;
    let approved: Promise<string> | undefined;
    const showDeviceCode = (code: DeviceCode): void => {
      shown = code;
      // A person takes a moment: the first polls find the authorization pending.
      approved = sleep(300).then(() => answerOnPages(endpoint.current.url, code.verificationUriComplete, 'allow'));
    };
    const token = await signIn(
      center,
      'deviceCode',
      { showDeviceCode, openBrowser: () => assert.fail(), signal: new AbortController().signal },
      options(),
    );
    assert.match((await approved) ?? '', /Request approved/);
    assert.match(shown?.userCode ?? '', /^[A-Z]{4}-[A-Z]{4}$/);
    assert.ok((shown?.expiresAt.getTime() ?? 0) > Date.now());
    assert.ok(token.accessToken && token.refreshToken && token.clientId && token.clientSecret, 'a token that can be refreshed');
    assert.ok(Math.abs(token.expiresAt.getTime() - Date.now() - 3600_000) < 5_000);
    assert.ok((token.registrationExpiresAt?.getTime() ?? 0) > Date.now() + 80 * 86_400_000);
    const polls = endpoint.current.state.log.filter((entry) => entry.action === 'CreateToken');
    assert.ok(polls.length >= 2, 'polled while the authorization was pending');
  });

  it('waits 5 seconds longer between polls after a SlowDownException, as the protocol says', async () => {
    endpoint.current.state.sso.deviceIntervalSeconds = 0;
    const started = Date.now();
    const token = await signIn(
      center,
      'deviceCode',
      {
        showDeviceCode: (code) => {
          endpoint.current.state.injection = { failNext: { code: 'SlowDownException', count: 1 } };
          void answerOnPages(endpoint.current.url, code.verificationUriComplete, 'allow');
        },
        openBrowser: () => assert.fail(),
        signal: new AbortController().signal,
      },
      options(),
    );
    assert.ok(token.accessToken);
    const polls = endpoint.current.state.log.filter((entry) => entry.action === 'CreateToken').map((entry) => entry.status);
    assert.deepEqual(polls, [400, 200], 'slowed down once, then the token');
    assert.ok(Date.now() - started >= 5_000, 'waited the 5 seconds more');
  }).timeout(15_000);

  it('says the person denied it, and stops when cancelled', async () => {
    endpoint.current.state.sso.deviceIntervalSeconds = 0;
    const denied = rejection(
      signIn(
        center,
        'deviceCode',
        {
          showDeviceCode: (code) => void answerOnPages(endpoint.current.url, code.verificationUriComplete, 'deny'),
          openBrowser: () => assert.fail(),
          signal: new AbortController().signal,
        },
        options(),
      ),
    );
    assert.equal(((await denied) as { name: string }).name, 'AccessDeniedException');
    const controller = new AbortController();
    const cancelled = rejection(
      signIn(
        center,
        'deviceCode',
        { showDeviceCode: () => controller.abort(), openBrowser: () => assert.fail(), signal: controller.signal },
        options(),
      ),
    );
    assert.ok(isCancellation(await cancelled));
  });

  it('runs the authorization code flow with PKCE: opens the authorize page, takes the redirect on 127.0.0.1, checks the state', async () => {
    const token = await signIn(
      center,
      'authorizationCode',
      {
        showDeviceCode: () => assert.fail('no code in this flow'),
        openBrowser: async (url) => {
          const authorize = new URL(url);
          assert.equal(`${authorize.protocol}//${authorize.host}`, endpoint.current.url, 'the authorize page of the endpoint in use');
          assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
          const redirect = new URL(authorize.searchParams.get('redirect_uri') ?? '');
          assert.equal(redirect.hostname, '127.0.0.1');
          // A redirect with another state is not the sign-in's: it is refused and the sign-in goes on.
          const stray = await fetch(`${redirect.href}?code=x&state=not-the-one`);
          assert.equal(stray.status, 400);
          const location = await answerAuthorize(url, 'allow');
          const landed = await fetch(location);
          assert.match(await landed.text(), /You can close this tab/);
        },
        signal: new AbortController().signal,
      },
      options(),
    );
    assert.ok(token.accessToken && token.refreshToken);
    const registration = endpoint.current.state.log.find((entry) => entry.action === 'RegisterClient');
    assert.ok(registration);
  });

  it('fails in plain words when the browser says no, and when the start URL is unknown', async () => {
    const denied = await rejection(
      signIn(
        center,
        'authorizationCode',
        {
          showDeviceCode: () => assert.fail(),
          openBrowser: async (url) => void (await fetch(await answerAuthorize(url, 'deny'))),
          signal: new AbortController().signal,
        },
        options(),
      ),
    );
    assert.equal((denied as { name: string }).name, 'AccessDeniedException');
    const unknown = await rejection(
      signIn(
        { ...center, startUrl: 'https://d-0000000000.awsapps.com/start' },
        'deviceCode',
        { showDeviceCode: () => assert.fail(), openBrowser: () => assert.fail(), signal: new AbortController().signal },
        options(),
      ),
    );
    assert.equal((unknown as { name: string }).name, 'InvalidRequestException');
  });
});
