import * as assert from 'node:assert/strict';
import { scanIni } from '../../../../src/core/ini/scan';
import { hiddenDefaults, profileSections, sdkSections, sectionIndexOf } from '../../../../src/core/ini/sections';
import { sharedFile } from '../../../../src/core/profiles/read';
import { sdkReadInMemory, sdkValuesOf } from '../../helpers/sdkFiles';

describe('sections: what the SDK makes of the sections of a scan', () => {
  it('indexes profiles, sso-sessions and services by name, duplicates together', () => {
    const scan = scanIni('[profile a]\nk = 1\n[sso-session s]\nsso_region = us-east-1\n[services x]\n[profile a]\nj = 2\n');
    const index = sectionIndexOf('config', scan);
    assert.deepEqual(
      profileSections('config', scan, 'a').map((section) => section.index),
      [0, 5],
    );
    assert.deepEqual([...index['sso-session'].keys(), ...index.services.keys()], ['s', 'x']);
    assert.equal(sectionIndexOf('config', scan), index, 'built once per scan');
  });

  it('lets [profile default] with a value stand for default, else [default]', () => {
    const hidden = scanIni('[default]\na = 1\n[profile default]\nb = 2\n');
    assert.deepEqual(
      profileSections('config', hidden, 'default').map((section) => section.rawName),
      ['profile default'],
    );
    const empty = scanIni('[default]\na = 1\n[profile default]\n');
    assert.deepEqual(
      profileSections('config', empty, 'default').map((section) => section.rawName),
      ['default'],
    );
  });

  it('lets an empty [profile default] stand for default when there is no [default], and knows which [default] it hides', () => {
    const alone = scanIni('[profile default]\n[profile dev]\nk = v\n');
    assert.deepEqual(
      profileSections('config', alone, 'default').map((section) => section.rawName),
      ['profile default'],
    );
    assert.deepEqual(
      hiddenDefaults('config', scanIni('[default]\na = 1\n[default]\n[profile default]\nb = 2\n')).map((section) => section.index),
      [0],
      'only a [default] with a value is read once [profile default] is gone',
    );
    assert.deepEqual(hiddenDefaults('config', scanIni('[default]\na = 1\n[profile default]\n')), []);
    assert.deepEqual(hiddenDefaults('credentials', scanIni('[default]\na = 1\n[profile default]\nb = 2\n')), []);
  });

  it('reads a [constructor]-like section as a process reading only that file finds it on the built-in', async () => {
    const credentials = '[constructor]\nregion = x\nname = y\n[valueOf]\nlength = z\n[toString]\n[profile dev]\nk = v\n';
    const ours = Object.fromEntries(sdkSections('credentials', scanIni(credentials)));
    assert.deepEqual(ours, { constructor: { region: 'x' }, valueOf: {}, 'profile.dev': { k: 'v' } });
    assert.deepEqual(ours, (await sdkReadInMemory({ config: undefined, credentials })).credentialsFile);
    assert.deepEqual(Object.fromEntries(sdkSections('config', scanIni(credentials))), { dev: { k: 'v' } });
  });

  it('returns the values the SDK loader returns, prefixes mapped as getConfigData maps them', () => {
    const values = sdkSections('config', scanIni('[default]\na = 1\n[profile dev]\nb = 2\n[sso-session s]\nc = 3\n[foo bar]\nd = 4\n'));
    assert.deepEqual(Object.fromEntries(values), { default: { a: '1' }, dev: { b: '2' }, 'sso-session.s': { c: '3' } });
    assert.equal(sdkSections('credentials', scanIni('[a]\nk = v\n[__proto__]\nk = v\n')).size, 0, 'a file the SDK refuses reads as empty');
  });

  it('files [default] first and lets [profile default] replace it whole, wherever each is, in the order the SDK loader gives', async () => {
    const configs = [
      '[default]\na = 1\n[profile x]\nb = 2\n[profile default]\nc = 3\n',
      '[profile x]\nb = 2\n[default]\na = 1\n',
      '[profile x]\nb = 2\n[profile default]\nc = 3\n[default]\na = 1\n',
      '[profile x]\nb = 2\n[profile default]\nc = 3\n',
      '[default]\n[profile x]\nb = 2\n[default]\na = 1\n[profile default]\n',
      // A profile named like a prefixed key: the section the parser meets later replaces the other whole (a fuzz case).
      '[profile sso-session.corp]\n sso_session= AKIAIOSFODNN7EXAMPLE\n[sso-session.corp] # c\nsso_start_url = json\n',
      '[sso-session corp]\nsso_start_url = json\n[profile sso-session.corp]\nregion = us-east-1\n[sso-session corp]\nsso_region = x\n',
      '[profile services.s3]\nregion = a\n[services s3]\ns3 =\n  endpoint_url = b\n[profile services.s3]\noutput = c\n',
      // The name whose own sections hold no value still reads the values filed under its key (two fuzz cases).
      '[services.local] # c\n[profile services.local]\nregion = eu-west-1\n',
      '[sso-session.corp] # c\nsso_region = eu-west-1\n[profile "sso-session.corp"]\n',
    ];
    for (const config of configs) {
      const ours = [...sdkSections('config', scanIni(config))];
      const sdk = Object.entries((await sdkReadInMemory({ config, credentials: undefined })).configFile);
      assert.deepEqual(ours, sdk, config);
      // Profiles are read from the section index: each name there holds what the SDK files under its key.
      sdkValuesOf(sharedFile('config', '/c', { text: config, readError: undefined }));
    }
  });
});
