import * as assert from 'node:assert/strict';
import { describeAwsError } from '../../../../../src/core/aws/errors';
import { listLambdaFunctions } from '../../../../../src/core/aws/resources/lambda';
import { exampleUser, useAwsEndpoint } from '../../../../fixtures/awsEndpoint';

describe('listLambdaFunctions, through the real SDK and the local endpoint', () => {
  const endpoint = useAwsEndpoint();

  it('lists every page, sorted', async () => {
    const functions = await listLambdaFunctions({ credentials: exampleUser, region: 'us-east-1', endpointUrl: endpoint.current.url });
    assert.equal(functions.length, 75);
    assert.deepEqual([functions[0]?.name, functions[74]?.name], ['function-001', 'function-075']);
    assert.equal(endpoint.current.state.log.filter((entry) => entry.service === 'lambda').length, 2, 'two pages of 50');
  });

  it('lists nothing in a region without functions, and fails plainly with a wrong secret', async () => {
    assert.deepEqual(await listLambdaFunctions({ credentials: exampleUser, region: 'eu-west-1', endpointUrl: endpoint.current.url }), []);
    const call = listLambdaFunctions({
      credentials: { ...exampleUser, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY00' },
      region: 'us-east-1',
      endpointUrl: endpoint.current.url,
    });
    await assert.rejects(call, (error) => describeAwsError(error).kind === 'wrongSecret');
  });
});
