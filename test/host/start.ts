/**
 * `npm start`: opens the extension under development in a real VS Code (code-server) and prints the
 * address to open in a browser. It uses the real home and AWS settings; `npm start -- --demo` uses a
 * throw-away home with sample profiles and the local AWS endpoint instead. Ctrl-C stops everything.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exampleAccount, exampleUser, startAwsEndpoint } from '../fixtures/awsEndpoint';
import { onCleanup } from './cleanup';
import { startCodeServer, workbenchUrl } from './codeServer';
import { root } from './install';

function writeDemoHome(home: string, endpointUrl: string): void {
  mkdirSync(path.join(home, '.aws'), { recursive: true, mode: 0o700 });
  writeFileSync(
    path.join(home, '.aws', 'config'),
    [
      '# Demo profiles: every call goes to the local AWS endpoint.',
      '[default]',
      'region = us-east-1',
      `endpoint_url = ${endpointUrl}`,
      '',
      '[profile admin]',
      `role_arn = arn:aws:iam::${exampleAccount}:role/Admin`,
      'source_profile = default',
      `mfa_serial = arn:aws:iam::${exampleAccount}:mfa/Alice`,
      'region = us-east-1',
      `endpoint_url = ${endpointUrl}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(home, '.aws', 'credentials'),
    [
      '# Demo keys (the documented AWS example keys), known to the local endpoint.',
      '[default]',
      `aws_access_key_id = ${exampleUser.accessKeyId}`,
      `aws_secret_access_key = ${exampleUser.secretAccessKey}`,
      '',
      '# A typo from the AWS guide, to see how invalid profiles are explained.',
      '[typo]',
      `xaws_access_key_id = ${exampleUser.accessKeyId}`,
      `aws_secret_access_key = ${exampleUser.secretAccessKey}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
}

async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const port = Number(process.env['PORT'] ?? 0) || undefined;
  let env: Record<string, string> = {};
  let home: string | undefined = os.homedir();
  if (demo) {
    const endpoint = await startAwsEndpoint();
    onCleanup(() => endpoint.close());
    env = { AWS_ENDPOINT_URL: endpoint.url };
    home = undefined;
    process.stdout.write(`Local AWS endpoint: ${endpoint.url} (MFA code for the admin profile: 123456)\n`);
  }
  const server = await startCodeServer({ ...(home ? { home } : {}), ...(port ? { port } : {}), env, keepAwsEnvironment: !demo });
  if (demo) {
    writeDemoHome(server.home, env['AWS_ENDPOINT_URL'] ?? '');
  }
  process.stdout.write(`VS Code with the extension: ${workbenchUrl(server, { extensionPath: root })}\n`);
  process.stdout.write(`${demo ? `Demo home: ${server.home}` : `Home: ${server.home} (your real AWS files)`}. Press Ctrl-C to stop.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
