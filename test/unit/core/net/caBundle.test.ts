import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { caBundleFor, caBundleOf, readCaBundle } from '../../../../src/core/net/caBundle';
import { makeTestCa, type TestCa } from '../../../fixtures/testCa';

describe('caBundle: the CA file the AWS CLI would trust', () => {
  let ca: TestCa;
  let folder: string;
  before(async () => {
    ca = makeTestCa(['aws.example.test']);
    folder = await mkdtemp(path.join(os.tmpdir(), 'ca-bundle-'));
  });
  after(async () => {
    ca.remove();
    await rm(folder, { recursive: true, force: true });
  });

  it("takes AWS_CA_BUNDLE before the profile's ca_bundle, as botocore does", () => {
    const profile = { name: 'corp', caBundle: '/etc/corp/ca.pem' };
    assert.deepEqual(caBundleOf(profile, { AWS_CA_BUNDLE: '/env/ca.pem' }), { file: '/env/ca.pem', source: 'AWS_CA_BUNDLE' });
    assert.deepEqual(caBundleOf(profile, {}), { file: '/etc/corp/ca.pem', source: 'ca_bundle of profile corp' });
    assert.equal(caBundleOf({ name: 'plain', caBundle: undefined }, {}), undefined);
    assert.equal(caBundleOf(undefined, {}), undefined);
  });

  it("chooses the profile's bundle; for no profile or an unwritten one, AWS_PROFILE's, else default's", () => {
    const profiles = [
      { name: 'default', caBundle: '/ca/default.pem' },
      { name: 'corp', caBundle: '/ca/corp.pem' },
      { name: 'plain', caBundle: undefined },
    ];
    const fileFor = (profile: string | undefined, env: Record<string, string> = {}) => caBundleFor(profile, profiles, env)?.file;
    assert.equal(fileFor('corp'), '/ca/corp.pem');
    assert.equal(fileFor('plain'), undefined, "a written profile without ca_bundle does not take default's");
    assert.equal(fileFor(undefined), '/ca/default.pem');
    assert.equal(fileFor('not-written-yet'), '/ca/default.pem');
    assert.equal(fileFor(undefined, { AWS_PROFILE: 'corp' }), '/ca/corp.pem');
    assert.equal(fileFor('not-written-yet', { AWS_PROFILE: 'corp' }), '/ca/corp.pem');
    assert.equal(fileFor('plain', { AWS_PROFILE: 'corp' }), undefined);
    assert.equal(
      fileFor(undefined, { AWS_PROFILE: 'missing' }),
      undefined,
      'an AWS_PROFILE that names no profile does not fall back to default',
    );
    assert.equal(fileFor('corp', { AWS_CA_BUNDLE: '/env/ca.pem' }), '/env/ca.pem');
    assert.equal(caBundleFor(undefined, [], { AWS_CA_BUNDLE: '/env/ca.pem' })?.source, 'AWS_CA_BUNDLE');
  });

  it('reads every certificate of a PEM bundle', async () => {
    const file = path.join(folder, 'two.pem');
    await writeFile(file, `# Example Corp\n${ca.caPem}\n${ca.cert}`);
    const certificates = await readCaBundle({ file, source: 'AWS_CA_BUNDLE' });
    assert.equal(certificates.length, 2);
    assert.ok(certificates.every((pem) => pem.startsWith('-----BEGIN CERTIFICATE-----') && pem.endsWith('-----END CERTIFICATE-----')));
  });

  it('says when the file is missing, a folder, or holds no PEM certificate, and where it was named', async () => {
    const binary = path.join(folder, 'ca.der');
    await writeFile(binary, Buffer.from([0x30, 0x82, 0x01, 0x0a]));
    const cases: [string, RegExp][] = [
      [path.join(folder, 'missing.pem'), /does not exist/],
      [folder, /is a folder/],
      [binary, /holds no certificate.*openssl x509 -inform der/],
    ];
    for (const [file, message] of cases) {
      await assert.rejects(readCaBundle({ file, source: 'ca_bundle of profile corp' }), (error: Error) => {
        assert.equal(error.name, 'CaBundleUnusable');
        assert.match(error.message, message);
        assert.match(error.message, /ca_bundle of profile corp/);
        return true;
      });
    }
  });
});
