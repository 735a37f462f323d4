import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  appendSection,
  appendSections,
  commentAbove,
  IniEditError,
  removeKey,
  removeLineAt,
  removeSections,
  renameKeyAt,
  renameSections,
  replaceValue,
  setKey,
  setValueAt,
  type SectionSelector,
} from '../../../../src/core/ini/edit';
import { scanIni, type IniScan } from '../../../../src/core/ini/scan';
import { iniText, safeValue } from '../../helpers/iniArbitraries';

/** Selects sections by the key the SDK files them under, e.g. `default` or `profile.dev`. */
const sections =
  (sdkKey: string): SectionSelector =>
  (scan) =>
    scan.sections.filter((section) => section.sdkKey === sdkKey);
const set = (text: string, sdkKey: string, key: string, value: string, header = `[${sdkKey}]`): string =>
  setKey(text, sections(sdkKey), key, value, header);

describe('ini edits: setting keys (the AWS CLI writer cases, made stricter)', () => {
  const cases: [string, string, [string, string, string], string][] = [
    ['updates a value in place', '[default]\nfoo = 1\nbar = 1', ['default', 'foo', 'newvalue'], '[default]\nfoo = newvalue\nbar = 1'],
    [
      'keeps brackets inside values',
      '[default]\nfoo = old[value]\nbar = 1',
      ['default', 'foo', 'new[value]'],
      '[default]\nfoo = new[value]\nbar = 1',
    ],
    ['keeps the spacing of the line it edits', '[default]\nfoo=1\nbar=1', ['default', 'foo', 'newvalue'], '[default]\nfoo=newvalue\nbar=1'],
    [
      'adds a key after the last key, keeping the missing final newline',
      '[default]\nfoo = 1\nbar = 2',
      ['default', 'baz', 'newvalue'],
      '[default]\nfoo = 1\nbar = 2\nbaz = newvalue',
    ],
    [
      'adds a key to a middle section before its blank lines',
      '[a]\nfoo = bar\n\n[b]\n\nfoo = bar\n\n[c]\nfoo = bar\n',
      ['b', 'newvalue', 'newvalue'],
      '[a]\nfoo = bar\n\n[b]\n\nfoo = bar\nnewvalue = newvalue\n\n[c]\nfoo = bar\n',
    ],
    [
      'updates a key in a middle section only',
      '[a]\nfoo = bar\nbaz = bar\n\n[b]\n\nfoo = bar\n[c]\nfoo = bar\nbaz = bar\n',
      ['b', 'foo', 'newvalue'],
      '[a]\nfoo = bar\nbaz = bar\n\n[b]\n\nfoo = newvalue\n[c]\nfoo = bar\nbaz = bar\n',
    ],
    [
      'appends a missing section after a blank line',
      '[notdefault]\nfoo = bar\n',
      ['default', 'foo', 'value'],
      '[notdefault]\nfoo = bar\n\n[default]\nfoo = value\n',
    ],
    ['creates the first section of an empty file', '', ['default', 'foo', 'value'], '[default]\nfoo = value\n'],
    [
      'leaves commented-out keys alone',
      '[default]\n#foo = 1\nbar = 1\n',
      ['default', 'foo', 'newvalue'],
      '[default]\n#foo = 1\nbar = 1\nfoo = newvalue\n',
    ],
    [
      'ignores commented-out section headers',
      '#[default]\n[default]\n#foo = 1\nbar = 1\n',
      ['default', 'foo', 'newvalue'],
      '#[default]\n[default]\n#foo = 1\nbar = 1\nfoo = newvalue\n',
    ],
    [
      'finds quoted profile names',
      '[profile "foobar"]\nfoo = 1\n',
      ['profile.foobar', 'foo', 'newvalue'],
      '[profile "foobar"]\nfoo = newvalue\n',
    ],
    ['fills an empty section', '[default]\n', ['default', 'region', 'us-west-2'], '[default]\nregion = us-west-2\n'],
    [
      'separates a new section from a file without final newline',
      '[preview]\ncloudfront = true',
      ['new-section', 'region', 'us-west-2'],
      '[preview]\ncloudfront = true\n\n[new-section]\nregion = us-west-2',
    ],
    [
      'moves an inline comment above its line (the AWS CLI would read it as part of the value), keeping the indentation',
      '[default]\n  region = us-east-1   # home\n',
      ['default', 'region', 'eu-west-1'],
      '[default]\n  # home\n  region = eu-west-1\n',
    ],
    [
      'edits the last duplicate, the one the SDK uses',
      '[default]\nregion = a\n[default]\nregion = b\n',
      ['default', 'region', 'c'],
      '[default]\nregion = a\n[default]\nregion = c\n',
    ],
    ['keeps CRLF line endings', '[default]\r\nfoo = 1\r\n', ['default', 'bar', '2'], '[default]\r\nfoo = 1\r\nbar = 2\r\n'],
    ['keeps a BOM', '\uFEFF[default]\nfoo = 1\n', ['default', 'foo', '2'], '\uFEFF[default]\nfoo = 2\n'],
    [
      'closes an open sub-section with an unindented key',
      '[default]\n  region = x\ns3 =\n    other = foo\n',
      ['default', 'output', 'json'],
      '[default]\n  region = x\ns3 =\n    other = foo\noutput = json\n',
    ],
    [
      'does not take a sub-section key for a top-level one',
      '[default]\ns3 =\n  region = inner\n',
      ['default', 'region', 'outer'],
      '[default]\ns3 =\n  region = inner\nregion = outer\n',
    ],
  ];
  for (const [name, before, [section, key, value], after] of cases) {
    it(name, () => {
      assert.equal(set(before, section, key, value), after);
    });
  }
});

