/** A home folder for each test, the sign-in of the local endpoint's Identity Center, and token cache files as the AWS CLI writes them. */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sessionTarget, type SignInTarget } from '../../../src/core/aws/sso/sessions';
import { tokenFile, type TokenOwner } from '../../../src/core/aws/sso/cachePaths';
import { exampleSsoRegion, exampleStartUrl, type SsoCachedToken } from '../../fixtures/ssoEndpoint';

/** The session `my-sso` of the local endpoint's Identity Center. */
export const exampleTarget = sessionTarget({
  name: 'my-sso',
  startUrl: exampleStartUrl,
  region: exampleSsoRegion,
  scopes: ['sso:account:access'],
}) as SignInTarget;

/** A new empty home folder for each test of a mocha suite: `const home = useTempHome();` then `home.current`. */
export function useTempHome(): { current: string } {
  const holder = { current: '' };
  beforeEach(async () => {
    holder.current = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-cm-home-'));
  });
  afterEach(async () => {
    await fs.rm(holder.current, { recursive: true, force: true });
  });
  return holder;
}

/** Writes `token` where the CLI would (0600, its own JSON), and gives the file. */
export async function writeCliToken(home: string, owner: TokenOwner, token: Partial<SsoCachedToken>): Promise<string> {
  const file = tokenFile(home, owner);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, JSON.stringify(token), { mode: 0o600 });
  return file;
}

export async function readJson(file: string): Promise<Record<string, string>> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, string>;
}
