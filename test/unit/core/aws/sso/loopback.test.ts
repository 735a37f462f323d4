import * as assert from 'node:assert/strict';
import { awaitRedirect } from '../../../../../src/core/aws/sso/loopback';
import { isCancellation } from '../../../../../src/core/errors';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected a failure');
}

describe('the loopback redirect of the authorization code sign-in', () => {
  it('listens on 127.0.0.1 only, takes the redirect with its state, and closes', async () => {
    let address = '';
    const redirect = await awaitRedirect('the-state', new AbortController().signal, 5_000, async (uri) => {
      address = uri;
      assert.match(uri, /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
      assert.equal((await fetch(`${uri}?code=c&state=other`)).status, 400, 'another state is not this sign-in');
      assert.match(await (await fetch(`${uri}?code=the-code&state=the-state`)).text(), /You can close this tab/);
    });
    assert.deepEqual(redirect, { code: 'the-code', redirectUri: address });
    await assert.rejects(fetch(address), 'the listener is closed');
  });

  it('gives up after its time and when cancelled, closing the listener either way', async () => {
    let address = '';
    const late = await failure(
      awaitRedirect('s', new AbortController().signal, 100, (uri) => {
        address = uri;
        return Promise.resolve();
      }),
    );
    assert.equal((late as { name?: string }).name, 'ExpiredTokenException');
    await assert.rejects(fetch(address));
    const controller = new AbortController();
    const cancelled = await failure(
      awaitRedirect('s', controller.signal, 5_000, (uri) => {
        address = uri;
        controller.abort();
        return Promise.resolve();
      }),
    );
    assert.ok(isCancellation(cancelled));
    await assert.rejects(fetch(address));
  });

  it('names a denial AccessDeniedException and any other OAuth error otherwise', async () => {
    const answer = (error: string) =>
      failure(awaitRedirect('s', new AbortController().signal, 5_000, async (uri) => void (await fetch(`${uri}?error=${error}&state=s`))));
    assert.equal(((await answer('access_denied')) as { name?: string }).name, 'AccessDeniedException');
    assert.equal(((await answer('invalid_scope')) as { name?: string }).name, 'InvalidRequestException');
  });
});
