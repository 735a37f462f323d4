import * as assert from 'node:assert/strict';
import {
  failedState,
  failureActions,
  needsUser,
  reusableCredentials,
  type ConnectionState,
} from '../../../../src/core/aws/connectionState';
import type { AwsProblem, AwsProblemKind } from '../../../../src/core/aws/errors';
import type { Profile } from '../../../../src/core/profiles/model';
import { reportOf } from '../../helpers/snapshots';

const identity = { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/Alice', userId: 'AIDAEXAMPLE' };
const connected: ConnectionState = { kind: 'connected', profile: 'dev', region: 'us-east-1', identity, expiration: undefined };
const problem = (kind: AwsProblemKind): AwsProblem => ({ kind, message: `${kind} happened` });
const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

async function profile(config: string): Promise<Profile> {
  return (await reportOf('p', { config, credentials: `[base]\n${keys}` })).profile;
}

describe('connection state: what a failure leads to', () => {
  it('expires on an expired token, from any state', () => {
    for (const current of [connected, { kind: 'disconnected' } as const, { kind: 'connecting', profile: 'dev' } as const]) {
      assert.equal(failedState(current, 'dev', problem('expiredToken')).kind, 'expired');
    }
  });

  it('expires when AWS stops knowing the keys of the connected profile, and fails for any other', () => {
    assert.equal(failedState(connected, 'dev', problem('unknownKey')).kind, 'expired');
    assert.equal(failedState(connected, 'other', problem('unknownKey')).kind, 'failed');
    assert.equal(failedState({ kind: 'disconnected' }, 'dev', problem('unknownKey')).kind, 'failed');
  });

  it('fails on every other problem, keeping the profile and the problem', () => {
    for (const kind of ['wrongSecret', 'accessDenied', 'throttled', 'network', 'timeout', 'other'] as const) {
      assert.deepEqual(failedState(connected, 'dev', problem(kind)), { kind: 'failed', profile: 'dev', problem: problem(kind) });
    }
  });

  it('expires and offers Sign In Again when an IAM Identity Center sign-in has ended', () => {
    const problem = { kind: 'signIn', message: 'The session has ended.' } as const;
    assert.equal(failedState({ kind: 'disconnected' }, 'dev', problem).kind, 'expired');
    assert.deepEqual(failureActions(problem), ['signInAgain', 'showLogs']);
  });

  it('expires and offers Sign In (aws login) when an aws login sign-in is missing or has ended', () => {
    const problem = { kind: 'login', message: 'The aws login sign-in has ended.' } as const;
    assert.equal(failedState({ kind: 'disconnected' }, 'dev', problem).kind, 'expired');
    assert.deepEqual(failureActions(problem), ['awsLogin', 'showLogs']);
  });

  it('offers the files when the keys are wrong, and another try when AWS could not answer', () => {
    for (const kind of ['expiredToken', 'unknownKey', 'wrongSecret', 'other'] as const) {
      assert.deepEqual(failureActions(problem(kind)), ['editCredentials', 'showLogs'], kind);
    }
    for (const kind of ['network', 'timeout', 'throttled', 'accessDenied'] as const) {
      assert.deepEqual(failureActions(problem(kind)), ['tryAgain', 'showLogs'], kind);
    }
  });

  it("offers VS Code's proxy settings when the proxy failed, and the files (for ca_bundle) when a certificate is not trusted", () => {
    assert.deepEqual(failureActions(problem('proxy')), ['proxySettings', 'tryAgain', 'showLogs']);
    assert.deepEqual(failureActions(problem('certificate')), ['editCredentials', 'tryAgain', 'showLogs']);
  });
});

describe('connection state: profiles that wait for the user, and role sessions kept', () => {
  it('never connects at start a profile that asks for an MFA code or a sign-in', async () => {
    assert.equal(needsUser(await profile('[profile p]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n')), false);
    assert.equal(
      needsUser(
        await profile('[profile p]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/me\n'),
      ),
      true,
    );
    assert.equal(needsUser(await profile('[profile p]\nsso_session = s\nsso_account_id = 1\nsso_role_name = r\n')), true);
    assert.equal(needsUser(await profile('[profile p]\nlogin_session = arn:aws:iam::1:user/me\n')), false, 'aws login renews by itself');
  });

  it('reuses a session of the unchanged profile until five minutes before it ends', async () => {
    const role = await profile('[profile p]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n');
    const now = new Date('2026-12-01T10:00:00Z');
    const session = (minutesLeft: number, fingerprint = role.fingerprint) => ({
      fingerprint,
      credentials: {
        accessKeyId: 'ASIAEXAMPLE',
        secretAccessKey: 's',
        sessionToken: 't',
        expiration: new Date(now.getTime() + minutesLeft * 60_000),
      },
    });
    assert.equal(reusableCredentials(session(6), role, now)?.accessKeyId, 'ASIAEXAMPLE');
    assert.equal(reusableCredentials(session(4), role, now), undefined, 'about to expire');
    assert.equal(reusableCredentials(session(60, 'changed'), role, now), undefined, 'the profile changed');
    assert.equal(reusableCredentials(undefined, role, now), undefined);
    assert.equal(
      reusableCredentials({ ...session(60), credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' } }, role, now),
      undefined,
      'no expiry',
    );
  });
});
