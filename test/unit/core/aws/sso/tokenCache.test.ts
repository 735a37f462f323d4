import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  cliDate,
  parseToken,
  readToken,
  storeToken,
  tokenText,
  writeToken,
  type SsoToken,
} from '../../../../../src/core/aws/sso/tokenCache';
import { tokenFile } from '../../../../../src/core/aws/sso/cachePaths';
import { deadPid, listing, modeOf, refusal } from '../../../helpers/files';

const token: SsoToken = {
  startUrl: 'https://d-9067c1a2b3.awsapps.com/start',
  region: 'us-east-1',
  accessToken: 'aoaEXAMPLEaccessTOKEN',
  expiresAt: new Date('2026-12-01T10:00:00.000Z'),
  refreshToken: 'aorEXAMPLErefreshTOKEN',
  clientId: 'EXAMPLEclientId',
  clientSecret: 'EXAMPLEclientSecret',
  registrationExpiresAt: new Date('2027-03-01T10:00:00.000Z'),
};

describe('the IAM Identity Center token cache', () => {
  let home: string;

  beforeEach(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-cm-sso-'));
  });

  afterEach(async () => {
    await fs.rm(home, { recursive: true, force: true });
  });

  it('names a file by the SHA-1 of the session name, or of a legacy profile start URL, as the CLI does', () => {
    const sha1 = (text: string) => createHash('sha1').update(Buffer.from(text, 'utf8')).digest('hex');
    assert.equal(tokenFile(home, { session: 'my-sso' }), path.join(home, '.aws', 'sso', 'cache', `${sha1('my-sso')}.json`));
    assert.equal(
      path.basename(tokenFile(home, { legacyStartUrl: 'https://d-9067c1a2b3.awsapps.com/start' })),
      `${sha1('https://d-9067c1a2b3.awsapps.com/start')}.json`,
    );
    // The raw UTF-8 bytes, not encodeURI's (which the AWS Toolkit hashes).
    assert.notEqual(path.basename(tokenFile(home, { session: 'équipe' })), `${sha1(encodeURI('équipe'))}.json`);
  });

  it('writes the CLI fields in its order and date form, private, and reads back what it wrote', async () => {
    await storeToken(home, { session: 'my-sso' }, token);
    const file = tokenFile(home, { session: 'my-sso' });
    const text = await fs.readFile(file, 'utf8');
    assert.deepEqual(Object.keys(JSON.parse(text) as object), [
      'startUrl',
      'region',
      'accessToken',
      'expiresAt',
      'clientId',
      'clientSecret',
      'registrationExpiresAt',
      'refreshToken',
    ]);
    assert.match(text, /"expiresAt":"2026-12-01T10:00:00Z"/);
    assert.equal(await modeOf(file), 0o600);
    assert.equal(await modeOf(path.dirname(file)), 0o700);
    assert.deepEqual((await readToken(home, { session: 'my-sso' }))?.token, token);
    assert.deepEqual(await listing(path.dirname(file)), [path.basename(file)], 'no temporary or lock file is left');
  });

  it('reads both date forms: the CLI one and the SDK one (toISOString)', () => {
    const cli = parseToken('{"accessToken":"a","expiresAt":"2026-12-01T10:00:00Z"}');
    const sdk = parseToken('{"accessToken":"a","expiresAt":"2026-12-01T10:00:00.000Z"}');
    assert.equal(cli?.expiresAt.getTime(), Date.UTC(2026, 11, 1, 10));
    assert.equal(sdk?.expiresAt.getTime(), Date.UTC(2026, 11, 1, 10));
    assert.equal(cliDate(new Date('2026-12-01T10:00:00.999Z')), '2026-12-01T10:00:00Z');
  });

  it('refuses files without an access token or a readable expiry, and text that is not JSON', () => {
    for (const text of [
      '',
      'not json',
      '[]',
      'null',
      '{"expiresAt":"2026-12-01T10:00:00Z"}',
      '{"accessToken":"a"}',
      '{"accessToken":"a","expiresAt":"soon"}',
    ]) {
      assert.equal(parseToken(text), undefined, text);
    }
  });

  it('keeps fields it does not know and drops a refresh token the new token lacks', () => {
    const previous = JSON.stringify({ ...JSON.parse(tokenText(token)), tokenType: 'Bearer', refreshToken: 'old' });
    const written = JSON.parse(tokenText({ ...token, refreshToken: undefined }, previous)) as Record<string, unknown>;
    assert.equal(written['tokenType'], 'Bearer');
    assert.equal('refreshToken' in written, false);
  });

  it('narrows a token file another writer left readable by others, and refuses one changed since it was read', async () => {
    const owner = { session: 'corp' };
    const file = tokenFile(home, owner);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, tokenText(token), { mode: 0o644 });
    const cached = await readToken(home, owner);
    await writeToken(home, owner, { ...token, accessToken: 'aoaEXAMPLEnewTOKEN' }, cached);
    assert.equal(await modeOf(file), 0o600);
    const again = await readToken(home, owner);
    await fs.writeFile(file, tokenText({ ...token, accessToken: 'aoaEXAMPLEcliTOKEN' }));
    await refusal(writeToken(home, owner, token, again), 'changed');
    assert.equal((await readToken(home, owner))?.token.accessToken, 'aoaEXAMPLEcliTOKEN', 'the other writer keeps its token');
  });

  it('stores a new sign-in over a cache file no tool can read, and removes what a killed write of the cache left', async () => {
    const owner = { session: 'broken' };
    const file = tokenFile(home, owner);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"accessToken": "trunc');
    const leftover = path.join(path.dirname(file), `.${path.basename(file)}.${await deadPid()}.0123456789abcdef.tmp`);
    await fs.writeFile(leftover, tokenText(token), { mode: 0o600 });
    await storeToken(home, owner, token);
    assert.equal((await readToken(home, owner))?.token.accessToken, token.accessToken);
    assert.deepEqual(await listing(path.dirname(file)), [path.basename(file)], 'the temporary file a killed write left is gone');
  });
});
