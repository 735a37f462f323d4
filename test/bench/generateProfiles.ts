/**
 * Shared files of any size, as people and tools write them: comments, blank lines, static keys,
 * session tokens, role chains, MFA, credential_process, and the SSO sections AWS tools generate.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FileTexts } from '../../src/core/profiles/editChecks';

type AwsTexts = Required<{ [K in keyof FileTexts]: string }>;

export function generateProfiles(count: number): AwsTexts {
  const config: string[] = ['# generated for the benchmark', '[default]', 'region = us-east-1', 'output = json', ''];
  const credentials: string[] = [
    '# generated for the benchmark',
    '[default]',
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    '',
  ];
  config.push(
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = us-east-1',
    'sso_registration_scopes = sso:account:access',
    '',
  );
  for (let index = 1; index < count; index++) {
    const name = `team-${String(index).padStart(5, '0')}`;
    const account = String(100000000000 + index);
    switch (index % 6) {
      case 0:
        credentials.push(
          `# keys of ${name}`,
          `[${name}]`,
          `aws_access_key_id = AKIAIOSFODNN7EXAMPLE`,
          'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          '',
        );
        config.push(`[profile ${name}]`, 'region = eu-west-1', '');
        break;
      case 1:
        credentials.push(
          `[${name}]`,
          'aws_access_key_id = ASIAIOSFODNN7EXAMPLE',
          'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLETOKEN',
          '',
        );
        break;
      case 2:
        config.push(
          `[profile ${name}]`,
          `role_arn = arn:aws:iam::${account}:role/Developer`,
          'source_profile = default',
          `mfa_serial = arn:aws:iam::${account}:mfa/alice`,
          'region = us-west-2',
          '',
        );
        break;
      case 3:
        config.push(`[profile ${name}]`, `credential_process = /usr/local/bin/get-creds --account ${account}`, '');
        break;
      case 4:
        config.push(
          `[profile ${name}]`,
          'sso_session = corp',
          `sso_account_id = ${account}`,
          'sso_role_name = AdministratorAccess',
          'region = us-east-1',
          'output = json',
          '',
        );
        break;
      default:
        config.push(
          `; role from the environment`,
          `[profile ${name}]`,
          `role_arn = arn:aws:iam::${account}:role/Ci`,
          'credential_source = Environment',
          '',
        );
    }
  }
  return { config: config.join('\n'), credentials: credentials.join('\n') };
}

/** Writes the two files into `home`'s .aws folder, private as the AWS CLI makes them. */
export function writeAwsFiles(home: string, { config, credentials }: AwsTexts): void {
  const folder = path.join(home, '.aws');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(folder, 'config'), config);
  writeFileSync(path.join(folder, 'credentials'), credentials, { mode: 0o600 });
  chmodSync(path.join(folder, 'credentials'), 0o600);
}
