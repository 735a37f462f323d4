import * as assert from 'node:assert/strict';
import { mfaProfileEdit, mfaSessionOf, sessionSeconds } from '../../../../src/core/profiles/mfaSession';
import { reportOf } from '../../helpers/snapshots';

const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
const serial = 'arn:aws:iam::123456789012:mfa/Alice';
const session = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  sessionToken: 'FwoEXAMPLEtoken',
  region: 'eu-west-1',
};

async function profileOf(name: string, credentials: string, config = ''): Promise<Awaited<ReturnType<typeof reportOf>>['profile']> {
  return (await reportOf(name, { credentials, config })).profile;
}

describe('mfaSession', () => {
  it('exchanges an IAM user’s keys with mfa_serial for a session, for duration_seconds or 12 hours', async () => {
    assert.deepEqual(mfaSessionOf(await profileOf('alice', `[alice]\n${keys}mfa_serial = ${serial}\n`)), {
      serial,
      durationSeconds: 43_200,
    });
    assert.deepEqual(mfaSessionOf(await profileOf('alice', `[alice]\n${keys}mfa_serial = ${serial}\nduration_seconds = 129600\n`)), {
      serial,
      durationSeconds: 129_600,
    });
  });

  it('leaves alone profiles the SDK resolves by itself: keys without a serial, session keys, roles', async () => {
    assert.equal(mfaSessionOf(await profileOf('alice', `[alice]\n${keys}`)), undefined);
    assert.equal(
      mfaSessionOf(await profileOf('temp', `[temp]\n${keys}aws_session_token = FwoEXAMPLE\nmfa_serial = ${serial}\n`)),
      undefined,
    );
    const role = `[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = alice\nmfa_serial = ${serial}\n`;
    assert.equal(mfaSessionOf(await profileOf('admin', `[alice]\n${keys}`, role)), undefined);
  });

  it('takes duration_seconds only within GetSessionToken’s limits', () => {
    const cases: [string | undefined, number][] = [
      [undefined, 43_200],
      ['900', 900],
      ['899', 43_200],
      ['129600', 129_600],
      ['129601', 43_200],
      ['3600.5', 43_200],
      ['one hour', 43_200],
    ];
    for (const [value, seconds] of cases) {
      assert.equal(sessionSeconds(value), seconds, String(value));
    }
  });

  describe('the NAME-mfa profile', () => {
    it('is added with the region of its source when missing', () => {
      assert.deepEqual(mfaProfileEdit(undefined, 'alice-mfa', session), {
        edit: {
          kind: 'add',
          name: 'alice-mfa',
          settings: {
            aws_access_key_id: session.accessKeyId,
            aws_secret_access_key: session.secretAccessKey,
            aws_session_token: session.sessionToken,
            region: 'eu-west-1',
          },
        },
      });
    });

    it('has its keys replaced when it holds session keys', async () => {
      const existing = await profileOf('alice-mfa', `[alice-mfa]\n${keys}aws_session_token = FwoEXAMPLEold\n`);
      assert.deepEqual(mfaProfileEdit(existing, 'alice-mfa', session), {
        edit: {
          kind: 'change',
          name: 'alice-mfa',
          changes: {
            aws_access_key_id: session.accessKeyId,
            aws_secret_access_key: session.secretAccessKey,
            region: 'eu-west-1',
            aws_session_token: session.sessionToken,
          },
        },
      });
    });

    it('is never written over a profile of the user’s own under that name', async () => {
      const own = [
        await profileOf('alice-mfa', `[alice-mfa]\n${keys}`),
        await profileOf(
          'alice-mfa',
          '',
          '[profile alice-mfa]\nrole_arn = arn:aws:iam::123456789012:role/Admin\ncredential_source = Environment\n',
        ),
      ];
      for (const existing of own) {
        const outcome = mfaProfileEdit(existing, 'alice-mfa', session);
        assert.ok('refused' in outcome && /alice-mfa exists already/.test(outcome.refused), existing.kind);
      }
    });
  });
});
