import * as assert from 'node:assert/strict';
import type { FileRole } from '../../../../src/core/files/roles';
import { documentSymbols, outlineLimit, type KeySymbol, type SectionSymbol } from '../../../../src/core/language/symbols';
import type { Range } from '../../../../src/core/language/text';
import { sharedFile } from '../../../../src/core/profiles/read';
import { maskedSecret } from '../../../../src/core/secrets';
import { SecretSearch } from '../../../fixtures/secrets';
import { generateProfiles } from '../../../bench/generateProfiles';

function symbolsOf(role: FileRole, text: string): SectionSymbol[] {
  return documentSymbols(sharedFile(role, `/aws/${role}`, { text, readError: undefined }));
}

function slice(text: string, range: Range): string {
  const lines = text.split(/\r?\n/);
  if (range.start.line === range.end.line) {
    return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  }
  return `${(lines[range.start.line] ?? '').slice(range.start.character)}...${(lines[range.end.line] ?? '').slice(0, range.end.character)}`;
}

const secretSearch = new SecretSearch();

/** A detail as the expectations show it: a leaked fake secret is named, never printed by a failing test. */
function shownDetail(detail: string): string {
  return secretSearch.find(detail) === undefined ? detail : '(a fake secret)';
}

/**
 * A symbol tree as lines: `kind name (detail) lines a-b "selection"`, children indented under it; a
 * masked key's columns rather than its text, which may be a piece of a secret.
 */
function outline(text: string, symbols: readonly SectionSymbol[]): string[] {
  const selection = (key: KeySymbol): string =>
    key.name === maskedSecret
      ? `columns ${key.selectionRange.start.character}-${key.selectionRange.end.character}`
      : `"${slice(text, key.selectionRange)}"`;
  const keyLines = (keys: readonly KeySymbol[], indent: string): string[] =>
    keys.flatMap((key) => [
      `${indent}${shownDetail(key.name)} = ${shownDetail(key.detail)} lines ${key.range.start.line}-${key.range.end.line} ${selection(key)}`,
      ...keyLines(key.children, `${indent}  `),
    ]);
  return symbols.flatMap((symbol) => [
    `${symbol.kind} ${symbol.name} (${symbol.detail}) lines ${symbol.range.start.line}-${symbol.range.end.line} "${slice(text, symbol.selectionRange)}"`,
    ...keyLines(symbol.children, '  '),
  ]);
}

const config = [
  '# top comment', // 0
  '[default]',
  'region = us-east-1',
  '',
  '[profile dev]   # mine',
  'role_arn = arn:aws:iam::123456789012:role/dev', // 5
  'source_profile = default',
  's3 =',
  '  max_concurrent_requests = 10',
  '# about corp',
  '[sso-session corp]', // 10
  'sso_start_url = https://example.awsapps.com/start',
  '  [services local]',
  's3 =',
  '  endpoint_url = http://localhost:4566',
  '[dev2]', // 15
  'region = eu-west-1',
  '[profile "quoted"]',
  'region = eu-west-2',
  '[profile.dotted]',
  'output = json', // 20
  '[foo bar]',
  'x = 1',
  '',
  '',
].join('\n');

const credentials = [
  '[default]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  '',
  '[profile x]',
  'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE', // 5
  'FwoGZXIvYXdzEXAMPLEaDKs8hT2nWq9Lm3Rv0CKoATf+Yp1xZg7Qb4Uc6NjHe5sVw2Ar8Ko3DiMt9FyGl0Xb1PqS7EuZ4Cn6Wh==',
  '[typos]',
  'note = ASIAIOSFODNN7EXAMPLE',
  'aws_secret_acces_key = kB9/yS1Hk+0mEXAMPLE3xQvRj7TqZpWc2dLnGfUo',
  '[ ]', // 10
  'region = us-east-1',
].join('\n');

