import * as assert from 'node:assert/strict';
import { scanIni } from '../../../../src/core/ini/scan';
import { foldingRanges } from '../../../../src/core/language/folding';
import { generateProfiles } from '../../../bench/generateProfiles';

/** Folds as `start-end` with ` comment` for comment folds. */
function folds(lines: readonly string[], eol = '\n'): string[] {
  return foldingRanges(scanIni(lines.join(eol))).map((fold) => `${fold.start}-${fold.end}${fold.kind ? ` ${fold.kind}` : ''}`);
}

describe('language folding: sections and comment runs', () => {
  const cases: { title: string; lines: string[]; expected: string[] }[] = [
    {
      title: 'folds each section from its header to its last non-blank line',
      lines: ['[default]', 'region = us-east-1', '', '', '[profile dev]', 'output = json', ''],
      expected: ['0-1', '4-5'],
    },
    {
      title: 'gives the comments right above a header to that header, not to the section before',
      lines: ['[default]', 'region = us-east-1', '# about dev', '# second line', '[profile dev]', 'output = json'],
      expected: ['0-1', '2-3 comment', '4-5'],
    },
    {
      title: 'keeps comments separated from the next header by a blank line in the section above',
      lines: ['[default]', 'region = us-east-1', '; region = eu-west-1', '', '[profile dev]', 'output = json'],
      expected: ['0-2', '4-5'],
    },
    {
      title: 'folds a run of two or more comment lines, not a single comment, and indented comments too',
      lines: ['# one', '# two', '  ; three', '', '# alone', '[default]', 'a = 1', '# x', '# y'],
      expected: ['0-2 comment', '5-8', '7-8 comment'],
    },
    {
      title: 'gives no fold to a section of one line',
      lines: ['[default]', '', '[profile dev]', 'region = us-east-1'],
      expected: ['2-3'],
    },
    {
      title: 'folds sections the SDK ignores and sub-sections with their section',
      lines: ['[foo bar]', 'x = 1', '[profile dev]', 's3 =', '  max_concurrent_requests = 10'],
      expected: ['0-1', '2-4'],
    },
    { title: 'gives nothing for an empty file', lines: [], expected: [] },
  ];
  for (const { title, lines, expected } of cases) {
    it(title, () => {
      assert.deepEqual(folds(lines), expected);
      assert.deepEqual(folds(lines, '\r\n'), expected, 'with CRLF line breaks');
    });
  }

  it('folds a file of 10,000 profiles once per section', () => {
    const { config } = generateProfiles(10_000);
    const scan = scanIni(config);
    const sectionFolds = foldingRanges(scan).filter((fold) => fold.kind === undefined);
    assert.equal(sectionFolds.length, scan.sections.length);
  });
});
