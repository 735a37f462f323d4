import * as assert from 'node:assert/strict';
import { scanIni } from '../../../../src/core/ini/scan';
import { secretRanges } from '../../../../src/core/language/secretMasks';

function covered(text: string, from = 0, to = Number.MAX_SAFE_INTEGER): string[] {
  const lines = text.split(/\r?\n/);
  return secretRanges(scanIni(text), (index) => lines[index] ?? '', from, Math.min(to, lines.length - 1)).map(
    (range) => `${range.start.line}:${(lines[range.start.line] ?? '').slice(range.start.character, range.end.character)}`,
  );
}

describe('language secret masks: what the editor covers', () => {
  const text = [
    '[default]',
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY # copied today',
    'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE',
    'EXAMPLEtokenEND',
    'region = us-east-1',
    '[profile typo]',
    'aws_secret_acess_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  ].join('\r\n');

  it('covers the values of secret keys, misspelt ones, and a line that continues a token; never keys or comments', () => {
    assert.deepEqual(covered(text), [
      '2:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      '3:IQoJb3JpZ2luX2VjEXAMPLE',
      '4:EXAMPLEtokenEND',
      '7:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ]);
  });

  it('looks only at the lines asked for', () => {
    assert.deepEqual(covered(text, 3, 6), ['3:IQoJb3JpZ2luX2VjEXAMPLE', '4:EXAMPLEtokenEND']);
    assert.deepEqual(covered(text, 5, 6), []);
  });
});
