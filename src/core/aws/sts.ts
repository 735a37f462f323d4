/**
 * Every STS call of the extension goes through one client helper: built with the extension's client
 * options, signed with the given credentials, bounded in time and cancelled by the signal, and
 * destroyed after. Only modules of lazy chunks import it: it pulls in the AWS SDK's STS client.
 */
import { STSClient } from '@aws-sdk/client-sts';
import type { NetworkRoute } from '../net/agents';
import { clientConfig, sdkCredentials, type KeyCredentials } from './clients';

export interface StsOptions {
  readonly region: string;
  /** A profile's `endpoint_url`: the SDK does not apply it by itself. */
  readonly endpointUrl?: string | undefined;
  readonly network: NetworkRoute;
  readonly signal?: AbortSignal | undefined;
  /** How long one attempt may take, connecting included. */
  readonly timeoutMs?: number;
}

/** Runs `call` with a client signed with `credentials`; `sendOptions` carry the signal to each send. */
export async function withSts<T>(
  credentials: KeyCredentials,
  options: StsOptions,
  call: (client: STSClient, sendOptions: { abortSignal?: AbortSignal }) => Promise<T>,
): Promise<T> {
  const timeout = options.timeoutMs ?? 10_000;
  const client = new STSClient({
    ...clientConfig(options.region, options.endpointUrl, options.network, { connectMs: timeout, requestMs: timeout, maxAttempts: 2 }),
    credentials: sdkCredentials(credentials),
  });
  try {
    return await call(client, options.signal ? { abortSignal: options.signal } : {});
  } finally {
    client.destroy();
  }
}
