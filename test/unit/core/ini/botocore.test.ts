import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { FileRole } from '../../../../src/core/files/roles';
import { cliReading, shellWords } from '../../../../src/core/ini/botocore';
import { scanIni } from '../../../../src/core/ini/scan';
import { runBotocore, type BotocoreCase } from '../../../fixtures/botocore';
import { modelRead } from '../../helpers/botocore';
import { cliText, iniText } from '../../helpers/iniArbitraries';

/** Texts where botocore and the AWS SDK part ways, one construct each. */
const texts: readonly BotocoreCase[] = [
  { role: 'config', text: '[default]\nregion = us-east-1 # mine\noutput = json ;x\n' },
  { role: 'config', text: '[default]\nregion = a\n[default]\noutput = json\n' },
  { role: 'config', text: '[default]\nregion = a\nRegion = b\n' },
  { role: 'config', text: '[profile default]\nregion = b\n[default]\nregion = a\n' },
  { role: 'config', text: '[default]\nregion = a\n\n  output = json\nk = v\n' },
  { role: 'config', text: '[default]\nregion: a\n' },
  { role: 'config', text: '[default]\nregion a\n' },
  { role: 'config', text: '[default]\n= a\n' },
  { role: 'config', text: '[profile a];x\nregion = a\n' },
  { role: 'config', text: '[profile\ta]\nregion = a\n' },
  { role: 'config', text: '\uFEFF[default]\nregion = a\n' },
  { role: 'config', text: '\uFEFF# comment\n' },
  { role: 'config', text: 'region = a\n[default]\noutput = json\n' },
  { role: 'config', text: '[profile.a]\nregion = a\n[profiles b]\nregion = b\n[profile "c d"]\nregion = c\n[profile "e]\nregion = e\n' },
  { role: 'config', text: '[DEFAULT]\nregion = a\n[profile b]\noutput = json\n' },
  { role: 'config', text: '[default]\ns3 =\n  max = 10\n  Addr = path # c\n' },
  { role: 'config', text: '[default]\ns3 =\n  max\n' },
  { role: 'config', text: '[default]\nregion =\n' },
  { role: 'config', text: '[default]\na:b = c\n' },
  { role: 'config', text: '[profile a]\nregion = x\n  [profile b]\noutput = json\n' },
  { role: 'config', text: '[]\nregion = x\n' },
  { role: 'config', text: '[profile a]\nregion = x\n[profile "a"]\noutput = json\n' },
  { role: 'config', text: '[default]\n  s3 =\n  max = 1\n' },
  { role: 'config', text: '[default]\nregion = a\n  bad line\n' },
  { role: 'config', text: '[default]\nk = v\u001c\n' },
  { role: 'credentials', text: '[profile foo]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' },
  { role: 'credentials', text: '[foo bar]\nx = y\n[DEFAULT]\nz = 1\n' },
];

describe('cliReading: our model of botocore', () => {
  it('reads each tricky text as the real botocore does', () => {
    const real = runBotocore(texts);
    texts.forEach(({ role, text }, position) => {
      assert.deepEqual(modelRead(role, text), real[position], JSON.stringify(text));
    });
  });

  it('reads random files as the real botocore does (property, one Python run)', function () {
    this.timeout(60_000);
    const samples = fc.sample(
      fc.tuple(fc.constantFrom<FileRole>('config', 'credentials'), fc.oneof(iniText, cliText)).map(([role, text]) => ({ role, text })),
      { numRuns: 800, seed: 15 },
    );
    const real = runBotocore(samples);
    samples.forEach(({ role, text }, position) => {
      assert.deepEqual(modelRead(role, text), real[position], `${role}: ${JSON.stringify(text)}`);
    });
  });

  it('marks the line of each refusal', () => {
    const reading = cliReading('config', scanIni('[a]\nk = 1\nK = 2\n[a]\nnothing\n= x\n'));
    assert.deepEqual(
      reading.refusals.map((index) => [index, reading.lines[index]?.refusal?.reason]),
      [
        [2, 'duplicateKey'],
        [3, 'duplicateSection'],
        [4, 'noDelimiter'],
        [5, 'emptyKey'],
      ],
    );
  });

  it('splits section names into words as a shell does', () => {
    const cases: [string, string[] | undefined][] = [
      ['profile a', ['profile', 'a']],
      ['profile\ta', ['profile', 'a']],
      ['profile "a b"', ['profile', 'a b']],
      ["profile 'a'", ['profile', 'a']],
      ['profile a\\ b', ['profile', 'a b']],
      ['profile "a\\"b"', ['profile', 'a"b']],
      ['profile "a', undefined],
      ['profile a\\', undefined],
      ['profile  a  ', ['profile', 'a']],
    ];
    for (const [text, words] of cases) {
      assert.deepEqual(shellWords(text), words, text);
    }
  });
});
