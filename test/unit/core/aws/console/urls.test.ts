import * as assert from 'node:assert/strict';
import { destinationUrl, federationEndpoint, loginUrl, signinTokenUrl } from '../../../../../src/core/aws/console/urls';

describe('console URLs', () => {
  it("opens a region's console home, or a Lambda function's page, in the region's partition", () => {
    assert.equal(
      destinationUrl({ kind: 'home', region: 'eu-west-1' }),
      'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
    );
    assert.equal(
      destinationUrl({ kind: 'lambdaFunction', region: 'us-east-1', name: 'function-001' }),
      'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/function-001',
    );
    assert.equal(destinationUrl({ kind: 'home', region: 'cn-north-1' }), 'https://console.amazonaws.cn/console/home?region=cn-north-1');
    assert.equal(
      destinationUrl({ kind: 'lambdaFunction', region: 'us-gov-west-1', name: 'a b' }),
      'https://console.amazonaws-us-gov.com/lambda/home?region=us-gov-west-1#/functions/a%20b',
    );
  });

  it("asks the partition's sign-in host, unless the profile, AWS_ENDPOINT_URL_SIGNIN or AWS_ENDPOINT_URL says otherwise", () => {
    assert.equal(federationEndpoint('us-east-1', undefined, {}), 'https://signin.aws.amazon.com/federation');
    assert.equal(federationEndpoint('cn-northwest-1', undefined, {}), 'https://signin.amazonaws.cn/federation');
    assert.equal(federationEndpoint('us-gov-east-1', undefined, {}), 'https://signin.amazonaws-us-gov.com/federation');
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:1/', AWS_ENDPOINT_URL_SIGNIN: 'http://127.0.0.1:2' };
    assert.equal(federationEndpoint('us-east-1', 'http://127.0.0.1:3/', env), 'http://127.0.0.1:3/federation');
    assert.equal(federationEndpoint('us-east-1', undefined, env), 'http://127.0.0.1:2/federation');
    assert.equal(federationEndpoint('us-east-1', undefined, { AWS_ENDPOINT_URL: 'http://127.0.0.1:1/' }), 'http://127.0.0.1:1/federation');
    assert.equal(
      federationEndpoint('us-east-1', 'http://127.0.0.1:3', { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'True' }),
      'https://signin.aws.amazon.com/federation',
    );
  });

  it('puts the session as JSON in the token request, and the issuer, destination and token in the login address, each encoded', () => {
    const request = new URL(
      signinTokenUrl('https://signin.aws.amazon.com/federation', { accessKeyId: 'ASIA1', secretAccessKey: 'a/b+c=', sessionToken: 'x&y' }),
    );
    assert.equal(request.searchParams.get('Action'), 'getSigninToken');
    assert.deepEqual(JSON.parse(request.searchParams.get('Session') ?? ''), {
      sessionId: 'ASIA1',
      sessionKey: 'a/b+c=',
      sessionToken: 'x&y',
    });
    assert.equal(request.searchParams.has('SessionDuration'), false);
    const login = new URL(
      loginUrl('https://signin.aws.amazon.com/federation', 'tok+en/=', { kind: 'lambdaFunction', region: 'us-east-1', name: 'f' }),
    );
    assert.deepEqual(Object.fromEntries(login.searchParams), {
      Action: 'login',
      Issuer: 'aws-credential-manager',
      Destination: 'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/f',
      SigninToken: 'tok+en/=',
    });
    assert.equal(login.hash, '', 'the destination\'s "#" is encoded, not the login address\'s own fragment');
  });
});
