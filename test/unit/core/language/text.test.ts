import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { scanIni } from '../../../../src/core/ini/scan';
import { offsetAt, partColumns, positionAt, textChange, type LinePart } from '../../../../src/core/language/text';

/** Applies an edit the way an editor does, through positions. */
function applied(before: string, after: string): string {
  const scan = scanIni(before);
  const change = textChange(before, scan, after);
  if (!change) {
    return before;
  }
  return before.slice(0, offsetAt(scan, change.range.start)) + change.newText + before.slice(offsetAt(scan, change.range.end));
}

describe('language text: parts of a line', () => {
  const cases: [string, LinePart, string][] = [
    ['  xaws_access_key_id = AKIAEXAMPLE', 'key', 'xaws_access_key_id'],
    ['region=us-east1 # mine', 'value', 'us-east1'],
    ['region = us-east1', 'line', 'region = us-east1'],
    ['[profile dev] ; note', 'header', '[profile dev]'],
    ['[profile dev]', 'key', '[profile dev]'],
    ['region =', 'value', 'region'],
    ['no equals here', 'key', 'no equals here'],
  ];
  for (const [text, part, expected] of cases) {
    it(`the ${part} of ${JSON.stringify(text)} is ${JSON.stringify(expected)}`, () => {
      const { start, end } = partColumns(text, part);
      assert.equal(text.slice(start, end), expected);
    });
  }
});

describe('language text: positions and the smallest change', () => {
  it('maps offsets to positions and back, on LF and CRLF, including after the final line break', () => {
    const text = '[a]\r\nx = 1\r\n\ny = 2\n';
    const scan = scanIni(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const position = positionAt(scan, offset);
      const back = offsetAt(scan, position);
      // An offset between \r and \n maps to the end of its line.
      assert.ok(back === offset || (text[offset - 1] === '\r' && back === offset - 1), `offset ${offset}`);
    }
    assert.deepEqual(positionAt(scan, text.length), { line: 4, character: 0 });
  });

  it('replaces only the bytes that differ', () => {
    const before = '[default]\r\nxaws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\n';
    const change = textChange(before, scanIni(before), before.replace('xaws', 'aws'));
    assert.deepEqual(change, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: '' });
    assert.equal(textChange(before, scanIni(before), before), undefined);
  });

  it('turns any text into any other when applied through positions', () => {
    const alphabet = fc.constantFrom('a', 'b', '\n', '\r\n', '[', '=', ' ', '😀');
    const texts = fc.array(alphabet, { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(fc.property(texts, texts, (before, after) => applied(before, after) === after));
  });
});