describe('language symbols: the outline of a file', () => {
  it('gives one symbol per section of the config file, in file order, with its keys and sub-sections', () => {
    assert.deepEqual(outline(config, symbolsOf('config', config)), [
      'profile default (profile) lines 1-2 "default"',
      '  region = us-east-1 lines 2-2 "region"',
      'profile dev (profile) lines 4-8 "dev"',
      '  role_arn = arn:aws:iam::123456789012:role/dev lines 5-5 "role_arn"',
      '  source_profile = default lines 6-6 "source_profile"',
      '  s3 =  lines 7-8 "s3"',
      '    max_concurrent_requests = 10 lines 8-8 "max_concurrent_requests"',
      'sso-session corp (sso-session) lines 10-11 "corp"',
      '  sso_start_url = https://example.awsapps.com/start lines 11-11 "sso_start_url"',
      'services local (services) lines 12-14 "local"',
      '  s3 =  lines 13-14 "s3"',
      '    endpoint_url = http://localhost:4566 lines 14-14 "endpoint_url"',
      'ignored dev2 (ignored by the AWS SDK) lines 15-16 "dev2"',
      '  region = eu-west-1 lines 16-16 "region"',
      'profile quoted (profile) lines 17-18 "quoted"',
      '  region = eu-west-2 lines 18-18 "region"',
      'profile dotted (profile) lines 19-20 "dotted"',
      '  output = json lines 20-20 "output"',
      'ignored foo bar (ignored by the AWS SDK) lines 21-22 "foo bar"',
    ]);
  });

  it('names the profiles of the credentials file as the SDK reads them, and masks every secret', () => {
    assert.deepEqual(outline(credentials, symbolsOf('credentials', credentials)), [
      'profile default (profile) lines 0-2 "default"',
      `  aws_access_key_id = ${maskedSecret} lines 1-1 "aws_access_key_id"`,
      `  aws_secret_access_key = ${maskedSecret} lines 2-2 "aws_secret_access_key"`,
      'profile profile.x (profile) lines 4-6 "profile x"',
      `  aws_session_token = ${maskedSecret} lines 5-5 "aws_session_token"`,
      `  ${maskedSecret} = ${maskedSecret} lines 6-6 columns 0-98`,
      'profile typos (profile) lines 7-9 "typos"',
      `  note = ${maskedSecret} lines 8-8 "note"`,
      `  aws_secret_acces_key = ${maskedSecret} lines 9-9 "aws_secret_acces_key"`,
      'profile [ ] (profile) lines 10-11 " "',
      '  region = us-east-1 lines 11-11 "region"',
    ]);
  });

  it('holds no secret anywhere in its result', () => {
    for (const [role, text] of [
      ['credentials', credentials],
      ['config', `[profile a]\n${credentials.split('\n').slice(1).join('\n')}`],
    ] as const) {
      const found = secretSearch.find(JSON.stringify(symbolsOf(role, text)));
      assert.equal(found, undefined, `a fake secret of ${found?.length ?? 0} characters is in the symbols of the ${role} file`);
    }
  });

  it('marks a [default] that [profile default] hides as ignored', () => {
    const text = '[default]\nregion = us-east-1\n[profile default]\nregion = eu-west-1\n';
    assert.deepEqual(
      symbolsOf('config', text).map((symbol) => `${symbol.kind} ${symbol.name}`),
      ['ignored default', 'profile default'],
    );
  });

  it('ends a section before the comments right above the next header, and keeps its own trailing comments', () => {
    const text = ['[profile a]', 'x = 1', '# old = 2', '', '# about b', '# more', '[profile b]', 'y = 2', '# z = 3', '', ''].join('\n');
    assert.deepEqual(
      symbolsOf('config', text).map((symbol) => `${symbol.name} ${symbol.range.start.line}-${symbol.range.end.line}`),
      ['a 0-2', 'b 6-8'],
    );
  });

  it('gives exact ranges: the range from column 0 of the header to the end of the last line, the name inside the header', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['  [profile dev] # note', 'region = us-east-1 # mine', ''].join(eol);
      const [symbol] = symbolsOf('config', text);
      assert.deepEqual(symbol?.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 25 } }, JSON.stringify(eol));
      assert.deepEqual(symbol?.selectionRange, { start: { line: 0, character: 11 }, end: { line: 0, character: 14 } });
      assert.deepEqual(symbol?.children[0]?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } });
      assert.deepEqual(symbol?.children[0]?.selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
    }
  });

  it('keeps every selection range inside its range (VS Code refuses a symbol otherwise)', () => {
    const contained = (outer: Range, inner: Range): boolean =>
      (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const check = (symbol: SectionSymbol | KeySymbol): void => {
      assert.ok(contained(symbol.range, symbol.selectionRange), symbol.name);
      assert.ok(symbol.name.trim() !== '', 'a symbol has a name');
      symbol.children.forEach(check);
    };
    symbolsOf('config', config).forEach(check);
    symbolsOf('credentials', credentials).forEach(check);
    symbolsOf('config', '[]\n[profile]\n').forEach(check);
  });

  it('outlines a file of more than outlineLimit sections by its first sections alone', () => {
    const { config: big } = generateProfiles(10_000);
    const symbols = documentSymbols(sharedFile('config', '/aws/config', { text: big, readError: undefined }));
    assert.equal(symbols.length, outlineLimit);
    assert.deepEqual(
      symbols.filter((symbol) => symbol.children.length > 0).map((symbol) => symbol.name),
      [],
    );
    assert.deepEqual(symbols.find((symbol) => symbol.name === 'team-00002')?.range, {
      start: { line: 10, character: 0 },
      end: { line: 14, character: 'region = us-west-2'.length },
    });
  });
});
