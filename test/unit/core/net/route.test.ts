import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import type { KeyCredentials } from '../../../../src/core/aws/clients';
import { consoleSignIn } from '../../../../src/core/aws/console/federation';
import { describeAwsError, type AwsProblem } from '../../../../src/core/aws/errors';
import { callerIdentity } from '../../../../src/core/aws/identity';
import { resolveConnection } from '../../../../src/core/aws/resolveConnection';
import { listLambdaFunctions } from '../../../../src/core/aws/resources/lambda';
import { listAssignments } from '../../../../src/core/aws/sso/portal';
import { networkAgents, type NetworkRoute } from '../../../../src/core/net/agents';
import type { ProxySettings } from '../../../../src/core/net/proxy';
import { awsCli } from '../../../fixtures/awsCli';
import { exampleAccount, exampleUser, startAwsEndpoint, type AwsEndpoint } from '../../../fixtures/awsEndpoint';
import { noProxySettings } from '../../../fixtures/network';
import { startConnectProxy, startTlsFront, type ConnectProxy } from '../../../fixtures/connectProxy';
import { exampleSsoRegion } from '../../../fixtures/ssoEndpoint';
import { makeTestCa, type TestCa } from '../../../fixtures/testCa';
import { useTempFolder, writeTexts } from '../../helpers/sdkFiles';

/** A made-up AWS host: this machine cannot resolve it, so a call reaches it only through the proxy, which maps it to the TLS front. */
const awsHost = 'aws.corp.example';
const endpointUrl = `https://${awsHost}`;
const proxyUser = 'tester:EXAMPLEproxypass';

