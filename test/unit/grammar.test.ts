import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { profileKeys, ssoSessionKeys } from '../../src/core/profiles/knownKeys';
import { secretKeys } from '../../src/core/secrets';

const root = path.resolve(__dirname, '..', '..', '..');
const grammarFile = (role: string): string => path.join(root, 'syntaxes', `aws-${role}.tmLanguage.json`);

const registry = (async () => {
  const wasm = readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: (scopeName) => {
      const role = scopeName.replace('source.aws-', '');
      return Promise.resolve(textmate.parseRawGrammar(readFileSync(grammarFile(role), 'utf8'), grammarFile(role)));
    },
  });
})();

/** Each token of a line with the last scope VS Code would colour it by (`-` for the file's own scope only). */
async function tokens(role: 'config' | 'credentials', line: string): Promise<[string, string][]> {
  const grammar = await (await registry).loadGrammar(`source.aws-${role}`);
  assert.ok(grammar);
  const { tokens: found } = grammar.tokenizeLine(line, textmate.INITIAL);
  return found
    .map((token): [string, string] => [
      line.slice(token.startIndex, token.endIndex),
      token.scopes.length > 1 ? (token.scopes.at(-1) ?? '') : '-',
    ])
    .filter(([text]) => text.trim() !== '');
}

describe('grammar: the two AWS files as VS Code colours them', () => {
  const cases: ['config' | 'credentials', string, [string, string][]][] = [
    [
      'config',
      '[profile dev] # mine',
      [
        ['[', 'punctuation.definition.section.begin.aws-ini'],
        ['profile', 'keyword.other.section-kind.aws-ini'],
        ['dev', 'entity.name.section.aws-ini'],
        [']', 'punctuation.definition.section.end.aws-ini'],
        [' # mine', 'comment.line.aws-ini'],
      ],
    ],
    [
      'config',
      '[sso-session corp]',
      [
        ['[', 'punctuation.definition.section.begin.aws-ini'],
        ['sso-session', 'keyword.other.section-kind.aws-ini'],
        ['corp', 'entity.name.section.aws-ini'],
        [']', 'punctuation.definition.section.end.aws-ini'],
      ],
    ],
    [
      'config',
      '[default]',
      [
        ['[', 'punctuation.definition.section.begin.aws-ini'],
        ['default', 'entity.name.section.profile.default.aws-ini'],
        [']', 'punctuation.definition.section.end.aws-ini'],
      ],
    ],
    [
      'config',
      '[dev]',
      [
        ['[', 'punctuation.definition.section.begin.aws-ini'],
        ['dev', 'invalid.illegal.section.aws-ini'],
        [']', 'punctuation.definition.section.end.aws-ini'],
      ],
    ],
    [
      'credentials',
      '[profile dev]',
      [
        ['[', 'punctuation.definition.section.begin.aws-ini'],
        ['profile', 'invalid.illegal.section-kind.aws-ini'],
        ['dev', 'entity.name.section.aws-ini'],
        [']', 'punctuation.definition.section.end.aws-ini'],
      ],
    ],
    [
      'credentials',
      '[dev]',
      [
        ['[', 'punctuation.definition.section.begin.aws-ini'],
        ['dev', 'entity.name.section.aws-ini'],
        [']', 'punctuation.definition.section.end.aws-ini'],
      ],
    ],
    [
      'config',
      'region = us-east-1 ; note',
      [
        ['region', 'support.type.property-name.aws-ini'],
        ['=', 'keyword.operator.assignment.aws-ini'],
        ['us-east-1', 'string.unquoted.value.aws-ini'],
        [' ; note', 'comment.line.aws-ini'],
      ],
    ],
    [
      'config',
      'region=a#b',
      [
        ['region', 'support.type.property-name.aws-ini'],
        ['=', 'keyword.operator.assignment.aws-ini'],
        ['a#b', 'string.unquoted.value.aws-ini'],
      ],
    ],
    [
      'credentials',
      'xaws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      [
        ['xaws_access_key_id', 'variable.other.key.unknown.aws-ini'],
        ['=', 'keyword.operator.assignment.aws-ini'],
        ['AKIAIOSFODNN7EXAMPLE', 'string.unquoted.value.aws-ini'],
      ],
    ],
    [
      'credentials',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      [
        ['aws_secret_access_key', 'support.type.property-name.secret.aws-ini'],
        ['=', 'keyword.operator.assignment.aws-ini'],
        ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'string.unquoted.value.secret.aws-ini'],
      ],
    ],
    [
      'config',
      '  max_concurrent_requests = 10',
      [
        ['max_concurrent_requests', 'variable.other.key.unknown.aws-ini'],
        ['=', 'keyword.operator.assignment.aws-ini'],
        ['10', 'string.unquoted.value.aws-ini'],
      ],
    ],
    [
      'config',
      '  # a comment',
      [
        ['#', 'punctuation.definition.comment.aws-ini'],
        [' a comment', 'comment.line.aws-ini'],
      ],
    ],
    [
      'config',
      'region = # nothing',
      [
        ['region', 'support.type.property-name.aws-ini'],
        ['=', 'keyword.operator.assignment.aws-ini'],
        ['# nothing', 'comment.line.aws-ini'],
      ],
    ],
  ];
  for (const [role, line, expected] of cases) {
    it(`colours ${JSON.stringify(line)} in the ${role} file`, async () => {
      assert.deepEqual(await tokens(role, line), expected);
    });
  }

  it('knows exactly the keys the validator knows, and marks the secret ones', () => {
    for (const role of ['config', 'credentials']) {
      const grammar = JSON.parse(readFileSync(grammarFile(role), 'utf8')) as { repository: Record<string, { begin?: string }> };
      const keysOf = (rule: string): string[] =>
        (/^\^\\s\*\(([^)]*)\)/.exec(grammar.repository[rule]?.begin ?? '')?.[1] ?? '')
          .split('|')
          .map((key) => key.replace(/\\/g, ''))
          .sort();
      const known = [...new Set([...profileKeys, ...ssoSessionKeys])].filter((key) => !secretKeys.has(key)).sort();
      assert.deepEqual(keysOf('known'), known, `the known keys of ${role}'s grammar differ from src/core/profiles/knownKeys.ts`);
      assert.deepEqual(keysOf('secret'), [...secretKeys].sort());
    }
  });
});
