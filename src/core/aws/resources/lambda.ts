/**
 * The Lambda functions of one region, every page, sorted by name. Loaded lazily: it pulls in the
 * AWS SDK's Lambda client.
 */
import { LambdaClient, paginateListFunctions } from '@aws-sdk/client-lambda';
import { clientConfig, sdkCredentials, type ResourceAccess } from '../clients';

export interface LambdaFunction {
  readonly name: string;
  readonly runtime: string | undefined;
  readonly arn: string | undefined;
}

/** Lists the functions of `region` with a connection's access; `signal` stops it between and during pages. */
export async function listLambdaFunctions(access: ResourceAccess, region: string, signal?: AbortSignal): Promise<LambdaFunction[]> {
  const client = new LambdaClient({
    ...clientConfig(region, access.endpointUrl, access.network, { connectMs: 10_000, requestMs: 20_000 }),
    credentials: sdkCredentials(access.credentials),
  });
  try {
    const functions: LambdaFunction[] = [];
    for await (const page of paginateListFunctions({ client, pageSize: 50 }, {}, signal ? { abortSignal: signal } : {})) {
      for (const entry of page.Functions ?? []) {
        functions.push({ name: entry.FunctionName ?? '', runtime: entry.Runtime, arn: entry.FunctionArn });
      }
    }
    return functions.sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    client.destroy();
  }
}
