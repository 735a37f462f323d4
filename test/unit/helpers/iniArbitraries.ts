/** fast-check generators of AWS shared files full of the constructs that trip parsers and writers. */
import * as fc from 'fast-check';

export const profileName = fc.constantFrom('default', 'dev', 'prod', 'a', 'b', 'ci-role', 'user@corp', 'x.y');
const key = fc.constantFrom('region', 'output', 'aws_access_key_id', 'aws_secret_access_key', 'role_arn', 'source_profile', 'k', 'Region');
const valueCharacter = fc.constantFrom('a', 'Z', '0', '-', '/', '=', '#', ';', ' ', '[', ']', ':', '.');
export const safeValue = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9\-/:.=+]{0,11}$/);
const space = fc.constantFrom('', ' ', '  ', '\t');

const headerLine = fc.oneof(
  profileName.map((name) => `[profile ${name}]`),
  profileName.map((name) => `[${name}]`),
  profileName.map((name) => `[profile "${name}"]`),
  fc.constantFrom('[sso-session corp]', '[services local]', '[foo bar]', '[]', '[profile a];c', '[ default ]', '[profile a] # c'),
);
const keyLine = fc
  .tuple(
    space,
    key,
    space,
    space,
    fc.array(valueCharacter, { maxLength: 8 }).map((chars) => chars.join('')),
  )
  .map(([indent, name, before, after, value]) => `${indent}${name}${before}=${after}${value}`);
const otherLine = fc.constantFrom(
  '',
  '# comment',
  '; comment',
  '  # indented comment',
  'no equals here',
  's3 =',
  '  max_concurrent_requests = 10',
  '=orphan',
  'key: value',
);
const line = fc.oneof({ weight: 2, arbitrary: headerLine }, { weight: 5, arbitrary: keyLine }, { weight: 3, arbitrary: otherLine });

export const iniText = fc
  .tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean())
  .map(([lines, eol, finalNewline, bom]) => `${bom ? '\uFEFF' : ''}${lines.join(eol)}${finalNewline && lines.length > 0 ? eol : ''}`);
