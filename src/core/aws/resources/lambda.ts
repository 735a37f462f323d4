/**
 * The Lambda functions of one region, every page, sorted by name. Loaded lazily: it pulls in the
 * AWS SDK's Lambda client.
 */
import { LambdaClient, paginateListFunctions } from '@aws-sdk/client-lambda';
import { clientConfig, sdkCredentials, type ResourceAccess } from '../clients';
import { mergeByName } from './byName';

export interface LambdaFunction {
  readonly name: string;
  readonly runtime: string | undefined;
  readonly arn: string | undefined;
}

export interface FunctionListingOptions {
  /** Stops the listing between and during pages. */
  readonly signal?: AbortSignal;
  /** After each page but the last, the functions listed so far, sorted: a view shows them meanwhile. */
  readonly onPage?: (sorted: readonly LambdaFunction[]) => void;
}

/** Lists the functions of `region` with a connection's access. */
export async function listLambdaFunctions(
  access: ResourceAccess,
  region: string,
  { signal, onPage }: FunctionListingOptions = {},
): Promise<LambdaFunction[]> {
  const client = new LambdaClient({
    ...clientConfig(region, access.endpointUrl, access.network, { connectMs: 10_000, requestMs: 20_000 }),
    credentials: sdkCredentials(access.credentials),
  });
  try {
    let functions: LambdaFunction[] = [];
    for await (const page of paginateListFunctions({ client, pageSize: 50 }, {}, signal ? { abortSignal: signal } : {})) {
      const entries = (page.Functions ?? []).map((entry) => ({
        name: entry.FunctionName ?? '',
        runtime: entry.Runtime,
        arn: entry.FunctionArn,
      }));
      functions = mergeByName(functions, entries);
      if (page.NextMarker) {
        onPage?.(functions);
      }
    }
    return functions;
  } finally {
    client.destroy();
  }
}
