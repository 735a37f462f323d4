import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { cliReading } from '../../../../src/core/ini/botocore';
import { cliReadsAsSdk, cliReadsLinesAsSdk } from '../../../../src/core/ini/cliAgreement';
import { scanIni } from '../../../../src/core/ini/scan';
import { sdkSections } from '../../../../src/core/ini/sections';
import { mostlyPortableText } from '../../helpers/iniArbitraries';

describe('cliAgreement: files the AWS CLI reads as the AWS SDK does, told from the scan alone', () => {
  it('says so only of files where the model of botocore finds no refusal and the same sections, keys and values (property)', () => {
    let agreeing = 0;
    fc.assert(
      fc.property(mostlyPortableText, fc.constantFrom('config' as const, 'credentials' as const), (text, role) => {
        const scan = scanIni(text);
        if (!cliReadsAsSdk(role, scan)) {
          return;
        }
        agreeing++;
        const reading = cliReading(role, scan);
        assert.deepEqual(reading.refusals, []);
        for (const [key, values] of sdkSections(role, scan)) {
          const [kind, ...rest] = key.startsWith('sso-session.') || key.startsWith('services.') ? key.split('.') : ['profile', key];
          const section = reading.sectionFor({ kind: kind as 'profile', name: rest.join('.') });
          assert.ok(section !== undefined, `the CLI has no section for ${key}`);
          const cli: Record<string, string> = {};
          reading.lines.forEach((line, index) => {
            const header = line?.kind === 'option' && line.header !== undefined ? reading.lines[line.header] : undefined;
            if (line?.kind === 'option' && header?.kind === 'header' && header.section === section) {
              cli[line.key] = reading.valueOf(index);
            }
          });
          assert.deepEqual(cli, { ...values }, `the CLI reads ${section} otherwise`);
        }
      }),
      { numRuns: 400 },
    );
    assert.ok(agreeing > 40, `only ${agreeing} of 400 files were told to agree: the property says little`);
  });

  it('sends every doubtful file to the model', () => {
    const doubtful = [
      '[profile a]\nregion = us-east-1 # mine\n',
      '[profile a]\nregion = us-east-1\n  more\n',
      '[profile a]\nRegion = us-east-1\n',
      '[profile a]\nregion = a\nregion = b\n',
      '[profile a]\n[profile a]\n',
      '[default]\nregion = a\n[profile default]\nregion = b\n',
      '[profile "a"]\nregion = a\n',
      '\uFEFF[profile a]\nregion = a\n',
      '[profile a]\ns3 =\n  max_concurrent_requests = 10\n',
      '[profile a]\nno delimiter\n',
      'region = a\n[profile a]\n',
      '  [profile a]\nregion = a\n',
      '[DEFAULT]\nregion = a\n',
      '[a]\nregion = a\n',
    ];
    for (const text of doubtful) {
      assert.equal(cliReadsAsSdk('config', scanIni(text)), false, JSON.stringify(text));
    }
    assert.equal(cliReadsLinesAsSdk(scanIni('[profile a]\nregion = a\n')), true);
    assert.equal(
      cliReadsAsSdk('config', scanIni('# mine\n[default]\nregion = a\n\n[profile b]\nrole_arn = arn:aws:iam::1:role/r\n')),
      true,
    );
    assert.equal(cliReadsAsSdk('credentials', scanIni('[profile b]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n')), false);
  });
});
