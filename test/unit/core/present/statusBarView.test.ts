import * as assert from 'node:assert/strict';
import type { ConnectionState } from '../../../../src/core/aws/connectionState';
import { expiryPhrase, statusBarView } from '../../../../src/core/present/statusBarView';

const identity = { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/Alice', userId: 'AIDAEXAMPLE' };
const now = new Date('2026-11-22T10:00:00Z');

describe('statusBarView', () => {
  it('shows AWS with a link to connect when disconnected', () => {
    const view = statusBarView({ kind: 'disconnected' }, now);
    assert.deepEqual([view.text, view.look], ['$(cloud) AWS', 'normal']);
    assert.match(view.tooltip, /\[Connect to AWS\]\(command:awsCredentialManager\.connect\)/);
  });

  it('spins while connecting', () => {
    assert.equal(statusBarView({ kind: 'connecting', profile: 'dev' }, now).text, '$(loading~spin) AWS: profile:dev');
  });

  it('shows the profile, and account, ARN, region and expiry in the tooltip, when connected', () => {
    const state: ConnectionState = {
      kind: 'connected',
      profile: 'dev_team',
      region: 'eu-west-1',
      identity,
      expiration: new Date('2026-11-22T10:45:00Z'),
    };
    const view = statusBarView(state, now);
    assert.deepEqual([view.text, view.look], ['$(cloud) AWS: profile:dev_team', 'normal']);
    assert.match(view.tooltip, /profile \*\*dev\\_team\*\*/);
    assert.match(view.tooltip, /Account: 123456789012/);
    assert.match(view.tooltip, /Region: eu-west-1/);
    assert.match(view.tooltip, /Credentials expire in 45 min \(10:45 UTC\)/);
    assert.deepEqual(view.commands, [
      'awsCredentialManager.connect',
      'awsCredentialManager.openConsole',
      'awsCredentialManager.exportCredentials',
      'awsCredentialManager.openCredentialsTerminal',
      'awsCredentialManager.disconnect',
      'awsCredentialManager.showLogs',
    ]);
    assert.match(view.tooltip, /\[Open AWS Console\]\(command:awsCredentialManager\.openConsole\)/);
    assert.doesNotMatch(statusBarView({ ...state, expiration: undefined }, now).tooltip, /expire/);
  });

  it('says when an IAM Identity Center token expires, whether it renews, and offers Sign In Again when the sign-in ended', () => {
    const connected = (renews: boolean): ConnectionState => ({
      kind: 'connected',
      profile: 'dev',
      region: 'us-east-1',
      identity,
      expiration: undefined,
      signIn: { expiresAt: new Date('2026-11-22T11:00:00Z'), renews },
    });
    assert.match(
      statusBarView(connected(true), now).tooltip,
      /IAM Identity Center sign-in: token expires in 60 min \(11:00 UTC\), renewed on connect/,
    );
    assert.match(statusBarView(connected(false), now).tooltip, /token expires in 60 min \(11:00 UTC\); then sign in again/);
    const ended = statusBarView({ kind: 'expired', profile: 'dev', problem: { kind: 'signIn', message: 'The session has ended.' } }, now);
    assert.equal(ended.look, 'warning');
    assert.match(ended.tooltip, /\[Sign In Again\]\(command:awsCredentialManager\.signIn\)/);
    assert.ok(ended.commands.includes('awsCredentialManager.signIn'));
    const login = statusBarView({ kind: 'expired', profile: 'dev', problem: { kind: 'login', message: 'The sign-in has ended.' } }, now);
    assert.match(login.tooltip, /^\[Sign In\]\(command:awsCredentialManager\.awsLogin\) · \[Disconnect\]/m);
    assert.ok(!login.commands.includes('awsCredentialManager.signIn'));
  });

  it('takes the warning look when the credentials expired or were rejected', () => {
    const problem = { kind: 'expiredToken' as const, message: 'The session token has expired.' };
    for (const kind of ['expired', 'failed'] as const) {
      const view = statusBarView({ kind, profile: 'class', problem }, now);
      assert.deepEqual([view.text, view.look], ['$(warning) AWS: profile:class', 'warning']);
      assert.match(view.tooltip, /session token has expired/);
    }
  });

  it('tells a screen reader the state that only the icon and the colour show', () => {
    const problem = { kind: 'expiredToken' as const, message: 'The session token has expired.' };
    const labels = (
      [
        { kind: 'disconnected' },
        { kind: 'connecting', profile: 'dev' },
        { kind: 'connected', profile: 'dev', region: 'eu-west-1', identity, expiration: undefined },
        { kind: 'expired', profile: 'dev', problem },
        { kind: 'failed', profile: 'dev', problem },
      ] satisfies ConnectionState[]
    ).map((state) => statusBarView(state, now).ariaLabel);
    assert.deepEqual(labels, [
      'AWS, not connected',
      'AWS: profile:dev, connecting',
      'AWS: profile:dev, connected, account 123456789012',
      'AWS: profile:dev, credentials stopped working',
      'AWS: profile:dev, could not connect',
    ]);
  });

  it('shows a profile name or a region that may be a secret described, in the text and the tooltip', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const states: ConnectionState[] = [
      { kind: 'connecting', profile: secret },
      { kind: 'connected', profile: secret, region: secret, identity, expiration: undefined },
      { kind: 'failed', profile: secret, problem: { kind: 'other', message: 'x' } },
    ];
    for (const state of states) {
      const view = statusBarView(state, now);
      assert.ok(!`${view.text}${view.ariaLabel}${view.tooltip}`.includes('wJalrXUtnFEMI'), view.tooltip);
      assert.match(view.text, /AWS: profile:\(a name of 40 characters, not shown because it may be a secret\)$/);
    }
    assert.match(statusBarView(states[1] ?? { kind: 'disconnected' }, now).tooltip, /Region: \(a value of 40 characters/);
  });

  it('words an expiry in minutes, hours, or as past', () => {
    assert.equal(expiryPhrase(new Date('2026-11-22T15:00:00Z'), now), 'in 5 h (15:00 UTC)');
    assert.equal(expiryPhrase(new Date('2026-11-22T09:00:00Z'), now), '(expired at 09:00 UTC)');
  });
});
