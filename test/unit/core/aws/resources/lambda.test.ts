import * as assert from 'node:assert/strict';
import type { KeyCredentials, ResourceAccess } from '../../../../../src/core/aws/clients';
import { describeAwsError } from '../../../../../src/core/aws/errors';
import { listLambdaFunctions } from '../../../../../src/core/aws/resources/lambda';
import { exampleAccount, exampleUser, useAwsEndpoint } from '../../../../fixtures/awsEndpoint';
import { direct } from '../../../../fixtures/network';

describe('listLambdaFunctions, through the real SDK and the local endpoint', () => {
  const endpoint = useAwsEndpoint();
  const access = (credentials: KeyCredentials): ResourceAccess => ({
    credentials,
    region: 'us-east-1',
    endpointUrl: endpoint.current.url,
    network: direct,
  });

  it('lists every page, sorted', async () => {
    const functions = await listLambdaFunctions(access(exampleUser), 'us-east-1');
    assert.equal(functions.length, 75);
    assert.deepEqual([functions[0]?.name, functions[74]?.name], ['function-001', 'function-075']);
    assert.equal(endpoint.current.state.log.filter((entry) => entry.service === 'lambda').length, 2, 'two pages of 50');
  });

  it('hands over the functions listed so far after each page but the last, sorted', async () => {
    const names = Array.from({ length: 120 }, (_, index) => `fn-${String(120 - index).padStart(3, '0')}`);
    endpoint.current.state.functions[`${exampleAccount}:us-east-1`] = names;
    const pages: string[][] = [];
    const functions = await listLambdaFunctions(access(exampleUser), 'us-east-1', {
      onPage: (sorted) => pages.push(sorted.map((entry) => entry.name)),
    });
    assert.deepEqual(pages, [[...names.slice(0, 50)].reverse(), [...names.slice(0, 100)].reverse()]);
    assert.deepEqual(
      functions.map((entry) => entry.name),
      [...names].reverse(),
    );
  });

  it('lists nothing in a region without functions, and fails plainly with a wrong secret', async () => {
    assert.deepEqual(await listLambdaFunctions(access(exampleUser), 'eu-west-1'), []);
    const call = listLambdaFunctions(access({ ...exampleUser, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY00' }), 'us-east-1');
    await assert.rejects(call, (error) => describeAwsError(error).kind === 'wrongSecret');
  });

  it('stops when its signal is aborted, without asking for the pages left', async () => {
    endpoint.current.state.injection.latencyMs = 300;
    const controller = new AbortController();
    const call = listLambdaFunctions(access(exampleUser), 'us-east-1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(call, (error) => describeAwsError(error).kind === 'cancelled');
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(endpoint.current.state.log.filter((entry) => entry.service === 'lambda').length, 1, 'the second page was never asked for');
  });
});
