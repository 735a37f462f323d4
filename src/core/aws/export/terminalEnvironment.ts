/**
 * The whole environment of a terminal opened with a connection's credentials. The terminal is
 * created with `strictEnv`, so no extension's environment collection reaches it, ours included:
 * that collection sets AWS_PROFILE, which the AWS SDK for JavaScript prefers to the key variables
 * (the AWS CLI prefers the keys, and fails when the profile is not in the files), so they would
 * disagree on who the terminal is. The base is the extension host's environment, cleaned as VS
 * Code cleans a terminal's.
 */
import type { TemporaryCredentials } from '../clients';
import { credentialVariables } from './formats';

/** What VS Code's own processes set for themselves, which it removes from a terminal's environment. */
const vscodeInternal =
  /^(VSCODE_(?!(PORTABLE|SHELL_LOGIN|ENV_REPLACE|ENV_APPEND|ENV_PREPEND|IPC_HOOK_CLI)$).+|ELECTRON_.+|SNAP(_.*)?|GDK_PIXBUF_.+|GOOGLE_API_KEY)$/;

/** Variables that would name other credentials, or another profile or region, beside the connection's. */
const otherCredentials =
  /^AWS_(PROFILE|DEFAULT_PROFILE|ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|SECURITY_TOKEN|CREDENTIAL_EXPIRATION|REGION|DEFAULT_REGION)$/;

export function credentialsTerminalEnvironment(
  base: Readonly<Record<string, string | undefined>>,
  credentials: TemporaryCredentials,
  region: string,
): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !vscodeInternal.test(name) && !otherCredentials.test(name.toUpperCase())) {
      environment[name] = value;
    }
  }
  // The AWS CLI v1 reads AWS_DEFAULT_REGION only, the SDKs AWS_REGION first.
  return { ...environment, ...Object.fromEntries(credentialVariables(credentials)), AWS_REGION: region, AWS_DEFAULT_REGION: region };
}
