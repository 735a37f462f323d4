import * as assert from 'node:assert/strict';
import { freshToken } from '../../../../../src/core/aws/sso/freshToken';
import type { SignInTarget } from '../../../../../src/core/aws/sso/sessions';
import { useAwsEndpoint } from '../../../../fixtures/awsEndpoint';
import { exampleStartUrl } from '../../../../fixtures/ssoEndpoint';
import { modeOf } from '../../../helpers/files';
import { exampleTarget, readJson, useTempHome, writeCliToken } from '../../../helpers/ssoCache';
import { direct } from '../../../../fixtures/network';

const owner = { session: 'my-sso' };
const target = exampleTarget;

describe('a fresh IAM Identity Center token, against the local endpoint', () => {
  const endpoint = useAwsEndpoint();
  const temp = useTempHome();
  const options = () => ({ endpointUrl: endpoint.current.url, network: direct });

  it('uses a token the CLI wrote while it has more than 5 minutes left, without a call', async () => {
    const cli = endpoint.current.sso.signIn(exampleStartUrl, { accessTokenSeconds: 600 });
    await writeCliToken(temp.current, owner, cli);
    const fresh = await freshToken(temp.current, target, options());
    assert.deepEqual([fresh.kind, fresh.kind === 'token' && fresh.token.accessToken], ['token', cli.accessToken]);
    assert.equal(endpoint.current.state.log.length, 0);
  });

  it('refreshes a token with 5 minutes or less left and writes it back as the CLI reads it, private', async () => {
    const cli = endpoint.current.sso.signIn(exampleStartUrl, { accessTokenSeconds: 299 });
    const file = await writeCliToken(temp.current, owner, { ...cli, tokenType: 'Bearer' } as typeof cli);
    const fresh = await freshToken(temp.current, target, options());
    assert.equal(fresh.kind, 'token');
    assert.ok(fresh.kind === 'token' && fresh.refreshed && fresh.token.accessToken !== cli.accessToken);
    const written = await readJson(file);
    assert.equal(written['accessToken'], fresh.kind === 'token' ? fresh.token.accessToken : '');
    assert.notEqual(written['refreshToken'], cli.refreshToken, 'the new refresh token replaces the used one');
    assert.match(written['expiresAt'] ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual(
      [written['clientId'], written['clientSecret'], written['registrationExpiresAt'], written['startUrl'], written['tokenType']],
      [cli.clientId, cli.clientSecret, cli.registrationExpiresAt, cli.startUrl, 'Bearer'],
    );
    assert.equal(await modeOf(file), 0o600);
    // A second window's read finds the new token and needs no call.
    const calls = endpoint.current.state.log.length;
    assert.equal((await freshToken(temp.current, target, options())).kind, 'token');
    assert.equal(endpoint.current.state.log.length, calls);
  });

  it('asks for a new sign-in at the end of the Identity Center session (InvalidGrantException), keeping the file', async () => {
    const cli = endpoint.current.sso.signIn(exampleStartUrl, { accessTokenSeconds: -60 });
    const file = await writeCliToken(temp.current, owner, cli);
    endpoint.current.sso.endSessions();
    const failures: unknown[] = [];
    const fresh = await freshToken(temp.current, target, { ...options(), onRefreshFailed: (error) => failures.push(error) });
    assert.equal(fresh.kind, 'signIn');
    assert.match(fresh.kind === 'signIn' ? fresh.reason : '', /session for my-sso has ended/);
    assert.equal((failures[0] as { name?: string }).name, 'InvalidGrantException');
    assert.equal((await readJson(file))['accessToken'], cli.accessToken);
  });

  it('keeps using a token that still works when its refresh fails, and asks for a sign-in when there is none', async () => {
    const cli = endpoint.current.sso.signIn(exampleStartUrl, { accessTokenSeconds: 120 });
    await writeCliToken(temp.current, owner, cli);
    endpoint.current.state.injection = { failNext: { code: 'InternalServerException', count: 5 } };
    const failures: unknown[] = [];
    const fresh = await freshToken(temp.current, target, { ...options(), onRefreshFailed: (error) => failures.push(error) });
    assert.deepEqual([fresh.kind, fresh.kind === 'token' && fresh.token.accessToken], ['token', cli.accessToken]);
    assert.equal(failures.length, 1, 'a refresh was tried, and failed');
    assert.ok(endpoint.current.state.log.some((entry) => entry.action === 'CreateToken' && entry.status === 500));
    endpoint.current.state.injection = {};
    assert.equal((await freshToken(temp.current, { ...target, owner: { session: 'other' } }, options())).kind, 'signIn');
  });

  it('never refreshes a legacy profile token (the SDK does not): expired means sign in again', async () => {
    const cli = endpoint.current.sso.signIn(exampleStartUrl, { accessTokenSeconds: -1 });
    const legacy: SignInTarget = { ...target, owner: { legacyStartUrl: exampleStartUrl }, refreshes: false };
    await writeCliToken(temp.current, legacy.owner, cli);
    assert.equal((await freshToken(temp.current, legacy, options())).kind, 'signIn');
    assert.equal(endpoint.current.state.log.length, 0);
  });
});
