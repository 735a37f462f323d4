import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { scanIni } from '../../../../src/core/ini/scan';
import {
  offsetAt,
  partColumns,
  positionAt,
  textChange,
  textChanges,
  type LinePart,
  type TextEdit,
} from '../../../../src/core/language/text';

/** Applies an edit the way an editor does, through positions. */
function applied(before: string, after: string): string {
  const scan = scanIni(before);
  const change = textChange(before, scan, after);
  if (!change) {
    return before;
  }
  return before.slice(0, offsetAt(scan, change.range.start)) + change.newText + before.slice(offsetAt(scan, change.range.end));
}

/** Applies edits the way an editor does: each through positions of the text before any of them. */
function appliedAll(before: string, edits: readonly TextEdit[]): string {
  const scan = scanIni(before);
  let result = before;
  for (const edit of [...edits].reverse()) {
    result = result.slice(0, offsetAt(scan, edit.range.start)) + edit.newText + result.slice(offsetAt(scan, edit.range.end));
  }
  return result;
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

describe('language text: one small edit per changed line', () => {
  const lineText = fc.array(fc.constantFrom('a', 'b', '[', '=', ' ', '😀'), { maxLength: 6 }).map((parts) => parts.join(''));
  const eol = fc.constantFrom('\n', '\r\n');
  /** Lines, each with a line break but maybe the last. */
  const lines = fc
    .tuple(fc.array(fc.tuple(lineText, eol), { maxLength: 8 }), fc.boolean())
    .map(([parts, finalBreak]) => parts.map(([text, end], index) => [text, finalBreak || index < parts.length - 1 ? end : ''] as const));
  const joined = (parts: readonly (readonly [string, string])[]): string => parts.map(([text, end]) => text + end).join('');

  it('turns any text into any other when applied through positions', () => {
    const texts = fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', '[', '=', ' ', '😀'), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(fc.property(texts, texts, (before, after) => appliedAll(before, textChanges(before, scanIni(before), after)) === after));
  });

  it('keeps its edits to the changed lines, in order, neither overlapping nor touching, when the line counts are equal', () => {
    const changes = fc.array(fc.tuple(fc.boolean(), lineText, eol), { maxLength: 8 });
    fc.assert(
      fc.property(lines, changes, (beforeLines, edits) => {
        const before = joined(beforeLines);
        const afterLines = beforeLines.map(([text, end], index) => {
          const edit = edits[index];
          return edit?.[0] ? ([edit[1], end === '' ? '' : edit[2]] as const) : ([text, end] as const);
        });
        const after = joined(afterLines);
        const scan = scanIni(before);
        const result = textChanges(before, scan, after);
        assert.equal(appliedAll(before, result), after);
        if (scan.lines.length !== scanIni(after).lines.length) {
          return;
        }
        const changed = scan.lines.filter((line, index) => {
          const other = scanIni(after).lines[index];
          return line.text !== other?.text || line.eol !== other.eol;
        });
        assert.ok(result.length <= changed.length);
        result.forEach((edit, index) => {
          const next = result[index + 1];
          if (next) {
            const endOffset = offsetAt(scan, edit.range.end);
            assert.ok(endOffset < offsetAt(scan, next.range.start), 'edits are apart');
          }
        });
      }),
    );
  });

  it('gives the smallest edit within each line, and none for equal texts', () => {
    const before = '[profile dev]\r\nregion = us-east-1\r\nsource_profile = dev # mine\r\n';
    const after = '[profile team]\r\nregion = us-east-1\r\nsource_profile = team # mine\r\n';
    assert.deepEqual(textChanges(before, scanIni(before), after), [
      { range: { start: { line: 0, character: 9 }, end: { line: 0, character: 12 } }, newText: 'team' },
      { range: { start: { line: 2, character: 17 }, end: { line: 2, character: 20 } }, newText: 'team' },
    ]);
    assert.deepEqual(textChanges(before, scanIni(before), before), []);
  });

  it('changes a line break without splitting a CRLF, and falls back to one replacement when lines are added', () => {
    const before = 'a = 1\r\nb = 2\r\n';
    assert.deepEqual(textChanges(before, scanIni(before), 'a = 1\nb = 2\r\n'), [
      { range: { start: { line: 0, character: 5 }, end: { line: 1, character: 0 } }, newText: '\n' },
    ]);
    const added = 'a = 1\r\nc = 3\r\nb = 2\r\n';
    assert.deepEqual(textChanges(before, scanIni(before), added), [textChange(before, scanIni(before), added)]);
  });
});
