import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { hasSecretShape, isSecretKey, maskedSecret, quoted, quotedKey, quotedValue, withoutSecrets } from '../../../src/core/secrets';
import { documentedKeyId, fakeSecrets, testSecrets } from '../../fixtures/secrets';

/** Deterministic random-looking text: base64 or base64url of a digest chain. */
function digestText(seed: string, length: number, encoding: 'base64' | 'base64url'): string {
  let text = '';
  for (let round = 0; text.length < length; round++) {
    text += createHash('sha256').update(`${seed}:${round}`).digest(encoding).replace(/=+$/, '');
  }
  return text.slice(0, length);
}

describe('secrets: what could be a secret, and what a message may quote', () => {
  it('masks every fake secret of the tests, wherever it stands in a message', () => {
    for (const secret of [documentedKeyId, ...testSecrets]) {
      for (const text of [
        `it printed ${secret} and more`,
        `{"SecretAccessKey":"${secret}"}`,
        `aws_secret_access_key=${secret}`,
        `aws_secret_access_key: ${secret}`,
        `/tmp/x/${secret}/file`,
      ]) {
        const masked = withoutSecrets(text);
        assert.ok(!masked.includes(secret) && masked.includes('********'), masked);
      }
    }
    assert.equal(withoutSecrets(`aws_secret_access_key=${fakeSecrets.secretAccessKeys[0]}`), 'aws_secret_access_key=********');
  });

  it('masks random keys, secrets and tokens of every length they come in', () => {
    for (let index = 0; index < 200; index++) {
      const secrets = [
        digestText(`secret${index}`, 40, 'base64'),
        `IQoJb3JpZ2luX2Vj${digestText(`token${index}`, 340, 'base64')}`,
        digestText(`sso${index}`, 400, 'base64url'),
        `AKIA${digestText(`key${index}`, 16, 'base64')
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, 'Q')}`,
      ];
      for (const secret of secrets) {
        assert.ok(!withoutSecrets(`value ${secret} end`).includes(secret), secret);
      }
    }
  });

  it('masks shorter runs that look random: a secret cut short, the end of a wrapped token', () => {
    for (const piece of ['wJalrXUtnFEMI/K7MDENG', 'EJr//////////wEaCXVzLWVhc3QtMSJGMEQCIH', 'Xk9fQ2mZpL7vRt4w', 'JBSWY3DPEHPK3PXP']) {
      assert.equal(withoutSecrets(`a ${piece} b`), 'a ******** b', piece);
    }
  });

  it('masks a secret access key whose slashes make it look like a path (found by the secrets audit)', () => {
    for (const key of [
      'dMWg6a/PwVizGTMLotRXCUPYke+qtrDro/nszoag',
      'abcdef/PwVizGTMLotRXCUPYke1qtrDro/nszoag',
      '/home/aB3dEfGhIjKlMnOpQrStUvWxYz012345/x',
    ]) {
      assert.equal(withoutSecrets(`credential_source ${key} is not supported`), `credential_source ${maskedSecret} is not supported`, key);
      assert.equal(hasSecretShape(key), true, key);
    }
  });

  it('keeps words, names, account IDs, ARNs, dates and paths', () => {
    const kept = [
      'The security token included in the request is invalid.',
      'InvalidClientTokenId UnrecognizedClientException SignatureDoesNotMatch Ec2InstanceMetadata S3ExpressOneZone',
      'AWSLambdaBasicExecutionRole AmazonS3FullAccess IPv6CidrBlockAssociation UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_AdministratorAccess_a1b2c3d4e5f6a7b8/alice@example.com',
      'arn:aws:iam::123456789012:role/service-role/AWSLambdaBasicExecutionRole',
      'account 123456789012, region ap-southeast-2, at 20240101T000000Z, request 7a62c49f-347e-4fc4-9331-6e8eEXAMPLE',
      '~/.aws/credentials changed on disk since it was read',
      '/tmp/aws-profiles-test-Xy3kP9/credentials is read-only',
      '/var/folders/3x/kq7n4d0s5y1b2c3d4e5f6g7h0000gn/T/aws-profiles-test-Xy3kP9/config',
      '/Users/JohnAppleseed/Library/ApplicationSupport/Code/User/globalStorage',
      '/usr/local/bin/get-credentials-for-profile --profile my-team-production',
      'C:\\Users\\Alice\\AppData\\Local\\Temp\\aws-profiles-test-Xy3kP9\\credentials',
    ];
    for (const text of kept) {
      assert.equal(withoutSecrets(text), text);
    }
  });

  it('quotes short plausible values and names, and describes the rest', () => {
    assert.equal(quotedValue('region', 'us-east1'), 'us-east1');
    assert.equal(quotedValue('credential_source', 'ec2instancemetadata'), 'ec2instancemetadata');
    assert.equal(quoted('my-team_dev@corp'), 'my-team_dev@corp');
    assert.equal(quoted('AdministratorAccess-123456789012'), 'AdministratorAccess-123456789012');
    const secret = fakeSecrets.secretAccessKeys[0];
    assert.equal(quotedValue('region', secret), '(a value of 40 characters, not shown because it may be a secret)');
    assert.equal(quoted(secret), '(a name of 40 characters, not shown because it may be a secret)');
    assert.equal(quoted('AKIAAUDIT0KEYEXAMPLE'), '(a name of 20 characters, not shown because it may be a secret)');
    assert.equal(quoted('x'.repeat(65)), '(a name of 65 characters, not shown because it may be a secret)');
    assert.equal(quoted('a\nb'), '(a name of 3 characters, not shown because it may be a secret)');
    assert.equal(quoted('y'.repeat(12_000_000)), '(a name of 12000000 characters, not shown because it may be a secret)');
  });

  it('never quotes the value of a secret key, however short', () => {
    assert.ok(isSecretKey('aws_secret_access_key') && isSecretKey('aws_secrett_access_key') && isSecretKey('db_password'));
    assert.equal(quotedValue('aws_session_token', 't'), '(a value of 1 character, not shown because it may be a secret)');
    assert.equal(quotedValue('aws_secrett_access_key', 'abc'), '(a value of 3 characters, not shown because it may be a secret)');
  });

  it('quotes plain key names only, and none that may be part of a secret', () => {
    assert.equal(quotedKey('regoin', false), 'regoin');
    assert.equal(quotedKey('s3.addressing_style', false), 's3.addressing_style');
    assert.equal(quotedKey('Region', false), 'Region');
    assert.equal(quotedKey('kqzxwvbnmtrl', true), '(a name of 12 characters, not shown because it may be a secret)');
    assert.equal(quotedKey('aws_secret_access_key: abc', false), '(a name of 26 characters, not shown because it may be a secret)');
  });
});
