/**
 * STS GetSessionToken with an MFA code: an IAM user's long-term keys exchanged for temporary ones.
 * Loaded lazily, with the rest of connecting: it pulls in the AWS SDK's STS client.
 */
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import type { MfaSessionRequest } from '../profiles/mfaSession';
import { clientConfig, sdkCredentials, type KeyCredentials, type TemporaryCredentials } from './clients';

export interface SessionTokenOptions {
  readonly code: string;
  readonly region: string;
  readonly endpointUrl?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs: number;
}

export async function mfaSessionCredentials(
  keys: KeyCredentials,
  { serial, durationSeconds }: MfaSessionRequest,
  options: SessionTokenOptions,
): Promise<TemporaryCredentials> {
  const { timeoutMs } = options;
  const client = new STSClient({
    ...clientConfig(options.region, options.endpointUrl, { connectMs: timeoutMs, requestMs: timeoutMs, maxAttempts: 2 }),
    credentials: sdkCredentials(keys),
  });
  try {
    const answer = await client.send(
      new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: options.code, DurationSeconds: durationSeconds }),
      options.signal ? { abortSignal: options.signal } : {},
    );
    const credentials = answer.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
      throw new Error('STS GetSessionToken answered without credentials.');
    }
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration,
    };
  } finally {
    client.destroy();
  }
}
