/**
 * The credentials of a connection as text to paste: the AWS CLI v2's `aws configure export-credentials`
 * formats (the same variables, in the same order, and the same `credential_process` JSON), plus fish
 * and `.env`, each value quoted for the shell it is for (see quoting).
 */
import * as l10n from '@vscode/l10n';
import type { TemporaryCredentials } from '../clients';
import { cmdAssignment, dotenvAssignment, fishQuoted, posixQuoted, powershellQuoted } from './quoting';

export type ExportFormat = 'env' | 'fish' | 'powershell' | 'windowsCmd' | 'dotenv' | 'process';

export interface FormatChoice {
  readonly format: ExportFormat;
  readonly label: string;
  /** What the first line looks like. */
  readonly example: string;
}

/** The labels are getters: they are read when the quick pick is shown, in VS Code's language, not when this module loads. */
export const exportFormats: readonly FormatChoice[] = [
  {
    format: 'env',
    get label() {
      return l10n.t('bash / zsh');
    },
    example: "export AWS_ACCESS_KEY_ID='...'",
  },
  { format: 'fish', label: 'fish', example: "set -gx AWS_ACCESS_KEY_ID '...'" },
  { format: 'powershell', label: 'PowerShell', example: "$Env:AWS_ACCESS_KEY_ID='...'" },
  {
    format: 'windowsCmd',
    get label() {
      return l10n.t('Windows cmd');
    },
    example: 'set "AWS_ACCESS_KEY_ID=..."',
  },
  {
    format: 'dotenv',
    get label() {
      return l10n.t('.env file');
    },
    example: 'AWS_ACCESS_KEY_ID=...',
  },
  {
    format: 'process',
    get label() {
      return l10n.t('credential_process JSON');
    },
    example: '{ "Version": 1, "AccessKeyId": "...", ... }',
  },
];

/**
 * Seconds and an offset, as the AWS CLI writes an expiration (Python's `isoformat` of a UTC time):
 * both the SDK's and the CLI's credential_process readers take it.
 */
export function expirationText(expiration: Date): string {
  return `${expiration.toISOString().slice(0, 19)}+00:00`;
}

/** The variables the AWS CLI exports, in its order: a session token and an expiration only when there are. */
export function credentialVariables({ accessKeyId, secretAccessKey, sessionToken, expiration }: TemporaryCredentials): [string, string][] {
  return [
    ['AWS_ACCESS_KEY_ID', accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', secretAccessKey],
    ...(sessionToken ? [['AWS_SESSION_TOKEN', sessionToken] as [string, string]] : []),
    ...(expiration ? [['AWS_CREDENTIAL_EXPIRATION', expirationText(expiration)] as [string, string]] : []),
  ];
}

const lineOf: Record<Exclude<ExportFormat, 'process'>, (name: string, value: string) => string> = {
  env: (name, value) => `export ${name}=${posixQuoted(value)}`,
  fish: (name, value) => `set -gx ${name} ${fishQuoted(value)}`,
  powershell: (name, value) => `$Env:${name}=${powershellQuoted(value)}`,
  windowsCmd: cmdAssignment,
  dotenv: dotenvAssignment,
};

/** The text to copy; throws UnquotableValue when a value cannot be written exactly in that format. */
export function exportedCredentials(format: ExportFormat, credentials: TemporaryCredentials): string {
  if (format === 'process') {
    // Exactly the fields credential_process readers accept: Version 1, the keys, then the optional two.
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = credentials;
    const output = {
      Version: 1,
      AccessKeyId: accessKeyId,
      SecretAccessKey: secretAccessKey,
      ...(sessionToken ? { SessionToken: sessionToken } : {}),
      ...(expiration ? { Expiration: expirationText(expiration) } : {}),
    };
    return `${JSON.stringify(output, null, 2)}\n`;
  }
  const line = lineOf[format];
  return credentialVariables(credentials)
    .map(([name, value]) => `${line(name, value)}\n`)
    .join('');
}
