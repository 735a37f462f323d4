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

/**
 * Files that botocore (the AWS CLI) mostly reads rather than refuses, full of the constructs it
 * reads differently from the AWS SDK: each section and each key (in any case) at most once, with
 * inline comments, `key: value`, indented and continued lines, sub-sections, quoted names.
 */
const cliHeader = fc.constantFrom(
  '[default]',
  '[profile default]',
  '[profile a]',
  '[profile "b"]',
  '[c]',
  '[profile.d]',
  '[profiles e]',
  '[profile "f g"]',
  '[sso-session corp]',
  '[services local]',
  '[DEFAULT]',
  '[profile h];x',
  '[profile i] # c',
  '[ default ]',
);
const cliKey = fc.constantFrom('region', 'output', 'aws_access_key_id', 'role_arn', 'source_profile', 'k', 'Region', 's3', 'Output');
const cliValue = fc.constantFrom('us-east-1', 'json', 'a', 'x y', 'v # c', 'v ;c', 'a#b', 'b = c', '"q # r"', 'https://h:1/p');
const cliKeyLine = fc
  .tuple(cliKey, space, fc.constantFrom(' = ', '=', ': ', ' =  '), cliValue, fc.constantFrom('', '', '', '  more', '\tmore', '  k2 = v2'))
  .map(([name, indent, delimiter, value, continued]) => `${indent}${name}${delimiter}${value}${continued === '' ? '' : `\n${continued}`}`);
const cliNestedLine = fc
  .tuple(cliKey, fc.constantFrom('  max = 10', '  style = path # c', '  bad', '\n  late = 1'))
  .map(([name, inner]) => `${name} =\n${inner}`);
const portableHeader = fc.constantFrom(
  '[default]',
  '[profile a]',
  "[profile 'b']",
  '[profile\tc]',
  '[d]',
  '[sso-session corp]',
  '[services local]',
  '[profile e] # c',
);
const portableKeyLine = fc
  .tuple(
    fc.constantFrom('region', 'output', 'aws_access_key_id', 'role_arn', 'source_profile', 'k', 's3'),
    fc.constantFrom(' = ', '='),
    safeValue,
  )
  .map(([name, delimiter, value]) => `${name}${delimiter}${value}`);

/** Sections of unique headers and keys; `plain` weighs plain lines against the tricky ones. */
function sharedFileText(plain: number): fc.Arbitrary<string> {
  const section = fc
    .tuple(
      fc.oneof({ weight: plain, arbitrary: portableHeader }, { weight: 1, arbitrary: cliHeader }),
      fc.uniqueArray(
        fc.oneof(
          { weight: plain, arbitrary: portableKeyLine },
          { weight: 4, arbitrary: cliKeyLine },
          { weight: 1, arbitrary: cliNestedLine },
        ),
        { maxLength: 5, selector: (line) => (line.trim().split(/[\s=:]/)[0] ?? '').toLowerCase() },
      ),
      fc.constantFrom('', '', '# comment', '  ; indented comment'),
    )
    .map(([header, lines, comment]) => [header, ...lines, ...(comment === '' ? [] : [comment])].join('\n'));
  return fc
    .tuple(
      fc.uniqueArray(section, { maxLength: 5, selector: (text) => text.split('\n')[0] ?? '' }),
      fc.constantFrom('\n', '\r\n'),
      fc.constantFrom('', '', '', 'region = stray\n'),
    )
    .map(([sections, eol, stray]) => `${stray}${sections.join('\n\n')}\n`.replace(/\n/g, eol));
}

export const cliText = sharedFileText(1);

/** Files that both tools mostly read alike, with a tricky line here and there. */
export const mostlyPortableText = sharedFileText(40);
