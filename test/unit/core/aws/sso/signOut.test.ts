import * as assert from 'node:assert/strict';
import { listAssignments } from '../../../../../src/core/aws/sso/portal';
import { signOut } from '../../../../../src/core/aws/sso/signOut';
import { tokenFile } from '../../../../../src/core/aws/sso/cachePaths';
import { useAwsEndpoint } from '../../../../fixtures/awsEndpoint';
import { exampleSsoRegion } from '../../../../fixtures/ssoEndpoint';
import { exists } from '../../../helpers/files';
import { exampleTarget, useTempHome, writeCliToken } from '../../../helpers/ssoCache';
import { direct } from '../../../../fixtures/network';

const target = exampleTarget;

describe('signing out of IAM Identity Center, against the local endpoint', () => {
  const endpoint = useAwsEndpoint();
  const temp = useTempHome();

  it('signs out: the token stops working at AWS and its file goes, while another session keeps its own', async () => {
    const token = endpoint.current.sso.signIn();
    const file = await writeCliToken(temp.current, target.owner, token);
    const other = await writeCliToken(temp.current, { session: 'other' }, endpoint.current.sso.signIn());
    assert.deepEqual(await signOut(temp.current, target, { endpointUrl: endpoint.current.url, network: direct }), { signedOut: true });
    assert.equal(await exists(file), false);
    assert.equal(await exists(other), true);
    assert.equal(tokenFile(temp.current, { session: 'other' }), other);
    await assert.rejects(listAssignments(token.accessToken, exampleSsoRegion, { endpointUrl: endpoint.current.url, network: direct }), {
      name: 'UnauthorizedException',
    });
    assert.deepEqual(await signOut(temp.current, target, { endpointUrl: endpoint.current.url, network: direct }), { signedOut: false });
  });
});
