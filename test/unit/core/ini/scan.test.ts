import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { rescan, scanIni, splitLines, type IniScan } from '../../../../src/core/ini/scan';
import { storesValue } from '../../../../src/core/ini/syntax';
import { iniText } from '../../helpers/iniArbitraries';
import { sdkRead } from '../../helpers/sdkFiles';

/** What the SDK's parser would return for this text, rebuilt from the scan. */
function parsedFromScan(scan: IniScan): Record<string, Record<string, string>> {
  const parsed: Record<string, Record<string, string>> = {};
  for (const section of scan.sections) {
    const values = section.entries.filter(storesValue).map((entry): [string, string] => [entry.key, entry.value]);
    if (section.sdkKey !== undefined && values.length > 0) {
      parsed[section.sdkKey] = { ...parsed[section.sdkKey], ...Object.fromEntries(values) };
    }
  }
  return parsed;
}

async function sdkParse(text: string): Promise<unknown> {
  return (await sdkRead({ config: undefined, credentials: text })).credentialsFile;
}

describe('scanIni', () => {
  it('splits lines like the SDK: LF and CRLF break lines, a lone CR does not', () => {
    const lines = splitLines('a\r\nb\nc\rd');
    assert.deepEqual(
      lines.map((line) => [line.text, line.eol]),
      [
        ['a', '\r\n'],
        ['b', '\n'],
        ['c\rd', ''],
      ],
    );
    assert.equal(scanIni('a\r\nb\n').eol, '\r\n');
    assert.equal(scanIni('a\nb\r\n').eol, '\n');
    assert.equal(scanIni('a').hasFinalNewline, false);
    assert.equal(scanIni('').hasFinalNewline, true);
  });

  it('reads headers, comments and keys with line numbers', () => {
    const scan = scanIni('\uFEFF# top\n[default]\nregion = us-east-1 # note\nabc#def = x;y\n[profile dev] ; c\n  output=json\n');
    assert.deepEqual(
      scan.sections.map((section) => [
        section.index,
        section.sdkKey,
        section.entries.map((entry) => [entry.index, entry.key, entry.value]),
      ]),
      [
        [
          1,
          'default',
          [
            [2, 'region', 'us-east-1'],
            [3, 'abc#def', 'x;y'],
          ],
        ],
        [4, 'profile.dev', [[5, 'output', 'json']]],
      ],
    );
  });

  it('tracks sub-sections: an empty value opens one, an unindented key closes it', () => {
    const scan = scanIni('[default]\ns3 =\n  max_concurrent_requests = 10\n\n  # c\n  other = 1\nregion = x\n  late = 2\n');
    assert.deepEqual(
      scan.sections[0]?.entries.map((entry) => [entry.key, entry.opensSubSection, entry.inSubSection]),
      [
        ['s3', true, false],
        ['s3.max_concurrent_requests', false, true],
        ['s3.other', false, true],
        ['region', false, false],
        ['late', false, false],
      ],
    );
  });

  it('keeps what the SDK ignores: lines without =, stray lines, dropped and broken headers', () => {
    const scan = scanIni('stray = 1\n[foo bar]\nk = v\n[profile a];c\n[ok]\nno equals\nkey: value\n= nokey\n');
    assert.deepEqual(scan.strayLines, [0, 2, 3]);
    assert.deepEqual(
      scan.sections.map((section) => section.sdkKey),
      [undefined, 'ok'],
    );
    assert.deepEqual(scan.sections[1]?.ignoredLines, [5, 6, 7]);
  });

  it('takes quoted names and the three prefixes, and flags __proto__ as the SDK does', () => {
    const scan = scanIni('[profile "q"]\n[sso-session s]\n[services svc]\n[Profile x]\n[profile __proto__]\n');
    assert.deepEqual(
      scan.sections.map((section) => section.sdkKey),
      ['profile.q', 'sso-session.s', 'services.svc', undefined, 'profile.__proto__'],
    );
    assert.match(scan.sdkRejection ?? '', /__proto__/);
  });

  it('flags a section the parser writes onto a built-in when a key makes it fail or replaces part of JavaScript', () => {
    assert.match(scanIni('[a]\nk = v\n[valueOf]\ncaller = x\n').sdkRejection ?? '', /\[valueOf\] sets caller \(line 4\).*and fails$/);
    assert.match(scanIni('[constructor]\nvalues = x\n').sdkRejection ?? '', /writes over Object\.values/);
    const harmless = [
      '[constructor]\nregion = x\nname = y\n',
      '[constructor]\ns3 =\n  values = x\n',
      '[constructor]\nvalues =\n',
      '[profile valueOf]\ncaller = x\n',
    ];
    assert.deepEqual(
      harmless.map((text) => scanIni(text).sdkRejection),
      harmless.map(() => undefined),
      'a key the built-in lacks, a read-only one, a sub-section key, an opener, a prefixed section',
    );
  });

  const sdkCases: Record<string, string> = {
    'spaces around keys and values': '[mock]\n   key = value \n',
    'a value with =': '[mock]\nkey=value=value\n',
    'a sub-section after a key': '[p]\nkey=keyValue\nsubSection=\n    key=keyValueInSubSection\n    subKey=subKeyValue\n',
    'a sub-section before a key': '[p]\nsubSection=\n    key=inSub\nkey=keyValue\n',
    'comments after values and headers': '# c\n[profile foo] # c\nname = value # c # d\nname2 = value# kept\n',
    'a broken header adds to the previous section': '[profile a]\nx=1\n[profile b];c\ny=2\n',
    'duplicate sections merge, last key wins': '[a]\nk=1\nj=1\n[b]\nk=2\n[a]\nk=3\n',
    'CRLF and a BOM': '\uFEFF[default]\r\nregion = eu-west-1\r\n',
    'empty section dropped': '[a]\n[b]\nk=v\n',
    'names kept raw when the regex fails': '[ default ]\nk=v\n[profile  two]\nk=v\n',
  };
  for (const [name, text] of Object.entries(sdkCases)) {
    it(`agrees with the SDK parser: ${name}`, async () => {
      assert.deepEqual(parsedFromScan(scanIni(text)), await sdkParse(text));
    });
  }

  it('notes per section whether the AWS CLI reads each entry as it does (plainEntries), each key checked once per scan', () => {
    const text = [
      '[a]',
      'Region = x',
      '[b]',
      'Region = y',
      '[c]',
      'region = z',
      'output = json',
      '[d]',
      'region = x',
      'region = y',
      '[e]',
      '  region = x',
      '[f]',
      'region = x # note',
      '[g]',
      's3 =',
      '  addressing_style = path',
      '[h]',
      'sso:x = y',
      // Two keys the scan's cache of names files in one place, each taking the other's: the repeat is still found.
      '[i]',
      'source_profile = a',
      'aws_access_key_id = b',
      'source_profile = c',
      '[j]',
      'source_profile = a',
      'aws_access_key_id = b',
    ].join('\n');
    assert.deepEqual(
      scanIni(text).sections.map((section) => [section.rawName, section.plainEntries]),
      [
        ['a', false],
        ['b', false],
        ['c', true],
        ['d', false],
        ['e', false],
        ['f', false],
        ['g', false],
        ['h', false],
        ['i', false],
        ['j', true],
      ],
    );
  });

  it('agrees with the SDK parser on random files (property)', async () => {
    await fc.assert(
      fc.asyncProperty(iniText, async (text) => {
        assert.deepEqual(parsedFromScan(scanIni(text)), await sdkParse(text));
      }),
      { numRuns: 150 },
    );
  });
});

