import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { fromProcess } from '@aws-sdk/credential-provider-process';
import * as fc from 'fast-check';
import type { TemporaryCredentials } from '../../../../../src/core/aws/clients';
import { credentialVariables, exportedCredentials, type ExportFormat } from '../../../../../src/core/aws/export/formats';
import { UnquotableValue } from '../../../../../src/core/aws/export/quoting';
import { awsCli } from '../../../../fixtures/awsCli';
import { exampleUser, useAwsEndpoint } from '../../../../fixtures/awsEndpoint';
import { fakeSecrets } from '../../../../fixtures/secrets';

const run = promisify(execFile);

const temporary: TemporaryCredentials = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'kB9/yS1Hk+0mEXAMPLE3xQvRj7TqZpWc2dLnGfUo',
  sessionToken: fakeSecrets.sessionTokens[2],
  expiration: new Date('2099-11-22T10:45:00.250Z'),
};
const longTerm: TemporaryCredentials = { accessKeyId: exampleUser.accessKeyId, secretAccessKey: exampleUser.secretAccessKey };

/** The variables a format should set, as a map. */
const expected = (credentials: TemporaryCredentials): Record<string, string> => Object.fromEntries(credentialVariables(credentials));

/** What the variables are after a POSIX shell runs the text: it ends by printing the exported environment. */
async function throughShell(shell: string, text: string): Promise<Record<string, string>> {
  const { stdout } = await run(shell, ['-c', `${text}exec env -0`], { env: { PATH: process.env['PATH'] ?? '' } });
  const entries = stdout
    .split('\0')
    .filter((entry) => entry.startsWith('AWS_'))
    .map((entry): [string, string] => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

/** python-dotenv's reading of a .env text. */
function throughPythonDotenv(text: string): Record<string, string> {
  const script =
    'import io, json, sys\nfrom dotenv import dotenv_values\nprint(json.dumps(dotenv_values(stream=io.StringIO(sys.stdin.read()))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text, encoding: 'utf8' })) as Record<string, string>;
}

/** fish's rules for `set -gx NAME 'value'`: inside single quotes, `\\` and `\'` are the only escapes. */
function readFish(text: string): Record<string, string> {
  return Object.fromEntries(
    lines(text).map((line): [string, string] => {
      const match = /^set -gx (\w+) '((?:[^'\\]|\\.|\\)*)'$/s.exec(line);
      assert.ok(match, `a fish line: ${line}`);
      const [, name = '', value = ''] = match;
      return [name, value.replace(/\\([\\'])/g, '$1')];
    }),
  );
}

/** PowerShell's rules for `$Env:NAME='value'`: any of its four single quotes ends the string, unless doubled. */
function readPowershell(text: string): Record<string, string> {
  return Object.fromEntries(
    lines(text).map((line): [string, string] => {
      const match = /^\$Env:(\w+)='((?:[^'\u2018-\u201b]|(['\u2018-\u201b])\3)*)'$/s.exec(line);
      assert.ok(match, `a PowerShell line: ${line}`);
      const [, name = '', value = ''] = match;
      return [name, value.replace(/(['\u2018-\u201b])\1/g, '$1')];
    }),
  );
}

/** cmd's rules for `set "NAME=value"`: the value runs to the last quote; `%` and `!` would expand. */
function readCmd(text: string): Record<string, string> {
  return Object.fromEntries(
    lines(text).map((line): [string, string] => {
      const match = /^set "(\w+)=([^"%!\r\n]*)"$/.exec(line);
      assert.ok(match, `a cmd line: ${line}`);
      const [, name = '', value = ''] = match;
      return [name, value];
    }),
  );
}

/** Each line of a text that ends every line with \n, lines holding a quoted line break kept whole. */
function lines(text: string): string[] {
  assert.ok(text.endsWith('\n'));
  return text.slice(0, -1).split(/\n(?=set |\$Env:)/);
}

/** Values as a credential_process could return them: any text but NUL, which no environment holds. */
const anyValue = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((value) => !value.includes('\0'));
const anyCredentials = fc.record({
  accessKeyId: anyValue,
  secretAccessKey: anyValue,
  sessionToken: fc.option(anyValue, { nil: undefined }),
  expiration: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }), { nil: undefined }),
});

describe('exported credentials', () => {
  it('are the variables the AWS CLI exports, in its order, the expiration as it writes it', () => {
    assert.deepEqual(credentialVariables(temporary), [
      ['AWS_ACCESS_KEY_ID', temporary.accessKeyId],
      ['AWS_SECRET_ACCESS_KEY', temporary.secretAccessKey],
      ['AWS_SESSION_TOKEN', temporary.sessionToken],
      ['AWS_CREDENTIAL_EXPIRATION', '2099-11-22T10:45:00+00:00'],
    ]);
    assert.deepEqual(
      credentialVariables(longTerm).map(([name]) => name),
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
    );
  });

  for (const shell of ['bash', 'sh']) {
    it(`as bash / zsh lines, are read back exactly by ${shell}, whatever the characters`, async () => {
      assert.deepEqual(await throughShell(shell, exportedCredentials('env', temporary)), expected(temporary));
      assert.deepEqual(await throughShell(shell, exportedCredentials('env', longTerm)), expected(longTerm));
      await fc.assert(
        fc.asyncProperty(anyCredentials, async (credentials) => {
          assert.deepEqual(await throughShell(shell, exportedCredentials('env', credentials)), expected(credentials));
        }),
        { numRuns: 40 },
      );
    });
  }

  const readers: [ExportFormat, string, (text: string) => Record<string, string>][] = [
    ['fish', 'fish', readFish],
    ['powershell', 'PowerShell', readPowershell],
  ];
  for (const [format, name, read] of readers) {
    it(`as ${name} lines, are read back exactly by ${name}'s quoting rules (${name} is not installed here), whatever the characters`, () => {
      assert.deepEqual(read(exportedCredentials(format, temporary)), expected(temporary));
      fc.assert(
        fc.property(anyCredentials, (credentials) =>
          assert.deepEqual(read(exportedCredentials(format, credentials)), expected(credentials)),
        ),
      );
      // The quotes PowerShell also ends a string with, and fish's escape.
      const tricky = { accessKeyId: `a'b\u2019c\\'d`, secretAccessKey: `$Env:X \`"\\` };
      assert.deepEqual(read(exportedCredentials(format, tricky)), expected(tricky));
    });
  }

  it("as Windows cmd lines, are read back by cmd's rules, and a value cmd cannot hold is refused, naming the character", () => {
    assert.equal(exportedCredentials('windowsCmd', longTerm).split('\n')[1], `set "AWS_SECRET_ACCESS_KEY=${exampleUser.secretAccessKey}"`);
    assert.deepEqual(readCmd(exportedCredentials('windowsCmd', temporary)), expected(temporary));
    const ampersands = { accessKeyId: 'a&b|c<d>e^f', secretAccessKey: 'x' };
    assert.deepEqual(readCmd(exportedCredentials('windowsCmd', ampersands)), expected(ampersands));
    assert.throws(
      () => exportedCredentials('windowsCmd', { ...longTerm, sessionToken: 'a%PATH%b' }),
      (error: unknown) =>
        error instanceof UnquotableValue &&
        error.message ===
          'The value of AWS_SESSION_TOKEN holds a character ("%") that Windows cmd cannot hold exactly: choose another format.',
    );
  });

  it('as .env lines, are read back exactly by python-dotenv, bare for the characters of keys and tokens', () => {
    const text = exportedCredentials('dotenv', temporary);
    assert.doesNotMatch(text, /'/, "AWS's keys, tokens and dates need no quotes (Docker's --env-file keeps them)");
    assert.deepEqual(throughPythonDotenv(text), expected(temporary));
    fc.assert(
      fc.property(anyCredentials, (credentials) => {
        try {
          assert.deepEqual(throughPythonDotenv(exportedCredentials('dotenv', credentials)), expected(credentials));
        } catch (error) {
          assert.ok(error instanceof UnquotableValue, String(error));
          assert.ok(credentialVariables(credentials).some(([, value]) => /['\\\r\n]/.test(value)));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('as credential_process JSON, hold exactly the fields the readers accept', () => {
    assert.deepEqual(JSON.parse(exportedCredentials('process', temporary)), {
      Version: 1,
      AccessKeyId: temporary.accessKeyId,
      SecretAccessKey: temporary.secretAccessKey,
      SessionToken: temporary.sessionToken,
      Expiration: '2099-11-22T10:45:00+00:00',
    });
    assert.deepEqual(Object.keys(JSON.parse(exportedCredentials('process', longTerm)) as object), [
      'Version',
      'AccessKeyId',
      'SecretAccessKey',
    ]);
  });

  describe("as credential_process JSON, printed by a profile's credential_process", () => {
    const endpoint = useAwsEndpoint();
    let home = '';
    beforeEach(() => {
      home = mkdtempSync(path.join(os.tmpdir(), 'aws-cm-export-'));
    });
    afterEach(() => rmSync(home, { recursive: true, force: true }));

    /** A config file whose profile `exported` cats the JSON of these credentials. */
    function exportedProfile(credentials: TemporaryCredentials): string {
      const json = path.join(home, 'exported.json');
      writeFileSync(json, exportedCredentials('process', credentials), { mode: 0o600 });
      const config = path.join(home, 'config');
      writeFileSync(config, `[profile exported]\ncredential_process = cat ${json}\nregion = us-east-1\n`);
      return config;
    }

    it('are read back by the AWS SDK for JavaScript (fromProcess)', async () => {
      for (const credentials of [temporary, longTerm]) {
        const configFilepath = exportedProfile(credentials);
        const read = await fromProcess({ profile: 'exported', configFilepath, filepath: path.join(home, 'none') })();
        const expiration = credentials.expiration && new Date(Math.floor(credentials.expiration.getTime() / 1000) * 1000);
        assert.deepEqual(
          {
            accessKeyId: read.accessKeyId,
            secretAccessKey: read.secretAccessKey,
            sessionToken: read.sessionToken,
            expiration: read.expiration,
          },
          {
            accessKeyId: credentials.accessKeyId,
            secretAccessKey: credentials.secretAccessKey,
            sessionToken: credentials.sessionToken,
            expiration,
          },
        );
      }
    });

    it('sign the calls of the real AWS CLI (aws sts get-caller-identity), with and without a session token', async () => {
      const key = endpoint.current.temporaryKey(3_600_000);
      const cases: TemporaryCredentials[] = [
        { ...key, expiration: new Date(key.expiresAt ?? 0) },
        { accessKeyId: exampleUser.accessKeyId, secretAccessKey: exampleUser.secretAccessKey },
      ];
      for (const credentials of cases) {
        const env = {
          HOME: home,
          AWS_CONFIG_FILE: exportedProfile(credentials),
          AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'),
          AWS_ENDPOINT_URL: endpoint.current.url,
        };
        const identity = await awsCli<{ Arn: string }>(['sts', 'get-caller-identity', '--profile', 'exported'], env);
        assert.equal(identity.Arn, exampleUser.arn);
        assert.equal(endpoint.current.state.log.at(-1)?.accessKeyId, credentials.accessKeyId, 'signed with the exported key');
      }
    });
  });
});
