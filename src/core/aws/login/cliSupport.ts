/** Whether the AWS CLI on PATH has `aws login`, which came with version 2.32.0. */
import { execFile } from 'node:child_process';
import * as l10n from '@vscode/l10n';

export const loginCliVersion = '2.32.0';

export type LoginSupport = { readonly supported: true } | { readonly supported: false; readonly reason: string };

/** From the output of `aws --version` (`aws-cli/2.32.1 Python/...`), or undefined when no `aws` ran. */
export function loginSupport(versionOutput: string | undefined): LoginSupport {
  if (versionOutput === undefined) {
    return {
      supported: false,
      reason: l10n.t('aws login needs the AWS CLI version {0} or later, and no aws command was found on PATH.', loginCliVersion),
    };
  }
  const version = /aws-cli\/(\d+)\.(\d+)\.(\d+)/.exec(versionOutput);
  if (!version) {
    return {
      supported: false,
      reason: l10n.t(
        'aws login needs the AWS CLI version {0} or later; the version of the aws command on PATH could not be told.',
        loginCliVersion,
      ),
    };
  }
  const parts = version.slice(1).map(Number);
  const wanted = loginCliVersion.split('.').map(Number);
  const index = parts.findIndex((part, at) => part !== wanted[at]);
  if (index === -1 || (parts[index] ?? 0) > (wanted[index] ?? 0)) {
    return { supported: true };
  }
  return {
    supported: false,
    reason: l10n.t(
      'aws login needs the AWS CLI version {0} or later; the aws command on PATH is version {1}.',
      loginCliVersion,
      parts.join('.'),
    ),
  };
}

/** What `aws --version` prints (AWS CLI version 1 printed it on stderr), or undefined when it cannot run. */
export function awsCliVersion(timeoutMs = 10_000): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('aws', ['--version'], { timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      resolve(error && !output ? undefined : output);
    });
  });
}
