import * as assert from 'node:assert/strict';
import { listAssignments } from '../../../../../src/core/aws/sso/portal';
import { useAwsEndpoint } from '../../../../fixtures/awsEndpoint';
import { exampleSsoRegion } from '../../../../fixtures/ssoEndpoint';
import { direct } from '../../../../fixtures/network';

describe('the IAM Identity Center portal, against the local endpoint', () => {
  const endpoint = useAwsEndpoint();
  it('lists every account over several pages, each with its roles, in the portal order', async () => {
    const [instance] = endpoint.current.state.sso.instances;
    assert.ok(instance);
    for (let index = 0; index < 230; index++) {
      instance.accounts.push({
        accountId: String(100000000000 + index),
        accountName: `team-${index}`,
        emailAddress: 'a@example.com',
        roles: ['ReadOnly', 'Admin'],
      });
    }
    const { accessToken } = endpoint.current.sso.signIn();
    const assignments = await listAssignments(accessToken, exampleSsoRegion, { endpointUrl: endpoint.current.url, network: direct });
    assert.equal(assignments.length, 2 + 1 + 1 + 230 * 2);
    assert.deepEqual(
      assignments.slice(0, 3).map((assignment) => `${assignment.accountName}/${assignment.roleName}`),
      ['dev/ReadOnly', 'dev/AdministratorAccess', 'prod/ReadOnly'],
    );
    assert.equal(assignments.at(-1)?.accountName, 'team-229');
    const pages = endpoint.current.state.log.filter((entry) => entry.action === 'ListAccounts').length;
    assert.equal(pages, 3, '233 accounts at 100 a page');
  });
});