describe('ini edits: the AWS CLI reads each written line as the AWS SDK does', () => {
  it('writes a new key unindented when the AWS CLI reads the key above as part of the value before it', () => {
    assert.equal(
      set('[default]\nregion = x\n    k = v\n', 'default', 'output', 'json'),
      '[default]\nregion = x\n    k = v\noutput = json\n',
    );
  });

  it('moves the comment of every line a value is replaced on', () => {
    assert.equal(
      replaceValue(
        '[a]\nsource_profile = b # one\n[c]\nsource_profile = b ; two\nk = 1\n',
        (scan) => scan.sections,
        'source_profile',
        'b',
        'd',
      ),
      '[a]\n# one\nsource_profile = d\n[c]\n; two\nsource_profile = d\nk = 1\n',
    );
  });

  const refusals: [string, string, string, string, RegExp][] = [
    [
      'a key the AWS CLI reads in another case already',
      '[default]\nRegion = x\n',
      'region',
      'default',
      /refuse the whole file because of line 3: its key is already set at line 2/,
    ],
    [
      'a key on a line the AWS CLI reads as part of the value above',
      '[default]\nregion = x\n  output = text\n',
      'output',
      'default',
      /line 3 as more of the value of the key on line 2/,
    ],
    [
      'a key that the indented line after it would continue',
      '[default]\nregion = x\n  stray\n',
      'output',
      'default',
      /more than the value on line 3/,
    ],
    [
      'a key under a header the AWS CLI reads as a value',
      '[a]\nregion = x\n  [b]\nk = 1\n',
      'output',
      'b',
      /file the key on line 5 under another section, the one of line 1/,
    ],
  ];
  for (const [title, before, key, section, message] of refusals) {
    it(`refuses ${title}`, () => {
      assert.throws(
        () => set(before, section, key, 'json'),
        (error: unknown) => error instanceof IniEditError && error.reason === 'cliReadsOtherwise' && message.test(error.message),
      );
    });
  }
});

