/**
 * STS GetSessionToken with an MFA code: an IAM user's long-term keys exchanged for temporary ones.
 * Loaded lazily, with the rest of connecting: it pulls in the AWS SDK's STS client.
 */
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import * as l10n from '@vscode/l10n';
import type { MfaSessionRequest } from '../profiles/mfaSession';
import type { KeyCredentials, TemporaryCredentials } from './clients';
import { withSts, type StsOptions } from './sts';

export interface SessionTokenOptions extends StsOptions {
  readonly code: string;
}

export function mfaSessionCredentials(
  keys: KeyCredentials,
  { serial, durationSeconds }: MfaSessionRequest,
  options: SessionTokenOptions,
): Promise<TemporaryCredentials> {
  return withSts(keys, options, async (client, sendOptions) => {
    const answer = await client.send(
      new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: options.code, DurationSeconds: durationSeconds }),
      sendOptions,
    );
    const credentials = answer.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
      throw new Error(l10n.t('STS GetSessionToken answered without credentials.'));
    }
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration,
    };
  });
}
