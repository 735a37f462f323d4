/**
 * The Lambda functions of one region, every page, sorted by name. Loaded lazily: it pulls in the
 * AWS SDK's Lambda client.
 */
import { LambdaClient, paginateListFunctions } from '@aws-sdk/client-lambda';
import type { KeyCredentials } from '../identity';

export interface LambdaFunction {
  readonly name: string;
  readonly runtime: string | undefined;
  readonly arn: string | undefined;
}

export interface ResourceRequest {
  readonly credentials: KeyCredentials;
  readonly region: string;
  readonly endpointUrl?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

export async function listLambdaFunctions(request: ResourceRequest): Promise<LambdaFunction[]> {
  const client = new LambdaClient({
    region: request.region,
    credentials: {
      accessKeyId: request.credentials.accessKeyId,
      secretAccessKey: request.credentials.secretAccessKey,
      ...(request.credentials.sessionToken ? { sessionToken: request.credentials.sessionToken } : {}),
    },
    ...(request.endpointUrl ? { endpoint: request.endpointUrl } : {}),
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 20_000, throwOnRequestTimeout: true },
  });
  try {
    const functions: LambdaFunction[] = [];
    for await (const page of paginateListFunctions({ client, pageSize: 50 }, {})) {
      if (request.signal?.aborted) {
        throw Object.assign(new Error('Cancelled.'), { name: 'AbortError' });
      }
      for (const entry of page.Functions ?? []) {
        functions.push({ name: entry.FunctionName ?? '', runtime: entry.Runtime, arn: entry.FunctionArn });
      }
    }
    return functions.sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    client.destroy();
  }
}