describe('ini edits: removing and renaming', () => {
  it('removes every line of a key, and leaves sub-sections and their keys alone', () => {
    const before = '[default]\nregion = a\ns3 =\n  region = 1\n  y = 2\nregion = b\noutput = json\n';
    assert.equal(removeKey(before, sections('default'), 'region'), '[default]\ns3 =\n  region = 1\n  y = 2\noutput = json\n');
    assert.equal(removeKey(before, sections('default'), 's3'), before);
  });

  it('refuses a removal that would move later indented keys into a sub-section, and allows the safe ones', () => {
    const before = '[default]\nregion =\naws_access_key_id = a\n  output = json\n';
    assert.throws(
      () => removeKey(before, sections('default'), 'aws_access_key_id'),
      (error: unknown) => error instanceof IniEditError && /indented lines after it/.test(error.message),
    );
    assert.equal(
      removeKey('[default]\nregion =\naws_access_key_id = a\noutput = json\n', sections('default'), 'aws_access_key_id'),
      '[default]\nregion =\noutput = json\n',
    );
    // The SDK reads output either way; the AWS CLI reads the indented line as part of the value above it, which would become k's.
    assert.throws(
      () => removeKey('[default]\nk = 1\naws_access_key_id = a\n  output = json\n', sections('default'), 'aws_access_key_id'),
      (error: unknown) =>
        error instanceof IniEditError &&
        error.reason === 'cliReadsOtherwise' &&
        /The AWS CLI reads the indented lines after line 3 as part of the value of aws_access_key_id/.test(error.message),
    );
  });

  it('refuses removing several lines of a key when together they close a sub-section', () => {
    const before = '[default]\ns3 =\n  a = 1\nregion = x\nregion = y\n  b = 2\n';
    assert.throws(
      () => removeKey(before, sections('default'), 'region'),
      (error: unknown) => error instanceof IniEditError && /indented lines after it \(from line 6\)/.test(error.message),
    );
    assert.equal(
      removeKey(`${before}c = 3\n`.replace('  b = 2\n', ''), sections('default'), 'region'),
      '[default]\ns3 =\n  a = 1\nc = 3\n',
    );
  });

  it('removes a section with the comments directly above it, leaving the next one its comments', () => {
    const before = '# file header\n\n# dev keys\n[dev]\nk = 1\n# a comment inside\n\n# prod keys\n[prod]\nk = 2\n';
    assert.equal(removeSections(before, sections('dev')), '# file header\n\n# prod keys\n[prod]\nk = 2\n');
    assert.equal(removeSections(before, sections('prod')), '# file header\n\n# dev keys\n[dev]\nk = 1\n# a comment inside\n');
  });

  it('removes the last section of a file without final newline, keeping it without one', () => {
    assert.equal(removeSections('[a]\nk = 1\n\n[b]\nk = 2', sections('b')), '[a]\nk = 1');
  });

  it('removes the first section but keeps the BOM, and every duplicate of a section', () => {
    assert.equal(removeSections('\uFEFF[a]\r\nk = 1\r\n[b]\r\nk = 2\r\n[a]\r\nj = 3\r\n', sections('a')), '\uFEFF[b]\r\nk = 2\r\n');
  });

  it('renames headers, keeping indentation and a trailing comment', () => {
    assert.equal(
      renameSections('  [profile old] # mine\nk = 1\n', sections('profile.old'), '[profile new]'),
      '  [profile new] # mine\nk = 1\n',
    );
  });

  it('replaces a value only where it matches', () => {
    const before = '[a]\nsource_profile = old\n[b]\nsource_profile = other\n';
    assert.equal(
      replaceValue(before, (scan) => scan.sections, 'source_profile', 'old', 'new'),
      '[a]\nsource_profile = new\n[b]\nsource_profile = other\n',
    );
  });

  it('appends to a file that ends in a blank line without adding another', () => {
    assert.equal(appendSection('[a]\nk = 1\n\n', '[b]', [{ key: 'k', value: '2' }]), '[a]\nk = 1\n\n[b]\nk = 2\n');
  });

  it('appends several sections in one edit, a blank line before each, as appendSection one by one would', () => {
    const sections = [
      { header: '[b]', settings: [{ key: 'k', value: '2' }] },
      { header: '[c]', settings: [] },
      { header: '[d]', settings: [{ key: 'j', value: '3' }] },
    ];
    const oneByOne = (text: string): string =>
      sections.reduce((result, { header, settings }) => appendSection(result, header, settings), text);
    for (const text of ['', '\uFEFF', '[a]\r\nk = 1', '[a]\nk = 1\n', '# c\n\n', '[a]\r\nk = 1\r\n']) {
      assert.equal(appendSections(text, sections), oneByOne(text), JSON.stringify(text));
    }
    assert.equal(appendSections('[a]\r\nk = 1', sections), '[a]\r\nk = 1\r\n\r\n[b]\r\nk = 2\r\n\r\n[c]\r\n\r\n[d]\r\nj = 3');
    assert.equal(appendSections('[a]\n', []), '[a]\n');
  });
});

/**
 * An edit that would change how the SDK reads lines it does not touch (an indented line joining a
 * sub-section) is refused with an IniEditError: it writes nothing, which keeps every byte too.
 */
function refusedAsUnchanged(text: string, edit: () => string): string {
  try {
    return edit();
  } catch (error) {
    if (error instanceof IniEditError) {
      return text;
    }
    throw error;
  }
}

/** The character range of the text that an edit may change: the selected sections, with the comments above them. */
function allowedRange(scan: IniScan, text: string, sdkKey: string): [number, number] {
  const selected = scan.sections.filter((section) => section.sdkKey === sdkKey);
  const first = selected[0];
  const last = selected.at(-1);
  if (!first || !last) {
    return [text.length, text.length];
  }
  let start = first.index;
  while (start > 0) {
    const trimmed = (scan.lines[start - 1]?.text ?? '').trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';') || trimmed === '\uFEFF') {
      start -= 1;
    } else {
      break;
    }
  }
  const end = scan.lines[last.endIndex]?.start ?? text.length;
  return [scan.lines[start]?.start ?? 0, end];
}

