/**
 * Who a set of credentials belongs to, asked of STS GetCallerIdentity. Loaded lazily: it pulls in
 * the AWS SDK's STS client.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

export interface KeyCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export interface Identity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

export interface IdentityOptions {
  readonly region: string;
  /** A profile's `endpoint_url`: the SDK does not apply it by itself. */
  readonly endpointUrl?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  /** How long one attempt may take, connecting included. */
  readonly timeoutMs?: number;
}

export async function callerIdentity(credentials: KeyCredentials, options: IdentityOptions): Promise<Identity> {
  const timeout = options.timeoutMs ?? 10_000;
  const client = new STSClient({
    region: options.region,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    },
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    maxAttempts: 2,
    requestHandler: { connectionTimeout: timeout, requestTimeout: timeout, throwOnRequestTimeout: true },
  });
  try {
    const answer = await client.send(new GetCallerIdentityCommand({}), options.signal ? { abortSignal: options.signal } : {});
    return { account: answer.Account ?? '', arn: answer.Arn ?? '', userId: answer.UserId ?? '' };
  } finally {
    client.destroy();
  }
}
