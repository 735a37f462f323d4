/** Token cache files as the AWS CLI writes them, in a home folder of a test. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { tokenFile, type TokenOwner } from '../../../src/core/aws/sso/tokenCache';
import type { SsoCachedToken } from '../../fixtures/ssoEndpoint';

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