describe('ini edits: one key line at a time', () => {
  const cases: [string, (text: string) => string, string, string][] = [
    [
      'renames only the characters of the key',
      (text) => renameKeyAt(text, 1, 'region'),
      '[a]\n  regoin\t=  x ; c\n',
      '[a]\n  region\t=  x ; c\n',
    ],
    ['renames a key written without spaces', (text) => renameKeyAt(text, 1, 'region'), '[a]\r\nregoin=x', '[a]\r\nregion=x'],
    [
      'sets only the value, moving an inline comment above it (the AWS CLI would read it as part of the value)',
      (text) => setValueAt(text, 1, 'us-east-1'),
      '[a]\nregion=us-east1 # c\n',
      '[a]\n# c\nregion=us-east-1\n',
    ],
    ['removes one line of a key set twice', (text) => removeLineAt(text, 1), '[a]\nk = 1\nk = 2\n', '[a]\nk = 2\n'],
    [
      'removes the last line, keeping a missing final newline missing',
      (text) => removeLineAt(text, 2),
      '[a]\r\nk = 1\r\nk = 2',
      '[a]\r\nk = 1',
    ],
    [
      'moves an inline comment above its line, indented alike, with the line break of its line',
      (text) => commentAbove(text, 1),
      '[a]\r\n  k = 1   # why\r\n',
      '[a]\r\n  # why\r\n  k = 1\r\n',
    ],
    ['moves the comment of a last line without line break', (text) => commentAbove(text, 1), '[a]\r\nk = 1 ;c', '[a]\r\n;c\r\nk = 1'],
    ['leaves a line without a comment alone', (text) => commentAbove(text, 1), '[a]\nk = a#b\n', '[a]\nk = a#b\n'],
    [
      'leaves a line that sets no key alone',
      (text) => renameKeyAt(setValueAt(text, 0, 'x'), 2, 'y'),
      '[a]\n# k = 1\nno equals\n',
      '[a]\n# k = 1\nno equals\n',
    ],
  ];
  for (const [name, edit, before, after] of cases) {
    it(name, () => {
      assert.equal(edit(before), after);
    });
  }

  it('refuses removing a line that closes a sub-section for the indented lines after it', () => {
    const text = '[a]\ns3 =\n  x = 1\nk = 1\n  y = 2\nk = 2\n';
    assert.throws(() => removeLineAt(text, 3), IniEditError);
    assert.equal(removeLineAt(text, 5), '[a]\ns3 =\n  x = 1\nk = 1\n  y = 2\n');
  });
});

describe('ini edits: bytes outside the touched section never change (property)', () => {
  const target = fc.constantFrom('default', 'profile.dev', 'profile.a', 'dev', 'b');
  const edit = fc.oneof(
    fc.tuple(fc.constant('set' as const), fc.constantFrom('region', 'output', 'k'), safeValue),
    fc.tuple(fc.constant('remove' as const), fc.constantFrom('region', 'output', 'k'), fc.constant('')),
    fc.tuple(fc.constant('delete' as const), fc.constant(''), fc.constant('')),
    fc.tuple(fc.constant('rename' as const), fc.constant(''), fc.constant('')),
  );
  it('keeps every other byte', () => {
    fc.assert(
      fc.property(iniText, target, edit, (text, sdkKey, [operation, key, value]) => {
        const scan = scanIni(text);
        const select = sections(sdkKey);
        const edit = (): string =>
          operation === 'set'
            ? setKey(text, select, key, value, '[new]')
            : operation === 'remove'
              ? removeKey(text, select, key)
              : operation === 'delete'
                ? removeSections(text, select)
                : renameSections(text, select, '[renamed]');
        const after = refusedAsUnchanged(text, edit);
        if (after === text) {
          return;
        }
        const appended = operation === 'set' && select(scan).length === 0;
        if (appended) {
          assert.ok(after.startsWith(text), `an append changed existing bytes: ${JSON.stringify(text)} -> ${JSON.stringify(after)}`);
          return;
        }
        const [allowedStart, allowedEnd] = allowedRange(scan, text, sdkKey);
        const before = text.slice(0, allowedStart);
        const behind = text.slice(allowedEnd);
        // A section that ends the file may take the line break before it, to keep a missing final newline missing.
        const keptBefore = after.startsWith(before) || (allowedEnd === text.length && after.startsWith(before.replace(/\r?\n$/, '')));
        assert.ok(
          keptBefore && after.endsWith(behind),
          `${operation} changed bytes outside ${allowedStart}-${allowedEnd}: ${JSON.stringify(text)} -> ${JSON.stringify(after)}`,
        );
      }),
      { numRuns: 2000 },
    );
  });
});
