import * as assert from 'node:assert/strict';
import { consoleAccess, federatedUserName } from '../../../../../src/core/aws/console/access';

const now = new Date('2026-12-01T10:00:00Z');
const longTerm = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' };
const temporary = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'secret',
  sessionToken: 'token',
  expiration: new Date('2026-12-01T11:00:00Z'),
};

describe('consoleAccess: which credentials may open the console, and how', () => {
  it('signs a role session or IAM Identity Center role in directly, and a federated user too', () => {
    for (const arn of [
      'arn:aws:sts::123456789012:assumed-role/Developer/alice',
      'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_ReadOnly_0123456789abcdef/alice',
      'arn:aws-cn:sts::123456789012:assumed-role/Developer/alice',
      'arn:aws:sts::123456789012:federated-user/Alice',
    ]) {
      assert.deepEqual(consoleAccess(arn, temporary, now), { kind: 'direct' }, arn);
    }
  });

  it("makes an IAM user's long-term keys (or the root user's) a federated user's first, named after the user", () => {
    assert.deepEqual(consoleAccess('arn:aws:iam::123456789012:user/Alice', longTerm, now), { kind: 'federationToken', name: 'Alice' });
    assert.deepEqual(consoleAccess('arn:aws:iam::123456789012:user/team/ops/bob@example.com', longTerm, now), {
      kind: 'federationToken',
      name: 'bob@example.com',
    });
    assert.deepEqual(consoleAccess('arn:aws:iam::123456789012:root', longTerm, now), { kind: 'federationToken', name: 'root' });
  });

  it("refuses an IAM user's session (GetSessionToken: MFA or session keys), saying what works instead", () => {
    const access = consoleAccess('arn:aws:iam::123456789012:user/Alice', temporary, now);
    assert.equal(access.kind, 'refused');
    assert.match(
      access.kind === 'refused' ? access.message : '',
      /GetSessionToken.*not let them sign in to the console.*role.*long-term access keys/,
    );
    // A session-keys profile has no expiration known: still a session.
    assert.equal(consoleAccess('arn:aws:iam::123456789012:user/Alice', { ...temporary, expiration: undefined }, now).kind, 'refused');
  });

  it('refuses expired credentials, and an identity that is neither a role session nor a user', () => {
    const expired = consoleAccess('arn:aws:sts::123456789012:assumed-role/Developer/alice', { ...temporary, expiration: now }, now);
    assert.match(expired.kind === 'refused' ? expired.message : '', /have expired\. Connect again/);
    const odd = consoleAccess('arn:aws:iam::123456789012:group/Admins', longTerm, now);
    assert.match(
      odd.kind === 'refused' ? odd.message : '',
      /arn:aws:iam::123456789012:group\/Admins, neither a role session nor an IAM user/,
    );
    assert.equal(consoleAccess('arn:aws:sts::123456789012:assumed-role/Developer/alice', longTerm, now).kind, 'refused');
  });
});

describe('federatedUserName', () => {
  it('keeps a name GetFederationToken takes, cuts one longer than 32 and lengthens one of a single character', () => {
    assert.equal(federatedUserName('arn:aws:iam::123456789012:user/a.b+c=d,e@f_g-h'), 'a.b+c=d,e@f_g-h');
    const long = federatedUserName(`arn:aws:iam::123456789012:user/${'x'.repeat(64)}`);
    assert.equal(long, 'x'.repeat(32));
    assert.equal(federatedUserName('arn:aws:iam::123456789012:user/q'), 'q-console');
    for (const name of [long, federatedUserName('arn:aws:iam::123456789012:user/q')]) {
      assert.match(name, /^[\w+=,.@-]{2,32}$/);
    }
  });
});
