import * as assert from 'node:assert/strict';
import { scanIni, type IniSection } from '../../../../src/core/ini/scan';
import {
  bareDefaultIsHidden,
  commentOffset,
  isCommentLine,
  isSdkName,
  profileHeader,
  readHeader,
  sectionTarget,
  setsKey,
  setsTopLevelKey,
} from '../../../../src/core/ini/syntax';

function sections(text: string): readonly IniSection[] {
  return scanIni(text).sections;
}

describe('syntax: the SDK file rules', () => {
  it('starts a comment at the start of a line or after white space, never inside a word', () => {
    assert.equal(commentOffset('region = us-east-1 # note'), 'region = us-east-1'.length);
    assert.equal(commentOffset('region = us-east-1\t;note'), 'region = us-east-1'.length);
    assert.equal(commentOffset('key = a#b;c'), 'key = a#b;c'.length);
    assert.equal(commentOffset('# all of it'), 0);
    assert.deepEqual(['  # c', '; c', '', 'k = v # c', 'a#b'].map(isCommentLine), [true, true, false, false, false]);
  });

  it('reads headers as the SDK does: the three prefixes, quoted names, and names it drops', () => {
    assert.deepEqual(readHeader('[profile dev]'), { rawName: 'profile dev', prefix: 'profile', name: 'dev', sdkKey: 'profile.dev' });
    assert.deepEqual(readHeader(`[sso-session 'corp']`).sdkKey, 'sso-session.corp');
    assert.equal(readHeader('[services local]').prefix, 'services');
    assert.equal(readHeader('[foo bar]').sdkKey, undefined, 'an unknown prefix is dropped');
    assert.equal(readHeader('[default]').sdkKey, 'default');
    assert.equal(readHeader('[]').sdkKey, undefined);
    assert.deepEqual(['dev', 'user@corp.example', 'a:b/c%d+e'].map(isSdkName), [true, true, true]);
    assert.deepEqual(['my dev', 'dév', 'a]b', ''].map(isSdkName), [false, false, false, false]);
  });

  it('says what a section defines in each file, and the header the writer writes for a profile', () => {
    const [prefixed, bare] = sections('[profile dev]\nk = v\n[dev]\nk = v\n');
    assert.ok(prefixed && bare);
    assert.deepEqual(sectionTarget('config', prefixed), { kind: 'profile', name: 'dev' });
    assert.equal(sectionTarget('config', bare), undefined, '[dev] means nothing in the config file');
    assert.deepEqual(sectionTarget('credentials', bare), { kind: 'profile', name: 'dev' });
    assert.deepEqual(
      sectionTarget('credentials', prefixed),
      { kind: 'profile', name: 'profile.dev' },
      'the SDK files [profile dev] of the credentials file under profile.dev',
    );
    const [quoted, dotted, proto] = sections('[profile "__proto__"]\nk = v\n[profile.dev]\nk = v\n[profile.__proto__]\nk = v\n');
    assert.ok(quoted && dotted && proto);
    assert.deepEqual(sectionTarget('config', dotted), { kind: 'profile', name: 'dev' }, '[profile.dev] is filed like [profile dev]');
    assert.deepEqual(
      [sectionTarget('config', quoted), sectionTarget('config', proto)],
      [undefined, undefined],
      'a config profile named __proto__ replaces the prototype of what the SDK returns',
    );
    assert.deepEqual(
      [profileHeader('config', 'dev'), profileHeader('config', 'default'), profileHeader('credentials', 'dev')],
      ['[profile dev]', '[default]', '[dev]'],
    );
  });

  it('hides [default] behind a [profile default] that holds a value, in the config file only', () => {
    assert.equal(bareDefaultIsHidden('config', sections('[default]\na = 1\n[profile default]\nb = 2\n')), true);
    assert.equal(bareDefaultIsHidden('config', sections('[default]\na = 1\n[profile default]\ns3 =\n')), false, 'an opener stores nothing');
    assert.equal(bareDefaultIsHidden('credentials', sections('[default]\na = 1\n[profile default]\nb = 2\n')), false);
  });

  it('knows which lines set a key: not a sub-section opener, and a sub-section key under its parent', () => {
    const [section] = sections('[p]\nregion = x\ns3 =\n  max = 10\n');
    const entries = section?.entries ?? [];
    assert.deepEqual(
      entries.map((entry) => [entry.key, setsKey(entry, entry.key), setsTopLevelKey(entry)]),
      [
        ['region', true, true],
        ['s3', false, false],
        ['s3.max', true, false],
      ],
    );
  });
});
