import * as assert from 'node:assert/strict';
import { connectSsoRole } from '../../../../../src/core/aws/sso/connectRole';
import { useAwsEndpoint } from '../../../../fixtures/awsEndpoint';
import { exampleTarget, useTempHome, writeCliToken } from '../../../helpers/ssoCache';
import { direct } from '../../../../fixtures/network';

const target = exampleTarget;

describe('connecting with an IAM Identity Center role, against the local endpoint', () => {
  const endpoint = useAwsEndpoint();
  const temp = useTempHome();

  it('connects with a role: its credentials from the portal, its identity from STS', async () => {
    await writeCliToken(temp.current, target.owner, endpoint.current.sso.signIn());
    const connected = await connectSsoRole({
      home: temp.current,
      target,
      accountId: '111122223333',
      roleName: 'ReadOnly',
      region: 'eu-west-1',
      endpointUrl: endpoint.current.url,
      network: direct,
      ssoEndpointUrl: endpoint.current.url,
    });
    assert.equal(connected.kind, 'connected');
    const identity = connected.kind === 'connected' ? connected.resolved.identity : undefined;
    assert.equal(identity?.account, '111122223333');
    assert.match(identity?.arn ?? '', /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]+\/alice$/);
    const expiration = connected.kind === 'connected' ? connected.resolved.credentials.expiration : undefined;
    // The portal gives milliseconds since the epoch: read as seconds, this would be in 1970.
    assert.ok(Math.abs((expiration?.getTime() ?? 0) - Date.now() - 3_600_000) < 60_000, 'the role credentials expire in an hour');
    assert.equal(connected.kind === 'connected' && connected.renews, true, 'a token with a refresh token renews');
  });

  it('asks for a sign-in when the portal no longer takes the token, and refuses a role not assigned', async () => {
    await writeCliToken(temp.current, target.owner, endpoint.current.sso.signIn());
    endpoint.current.sso.expireAccessTokens();
    const request = {
      home: temp.current,
      target,
      accountId: '111122223333',
      roleName: 'ReadOnly',
      region: 'us-east-1',
      endpointUrl: endpoint.current.url,
      network: direct,
      ssoEndpointUrl: endpoint.current.url,
    };
    // The file says the token is good for an hour: the portal's UnauthorizedException says otherwise.
    assert.equal((await connectSsoRole(request)).kind, 'signIn');
    await writeCliToken(temp.current, target.owner, endpoint.current.sso.signIn());
    await assert.rejects(connectSsoRole({ ...request, roleName: 'NotAssigned' }), { name: 'ForbiddenException' });
  });
});