describe('the network route: every AWS call through a real CONNECT proxy to a TLS endpoint signed by a company CA', () => {
  let ca: TestCa;
  let endpoint: AwsEndpoint;
  let front: { port: number; close: () => Promise<void> };
  let proxy: ConnectProxy;
  const folder = useTempFolder();

  before(() => {
    ca = makeTestCa([awsHost]);
  });
  after(() => ca.remove());
  beforeEach(async () => {
    endpoint = await startAwsEndpoint();
    front = await startTlsFront(ca, Number(new URL(endpoint.url).port));
    proxy = await startConnectProxy({
      credentials: proxyUser,
      resolve: (host) => (host === awsHost ? { host: '127.0.0.1', port: front.port } : undefined),
      refused: ['blocked.corp.example'],
    });
  });
  afterEach(async () => {
    await Promise.all([proxy.close(), front.close(), endpoint.close()]);
  });

  const route = (settings: Partial<ProxySettings> = {}, extra: Partial<NetworkRoute> = {}): NetworkRoute => ({
    proxy: { ...noProxySettings, proxy: proxy.url(proxyUser), ...settings },
    env: {},
    ca: [ca.caPem],
    ...extra,
  });
  const identity = (network: NetworkRoute, url = endpointUrl, credentials: KeyCredentials = exampleUser) =>
    callerIdentity(credentials, { region: 'us-east-1', endpointUrl: url, network, timeoutMs: 5_000 });
  async function problemOf(call: Promise<unknown>): Promise<AwsProblem> {
    try {
      await call;
    } catch (error) {
      return describeAwsError(error);
    }
    assert.fail('the call succeeded');
  }

  it('signs STS through the proxy, with the proxy user, trusting the CA bundle beside the usual ones', async () => {
    const who = await identity(route());
    assert.equal(who.arn, exampleUser.arn);
    assert.deepEqual(
      proxy.tunnels.map(({ target, status }) => [target, status]),
      [[`${awsHost}:443`, 200]],
    );
    assert.equal(proxy.tunnels[0]?.authorization, `Basic ${Buffer.from(proxyUser).toString('base64')}`);
    assert.deepEqual(
      endpoint.state.log.map(({ action, status }) => [action, status]),
      [['GetCallerIdentity', 200]],
    );
  });

  it('takes the proxy from HTTPS_PROXY when http.proxy is empty', async () => {
    const who = await identity(route({ proxy: '' }, { env: { HTTPS_PROXY: proxy.url(proxyUser) } }));
    assert.equal(who.account, exampleAccount);
    assert.equal(proxy.tunnels.length, 1);
  });

  it("says a certificate is not trusted without the company's CA, and what to set", async () => {
    const problem = await problemOf(identity(route({}, { ca: undefined })));
    assert.equal(problem.kind, 'certificate');
    assert.match(
      problem.message,
      /not trusted \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/,
    );
    assert.match(problem.message, /ca_bundle.*AWS_CA_BUNDLE/);
    assert.equal(endpoint.state.log.length, 0, 'nothing reached AWS');
  });

  it('accepts that certificate through the proxy when http.proxyStrictSSL is off, as VS Code does', async () => {
    const who = await identity(route({ strictSSL: false }, { ca: undefined }));
    assert.equal(who.arn, exampleUser.arn);
  });

  it('says the proxy refused its user and password, or asks for them, never quoting the password', async () => {
    const wrong = await problemOf(identity(route({ proxy: proxy.url('tester:EXAMPLEwrongpass') })));
    assert.equal(wrong.kind, 'proxy');
    assert.match(wrong.message, /refused the user name and password of the proxy setting \(407 Proxy Authentication Required\)/);
    assert.match(wrong.message, new RegExp(`http://127\\.0\\.0\\.1:${proxy.port} \\(http\\.proxy\\)`));
    assert.doesNotMatch(wrong.message, /EXAMPLE(wrong|proxy)pass|tester/);
    const anonymous = await problemOf(identity(route({ proxy: proxy.url() })));
    assert.match(anonymous.message, /asks for a user name and password \(407/);
  });

  it('says when the proxy cannot be reached, or will not connect to a host', async () => {
    const closed = await startConnectProxy();
    const url = closed.url();
    await closed.close();
    const unreachable = await problemOf(identity(route({ proxy: url })));
    assert.equal(unreachable.kind, 'proxy');
    assert.match(unreachable.message, /could not be reached \(ECONNREFUSED\)/);
    const blocked = await problemOf(identity(route(), 'https://blocked.corp.example'));
    assert.equal(blocked.kind, 'proxy');
    assert.match(blocked.message, /would not connect to blocked\.corp\.example:443 \(403 Forbidden\).*http\.noProxy/);
  });

  it('says when a proxy closes the connection before answering, or does not answer, at once rather than waiting', async () => {
    const silent = net.createServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
      const closed = await problemOf(identity(route({ proxy: url })));
      assert.equal(closed.kind, 'proxy');
      assert.match(closed.message, /closed the connection before answering/);
    } finally {
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
    const mute = net.createServer(() => undefined);
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(mute.address() as net.AddressInfo).port}`;
      const started = Date.now();
      const consoleCall = consoleSignIn(
        { credentials: exampleUser, region: 'us-east-1', endpointUrl, network: route({ proxy: url }) },
        { kind: 'direct' },
        { kind: 'home', region: 'us-east-1' },
        { timeoutMs: 1_000 },
      );
      const unanswered = await problemOf(consoleCall);
      assert.equal(unanswered.kind, 'proxy');
      assert.match(unanswered.message, /did not answer within 1 s/);
      assert.ok(Date.now() - started < 5_000);
    } finally {
      mute.close();
    }
  });

  it("tells the console's federation call refused by the proxy as the proxy's refusal, not as the credentials'", async () => {
    const problem = await problemOf(
      consoleSignIn(
        { credentials: exampleUser, region: 'us-east-1', endpointUrl: 'https://blocked.corp.example', network: route() },
        { kind: 'direct' },
        { kind: 'home', region: 'us-east-1' },
      ),
    );
    assert.equal(problem.kind, 'proxy');
    assert.match(problem.message, /would not connect to blocked\.corp\.example:443 \(403 Forbidden\)/);
  });

  it('sends http.proxyAuthorization on the CONNECT instead of the user of the proxy URL, and says when it is refused, never quoting it', async () => {
    const header = `Basic ${Buffer.from(proxyUser).toString('base64')}`;
    const who = await identity(route({ proxy: proxy.url('tester:EXAMPLEwrongpass'), authorization: header }));
    assert.equal(who.arn, exampleUser.arn);
    assert.deepEqual(
      proxy.tunnels.map(({ authorization }) => authorization),
      [header],
    );
    const refused = await problemOf(identity(route({ authorization: 'Basic EXAMPLEwrongtoken' })));
    assert.equal(refused.kind, 'proxy');
    assert.match(refused.message, /refused the Proxy-Authorization of http\.proxyAuthorization \(407 Proxy Authentication Required\)/);
    assert.doesNotMatch(refused.message, /EXAMPLE(wrongtoken|proxypass)|tester/);
    // Header bytes are Latin-1, as Node writes them on a request of its own.
    await problemOf(identity(route({ authorization: 'Basic EXAMPLE\u00e9' })));
    assert.equal(proxy.tunnels.at(-1)?.authorization, 'Basic EXAMPLE\u00e9');
  });

  it("sends an http:// endpoint's calls to the proxy in absolute-form, with the proxy user, where the proxy allows CONNECT only to 443", async () => {
    const basic = `Basic ${Buffer.from(proxyUser).toString('base64')}`;
    const squid = await startConnectProxy({
      credentials: proxyUser,
      connectPorts: [443],
      resolve: (host) => (host === awsHost ? { host: '127.0.0.1', port: Number(new URL(endpoint.url).port) } : undefined),
    });
    try {
      const network = route({ proxy: squid.url(proxyUser) });
      const who = await identity(network, `http://${awsHost}`);
      assert.equal(who.arn, exampleUser.arn);
      const access = { credentials: exampleUser, region: 'us-east-1', endpointUrl: `http://${awsHost}:8080`, network };
      assert.equal((await listLambdaFunctions(access, 'us-east-1')).length, 75);
      assert.deepEqual(
        squid.forwarded.map(({ method, url, authorization, status }) => [method, url, authorization, status]),
        [
          ['POST', `http://${awsHost}:80/`, basic, 200],
          ['GET', `http://${awsHost}:8080/2015-03-31/functions?MaxItems=50`, basic, 200],
          ['GET', `http://${awsHost}:8080/2015-03-31/functions?Marker=50&MaxItems=50`, basic, 200],
        ],
      );
      assert.deepEqual(squid.tunnels, [], 'no CONNECT was asked for');
      const anonymous = await problemOf(identity(route({ proxy: squid.url() }), `http://${awsHost}`));
      assert.equal(anonymous.kind, 'proxy');
      assert.match(anonymous.message, /407 Proxy Authentication Required/);
      // The same proxy refuses a tunnel to port 80, which an http:// endpoint would need without absolute-form.
      const tunnel = await problemOf(identity(route({ proxy: squid.url(proxyUser) }), `https://${awsHost}:80`));
      assert.match(tunnel.message, /would not connect to aws\.corp\.example:80 \(403 Forbidden\)/);
    } finally {
      await squid.close();
    }
  });

  it('sends a plain-HTTP request whose head Node writes at once (Expect: 100-continue, or headers as an array) through a tunnel, without hanging', async () => {
    const plain = await startConnectProxy({
      credentials: proxyUser,
      resolve: (host) => (host === awsHost ? { host: '127.0.0.1', port: Number(new URL(endpoint.url).port) } : undefined),
    });
    const { httpAgent } = networkAgents(route({ proxy: plain.url(proxyUser) }), 5_000);
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const post = (headers: http.OutgoingHttpHeaders | string[]) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the request hung')), 5_000);
        const request = http.request({ host: awsHost, port: 80, method: 'POST', path: '/', headers, agent: httpAgent }, (response) => {
          response.resume();
          response.on('end', () => (clearTimeout(timer), resolve(response.statusCode ?? 0)));
        });
        request.on('error', (error) => (clearTimeout(timer), reject(error)));
        request.on('continue', () => request.end(body));
      });
    try {
      const length = String(Buffer.byteLength(body));
      const type = 'application/x-www-form-urlencoded';
      const expecting = await post({ expect: '100-continue', 'content-type': type, 'content-length': length });
      const listed = await post(['Host', awsHost, 'Expect', '100-continue', 'Content-Type', type, 'Content-Length', length]);
      // Unsigned, STS answers 403, which shows the request reached it whole.
      assert.deepEqual([expecting, listed], [403, 403]);
      assert.deepEqual(
        plain.tunnels.map(({ target, authorization, status }) => [target, authorization, status]),
        [[`${awsHost}:80`, `Basic ${Buffer.from(proxyUser).toString('base64')}`, 200]],
        'one tunnel, kept alive for both requests',
      );
      assert.deepEqual(plain.forwarded, []);
    } finally {
      httpAgent.destroy();
      await plain.close();
    }
  });

  it('uses no proxy when http.proxySupport is off, yet trusts the CA bundle', async () => {
    const problem = await problemOf(identity(route({ support: 'off' }, { env: { HTTPS_PROXY: proxy.url(proxyUser) } })));
    assert.equal(problem.kind, 'network');
    assert.match(problem.message, /ENOTFOUND|EAI_AGAIN/);
    assert.equal(proxy.tunnels.length, 0);
    const direct = `https://127.0.0.1:${front.port}`;
    assert.equal((await identity(route({ support: 'off' }), direct)).arn, exampleUser.arn);
    assert.equal((await problemOf(identity(route({ support: 'off' }, { ca: undefined }), direct))).kind, 'certificate');
  });

  it('goes directly to the hosts of http.noProxy (so this made-up host is not found)', async () => {
    const problem = await problemOf(identity(route({ noProxy: ['corp.example'] })));
    assert.equal(problem.kind, 'network');
    assert.match(problem.message, /ENOTFOUND|EAI_AGAIN/);
    assert.equal(proxy.tunnels.length, 0);
  });

  it('is the route the real AWS CLI takes for the same profile: HTTPS_PROXY and its ca_bundle', async () => {
    const paths = await writeTexts(folder.path, {
      config: `[profile corp]\nregion = us-east-1\nendpoint_url = ${endpointUrl}\nca_bundle = ${ca.caFile}\n`,
      credentials: `[corp]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
    });
    const who = await awsCli<{ Arn: string }>(['sts', 'get-caller-identity', '--profile', 'corp'], {
      AWS_CONFIG_FILE: paths.config,
      AWS_SHARED_CREDENTIALS_FILE: paths.credentials,
      HTTPS_PROXY: proxy.url(proxyUser),
    });
    assert.equal(who.Arn, exampleUser.arn);
    assert.deepEqual(
      proxy.tunnels.map(({ target, status }) => [target, status]),
      [[`${awsHost}:443`, 200]],
    );
  });

  it("routes the SDK's own clients too: a role assumed by fromIni, then Lambda, IAM Identity Center and the console's federation", async () => {
    const paths = await writeTexts(folder.path, {
      config: `[profile dev]\nrole_arn = arn:aws:iam::${exampleAccount}:role/Developer\nsource_profile = base\n`,
      credentials: `[base]\naws_access_key_id = ${exampleUser.accessKeyId}\naws_secret_access_key = ${exampleUser.secretAccessKey}\n`,
    });
    const network = route();
    const connected = await resolveConnection({
      profile: 'dev',
      paths,
      region: 'us-east-1',
      endpointUrl,
      network,
      askMfaCode: () => Promise.reject(new Error('no MFA expected')),
    });
    assert.match(connected.identity.arn, /assumed-role\/Developer\//);
    const access = { credentials: connected.credentials, region: 'us-east-1', endpointUrl, network };
    assert.equal((await listLambdaFunctions(access, 'us-east-1')).length, 75);
    const { accessToken } = endpoint.sso.signIn();
    assert.ok((await listAssignments(accessToken, exampleSsoRegion, { endpointUrl, network })).length > 0);
    const signIn = await consoleSignIn(access, { kind: 'direct' }, { kind: 'home', region: 'us-east-1' });
    assert.ok(signIn.url.startsWith(`${endpointUrl}/federation?Action=login&`));
    const actions = endpoint.state.log.map(({ action }) => action);
    for (const action of ['AssumeRole', 'GetCallerIdentity', 'GET /2015-03-31/functions', 'ListAccounts', 'getSigninToken']) {
      assert.ok(actions.includes(action), `${action} reached the endpoint through the proxy: ${actions.join(', ')}`);
    }
    assert.ok(proxy.tunnels.length >= 5 && proxy.tunnels.every(({ target, status }) => target === `${awsHost}:443` && status === 200));
  });
});
