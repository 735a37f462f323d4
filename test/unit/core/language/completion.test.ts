import * as assert from 'node:assert/strict';
import type { FileRole } from '../../../../src/core/files/roles';
import { completionsAt, type CompletionItem } from '../../../../src/core/language/completion';
import type { Position } from '../../../../src/core/language/text';
import { sharedFile, type SharedFiles } from '../../../../src/core/profiles/read';
import { knownRegions } from '../../../../src/core/profiles/regions';

const accessKeyId = 'AKIAIOSFODNN7EXAMPLE';
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const token = 'IQoJb3JpZ2luX2VjEXAMPLETOKEN';
const keysOf = (name: string): string => `[${name}]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secret}\n`;

/** Both files, the one of `role` with `|` marking the cursor (removed from the text). */
function at(role: FileRole, marked: string, other = ''): { files: SharedFiles; position: Position } {
  const offset = marked.indexOf('|');
  assert.ok(offset !== -1, 'no | in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before.at(-1)?.length ?? 0 };
  const texts = role === 'config' ? { config: text, credentials: other } : { config: other, credentials: text };
  return {
    files: {
      config: sharedFile('config', '/home/me/.aws/config', { text: texts.config, readError: undefined }),
      credentials: sharedFile('credentials', '/home/me/.aws/credentials', { text: texts.credentials, readError: undefined }),
    },
    position,
  };
}

function complete(role: FileRole, marked: string, other = ''): CompletionItem[] {
  const { files, position } = at(role, marked, other);
  return completionsAt(files, role, position).sort((a, b) => a.sortText.localeCompare(b.sortText));
}

const labels = (items: readonly CompletionItem[], kind?: CompletionItem['kind']): string[] =>
  items.filter((item) => kind === undefined || item.kind === kind).map((item) => item.label);

const configHeaders = ['[profile name]', '[sso-session name]', '[services name]', '[default]'];

describe('completion: keys', () => {
  it('offers the keys of a profile in the config file, the non-secret ones first, not those already set nor tool-written ones', () => {
    const items = complete('config', '[profile dev]\nregion = us-east-1\n|\noutput = json\n');
    const keys = labels(items, 'key');
    assert.deepEqual(keys.slice(0, 4), ['aws_account_id', 'aws_credential_scope', 'role_arn', 'source_profile']);
    assert.deepEqual(keys.slice(-3), ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token']);
    for (const absent of ['region', 'output', 'granted_sso_region', 'aws_security_token', 'sdk-ua-app-id', 'expiration']) {
      assert.ok(!keys.includes(absent), absent);
    }
    for (const present of ['sso_session', 'cli_pager', 'credential_process', 'request_checksum_calculation']) {
      assert.ok(keys.includes(present), present);
    }
    assert.deepEqual(labels(items, 'section'), configHeaders.slice(0, 3).concat('[default]'));
  });

  it('offers the credential keys first in the credentials file, and its own headers after the keys', () => {
    const items = complete('credentials', '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n|');
    assert.deepEqual(labels(items, 'key').slice(0, 2), ['aws_secret_access_key', 'aws_session_token']);
    assert.equal(labels(items, 'key')[2], 'aws_account_id');
    assert.deepEqual(labels(items, 'section'), ['[name]', '[default]']);
    assert.ok(labels(items).indexOf('[name]') > labels(items).indexOf('cli_pager'));
  });

  it('offers the keys of an sso-session section only, less those it sets', () => {
    const items = complete('config', '[sso-session corp]\nsso_region = us-east-1\n  |');
    assert.deepEqual(labels(items), ['sso_start_url', 'sso_registration_scopes']);
  });

  it('offers endpoint_url on the indented lines of a service in a [services] section, and no key elsewhere there', () => {
    assert.deepEqual(labels(complete('config', '[services local]\ndynamodb =\n  |')), ['endpoint_url']);
    assert.deepEqual(labels(complete('config', '[services local]\n|'), 'key'), []);
  });

  it('offers nothing on the indented lines of a sub-section of a profile (s3 =)', () => {
    assert.deepEqual(labels(complete('config', '[profile dev]\ns3 =\n  max|')), []);
  });

  it('inserts `key = ` or `key=` as the file writes its settings, and only the key when the line has its =', () => {
    const spaced = complete('config', '[profile dev]\nregion = us-east-1\nout|');
    assert.equal(spaced.find((item) => item.label === 'output')?.insertText, 'output = ');
    const tight = complete('config', '[profile dev]\nregion=us-east-1\nout|');
    assert.equal(tight.find((item) => item.label === 'output')?.insertText, 'output=');
    // An empty section takes the style of the one next to it.
    const neighbour = complete('config', '[profile a]\nregion=us-east-1\n[profile b]\n|');
    assert.equal(neighbour.find((item) => item.label === 'output')?.insertText, 'output=');
    const editing = complete('config', '[profile dev]\nregi| = eu-west-1\n');
    const region = editing.find((item) => item.label === 'region');
    assert.equal(region?.insertText, 'region');
    assert.deepEqual(region?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.equal(region?.retrigger, false);
  });

  it('suggests again after a key whose values it knows, and carries the doc with its AWS link', () => {
    const items = complete('config', '[profile dev]\n|');
    const output = items.find((item) => item.label === 'output');
    assert.equal(output?.retrigger, true);
    assert.match(
      output?.documentation ?? '',
      /How the AWS CLI formats the results of commands\.\n\n\[AWS documentation\]\(https:\/\/docs\.aws/,
    );
    assert.equal(items.find((item) => item.label === 'role_arn')?.retrigger, false);
    assert.equal(items.find((item) => item.label === 'source_profile')?.retrigger, true);
  });
});

describe('completion: values', () => {
  const cases: [string, string, string, string[]][] = [
    ['output', 'config', '[profile a]\noutput = |', ['json', 'yaml', 'yaml-stream', 'text', 'table']],
    ['retry_mode', 'config', '[default]\nretry_mode = |', ['standard', 'adaptive', 'legacy']],
    ['credential_source', 'config', '[profile a]\ncredential_source = E|', ['Environment', 'Ec2InstanceMetadata', 'EcsContainer']],
    ['a boolean', 'config', '[profile a]\nuse_fips_endpoint = |', ['true', 'false']],
    ['a boolean in the credentials file', 'credentials', '[a]\ntcp_keepalive=|', ['true', 'false']],
    ['region', 'config', '[profile a]\nregion = |', [...knownRegions]],
    ['sso_region of a session', 'config', '[sso-session corp]\nsso_region = |', [...knownRegions]],
    ['a key without a closed set', 'config', '[profile a]\nrole_arn = |', []],
    ['an unknown key', 'config', '[profile a]\nregoin = |', []],
  ];
  for (const [what, role, marked, expected] of cases) {
    it(`offers the values of ${what}`, () => {
      assert.deepEqual(labels(complete(role as FileRole, marked)), expected);
    });
  }

  it('replaces the value typed so far, and puts the space of `key = value` after a bare =', () => {
    const typed = complete('config', '[profile a]\nregion = eu-w| # mine');
    assert.deepEqual(typed[0]?.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } });
    assert.equal(typed[0]?.insertText, knownRegions[0]);
    const bare = complete('config', '[profile a]\nregion =|');
    assert.equal(bare[0]?.insertText, ` ${knownRegions[0] ?? ''}`);
    const tight = complete('config', '[profile a]\nregion=|');
    assert.equal(tight[0]?.insertText, knownRegions[0]);
  });

  it('describes each value of a closed set', () => {
    const table = complete('config', '[profile a]\noutput = |').find((item) => item.label === 'table');
    assert.match(table?.documentation ?? '', /^output = \*\*table\*\*: A table/);
  });

  it('offers the profiles of both files after source_profile, not the profile itself', () => {
    const config = '[profile a]\nregion = us-east-1\n[profile b]\nsource_profile = |\n[sso-session corp]\nsso_region = us-east-1\n';
    assert.deepEqual(labels(complete('config', config, `${keysOf('keys')}${keysOf('a')}`)), ['a', 'keys']);
    assert.deepEqual(
      labels(complete('credentials', `${keysOf('c')}source_profile = |\n${keysOf('d')}`, '[profile a]\nregion = us-east-1\n')),
      ['a', 'd'],
    );
  });

  it('offers the sessions of the config file after sso_session, with their start URLs', () => {
    const config =
      '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n' +
      '[sso-session lab]\nsso_region = eu-west-1\n[profile dev]\nsso_session = |\n';
    const items = complete('config', config);
    assert.deepEqual(labels(items, 'session'), ['corp', 'lab']);
    assert.equal(items[0]?.detail, 'https://corp.awsapps.com/start');
  });

  it('offers the [services] sections after services', () => {
    assert.deepEqual(
      labels(complete('config', '[services local]\ns3 =\n  endpoint_url = http://localhost:4566\n[profile a]\nservices = |')),
      ['local'],
    );
  });

  it('offers no value for a secret key', () => {
    for (const key of ['aws_secret_access_key', 'aws_session_token', 'aws_security_token', 'my_token']) {
      assert.deepEqual(labels(complete('credentials', `[a]\n${key} = |`)), [], key);
    }
  });
});

describe('completion: section headers', () => {
  it('offers the config headers as snippets on a [ and at the start of a line outside any section', () => {
    const items = complete('config', '[prof|');
    assert.deepEqual(labels(items), configHeaders);
    assert.equal(items[0]?.insertText, '[profile ${1:name}]');
    assert.equal(items[0]?.isSnippet, true);
    assert.equal(items[3]?.isSnippet, false);
    assert.deepEqual(items[0]?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
    assert.deepEqual(labels(complete('config', '# my profiles\n|\n[profile a]\nregion = us-east-1\n')), configHeaders);
  });

  it('offers the credentials headers, and no [default] where the file has one', () => {
    assert.deepEqual(labels(complete('credentials', '[|')), ['[name]', '[default]']);
    assert.deepEqual(labels(complete('credentials', `${keysOf('default')}\n[|`)), ['[name]']);
    assert.equal(complete('credentials', '[|')[0]?.insertText, '[${1:name}]');
  });

  it('offers nothing while a header name is edited, or on a header line', () => {
    assert.deepEqual(labels(complete('config', '[profile de|]\nregion = us-east-1\n')), []);
    assert.deepEqual(labels(complete('config', '|[profile dev]\nregion = us-east-1\n')), []);
    assert.deepEqual(labels(complete('config', '[profile dev]|\n')), []);
  });
});

describe('completion: comments and secrets', () => {
  it('offers nothing inside a comment', () => {
    assert.deepEqual(labels(complete('config', '[profile a]\n# reg|')), []);
    assert.deepEqual(labels(complete('config', '[profile a]\nregion = us-east-1 # eu|')), []);
    assert.deepEqual(labels(complete('config', '[profile a]\n  ; |')), []);
  });

  it('never offers or documents a value of the files, wherever the cursor is', () => {
    const credentials = `${keysOf('default')}aws_session_token = ${token}\n[other]\naws_secret_access_key = ${secret}\n`;
    const lines = credentials.split('\n');
    lines.forEach((line, index) => {
      for (let character = 0; character <= line.length; character++) {
        const marked = [...lines.slice(0, index), line.slice(0, character) + '|' + line.slice(character), ...lines.slice(index + 1)].join(
          '\n',
        );
        for (const item of complete('credentials', marked, '[profile other]\nsource_profile = default\n')) {
          const shown = [item.label, item.insertText, item.detail ?? '', item.documentation ?? ''].join('\n');
          for (const value of [secret, token, accessKeyId, 'EXAMPLE']) {
            assert.ok(!shown.includes(value), `line ${index + 1}, column ${character}: a value of the file is shown`);
          }
        }
      }
    });
  });
});