describe('scanIni: a keystroke scanned again section by section (rescan)', () => {
  /** What a scan holds, as data: its lazy lines left out. */
  const held = (scan: IniScan): unknown => ({
    sections: scan.sections,
    strayLines: scan.strayLines,
    eol: scan.eol,
    hasFinalNewline: scan.hasFinalNewline,
    sdkRejection: scan.sdkRejection,
    unusualSpace: scan.unusualSpace,
  });
  const keystroke = fc.record({
    at: fc.nat(),
    remove: fc.integer({ min: 0, max: 2 }),
    insert: fc.constantFrom('', 'x', '=', ' ', '#', '[', ']', 'region', '\t', 'é', ';', '\u00a0'),
  });
  // Longer than the stretches texts are compared by, on either side of the keystroke.
  const padding = Array.from({ length: 300 }, (_, position) => `[profile pad${position}]\nregion = us-east-1\n`).join('');

  it('gives what a whole scan gives, whenever it takes the change (property)', () => {
    let rescanned = 0;
    fc.assert(
      fc.property(iniText, keystroke, (before, { at, remove, insert }) => {
        const offset = before.length === 0 ? 0 : at % before.length;
        const after = before.slice(0, offset) + insert + before.slice(offset + remove);
        const scan = rescan(before, scanIni(before), after);
        if (scan) {
          rescanned++;
          assert.deepEqual(held(scan), held(scanIni(after)));
          assert.deepEqual(scan.lines, splitLines(after));
        }
      }),
      { numRuns: 2_000 },
    );
    // About 335 of 2000 are, with a spread of about 17 between seeds: 250 fails only when rescans stop.
    assert.ok(rescanned > 250, `only ${rescanned} of 2000 keystrokes were rescanned: the property says little`);
  });

  it('gives what a whole scan gives in a large file, the keystroke amid the unchanged stretches (property)', () => {
    let rescanned = 0;
    fc.assert(
      fc.property(iniText, keystroke, (text, { at, remove, insert }) => {
        const before = `${padding}${text}\n${padding}`;
        const offset = padding.length + (text.length === 0 ? 0 : at % text.length);
        const after = before.slice(0, offset) + insert + before.slice(offset + remove);
        const scan = rescan(before, scanIni(before), after);
        if (scan) {
          rescanned++;
          assert.deepEqual(held(scan), held(scanIni(after)));
        }
      }),
      { numRuns: 300 },
    );
    assert.ok(rescanned > 30, `only ${rescanned} of 300 keystrokes were rescanned: the property says little`);
  });

  it('keeps every other section as it was, and leaves line breaks, headers and long sections to a whole scan', () => {
    const before = '[profile a]\nregion = us-east-1\n[profile b]\nregion = eu-west-1\n';
    const scan = scanIni(before);
    const typed = rescan(before, scan, before.replace('eu-west-1', 'eu-west-2'));
    assert.ok(typed);
    assert.equal(typed.sections[0], scan.sections[0]);
    assert.equal(rescan(before, scan, before.replace('us-east-1', 'us-east-1\nx = 1')), undefined);
    assert.equal(rescan(before, scan, before.replace('[profile b]', '[profile c]')), undefined);
    assert.equal(rescan(before, scan, before.replace('region = us-east-1', '[profile c]')), undefined);
    const long = `[profile a]\n${'k = v\n'.repeat(2_000)}`;
    assert.equal(rescan(long, scanIni(long), `${long}x = 1`), undefined);
  });
});
