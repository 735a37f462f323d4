import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listAssignments } from '../../../../../src/core/aws/sso/portal';
import { sessionTarget, type SignInTarget } from '../../../../../src/core/aws/sso/sessions';
import { signOut } from '../../../../../src/core/aws/sso/signOut';
import { tokenFile } from '../../../../../src/core/aws/sso/tokenCache';
import { useAwsEndpoint } from '../../../../fixtures/awsEndpoint';
import { exampleSsoRegion, exampleStartUrl } from '../../../../fixtures/ssoEndpoint';
import { exists } from '../../../helpers/files';
import { writeCliToken } from '../../../helpers/ssoCache';

const target = sessionTarget({
  name: 'my-sso',
  startUrl: exampleStartUrl,
  region: exampleSsoRegion,
  scopes: ['sso:account:access'],
}) as SignInTarget;

describe('signing out of IAM Identity Center, against the local endpoint', () => {
  const endpoint = useAwsEndpoint();
  let home: string;

  beforeEach(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-cm-portal-'));
  });

  afterEach(async () => {
    await fs.rm(home, { recursive: true, force: true });
  });

  it('signs out: the token stops working at AWS and its file goes, while another session keeps its own', async () => {
    const token = endpoint.current.sso.signIn();
    const file = await writeCliToken(home, target.owner, token);
    const other = await writeCliToken(home, { session: 'other' }, endpoint.current.sso.signIn());
    assert.deepEqual(await signOut(home, target, { endpointUrl: endpoint.current.url }), { signedOut: true });
    assert.equal(await exists(file), false);
    assert.equal(await exists(other), true);
    assert.equal(tokenFile(home, { session: 'other' }), other);
    await assert.rejects(listAssignments(token.accessToken, exampleSsoRegion, { endpointUrl: endpoint.current.url }), {
      name: 'UnauthorizedException',
    });
    assert.deepEqual(await signOut(home, target, { endpointUrl: endpoint.current.url }), { signedOut: false });
  });
});
