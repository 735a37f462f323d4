import * as assert from 'node:assert/strict';
import { checkProfileName, checkSettingKey, checkSettingValue, uneditableProfile } from '../../../../src/core/ini/writable';

describe('writable: what the writer refuses, and why', () => {
  it('accepts the names the SDK accepts', () => {
    for (const name of ['default', 'dev', 'a-b_c', 'user@corp.example', 'team+1', 'a%b', 'arn:aws:x', 'path/like']) {
      assert.equal(checkProfileName(name), undefined, name);
    }
  });

  it('refuses other names with the reason', () => {
    const cases: [string, RegExp][] = [
      ['', /Enter a profile name/],
      ['a\nb', /line break/],
      ['a\rb', /line break/],
      ['dev ', /start or end with a space/],
      ['a[b', /\[ or \]/],
      ['my dev', /spaces/],
      ['dév', /"é"/],
      ['__proto__', /__proto__/],
      ['constructor', /every JavaScript object has a property of that name/],
      ['toString', /every JavaScript object/],
      ['hasOwnProperty', /every JavaScript object/],
      ['__defineGetter__', /every JavaScript object/],
      ['sso-session.corp', /cannot start with sso-session\..*\[sso-session NAME\]/],
      ['services.local', /cannot start with services\./],
      ['dev\uD800', /lone UTF-16 surrogate/],
      ['\uDC00', /lone UTF-16 surrogate/],
    ];
    for (const [name, message] of cases) {
      const problem = checkProfileName(name) ?? '';
      assert.match(problem, message, JSON.stringify(name));
      assert.doesNotMatch(problem, /\p{Cs}/u, 'a message UTF-8 can hold');
    }
    for (const name of ['profile.dev', 'x.sso-session.y', 'constructors', 'a\uD83D\uDE00'.slice(0, 1)]) {
      assert.equal(checkProfileName(name), undefined, name);
    }
  });

  it('refuses values the SDK would cut or misread, without quoting them', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG';
    const cases: [string, RegExp][] = [
      [`${secret} #x`, /comment/],
      [`${secret}\t;x`, /comment/],
      [`#${secret}`, /comment/],
      [`${secret}\n`, /line break/],
      [` ${secret}`, /space/],
      ['', /empty value/],
      [`${secret}\uD800`, /lone UTF-16 surrogate/],
    ];
    for (const [value, message] of cases) {
      const problem = checkSettingValue('aws_secret_access_key', value) ?? '';
      assert.match(problem, message, JSON.stringify(value));
      assert.ok(!problem.includes(secret));
    }
    for (const value of ['abc#def', 'a;b', 'x=y', 'new[value]', 'https://host/path#frag']) {
      assert.equal(checkSettingValue('k', value), undefined, value);
    }
  });

  it('takes setting names of letters, digits, _ and -', () => {
    assert.equal(checkSettingKey('sdk-ua-app-id'), undefined);
    assert.equal(checkSettingKey('a = b'), 'The setting name "a = b" can only contain letters, digits, _ and -.');
    assert.equal(
      checkSettingKey('aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'),
      'The setting name (a name of 62 characters, not shown because it may be a secret) can only contain letters, digits, _ and -.',
    );
    assert.match(checkSettingKey('') ?? '', /Enter/);
    for (const key of ['__proto__', 'constructor', 'toString', 'valueOf']) {
      assert.match(checkSettingKey(key) ?? '', /every JavaScript object has a property of that name/, key);
    }
    assert.doesNotMatch(checkSettingKey('k\uD800') ?? '', /\p{Cs}/u, 'the key is quoted with U+FFFD for the lone surrogate');
  });

  it('refuses what the AWS CLI would read otherwise: a key with capitals, a value ending in what Python strips, the profile DEFAULT', () => {
    assert.equal(
      checkSettingKey('Region'),
      'The setting name Region cannot contain capital letters: the AWS CLI reads it as region, the AWS SDK as another setting.',
    );
    for (const value of ['v\u001c', '\u0085v', 'v\u001f']) {
      assert.match(checkSettingValue('k', value) ?? '', /control character that the AWS CLI takes for a space/, JSON.stringify(value));
    }
    assert.equal(checkSettingValue('k', 'a\u001cb'), undefined, 'inside a value it is only a character');
    assert.match(checkProfileName('DEFAULT') ?? '', /AWS CLI reads a \[DEFAULT\] section as settings for every profile/);
    assert.equal(checkProfileName('Default'), undefined);
  });

  it('says why a profile in the files can only be edited by hand, without quoting a name that may be a secret', () => {
    assert.equal(uneditableProfile('dev'), undefined);
    assert.equal(
      uneditableProfile('my dev'),
      'The profile "my dev" cannot be edited here. A profile name cannot contain spaces: the AWS SDK ignores such profiles. Edit the file by hand.',
    );
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY x';
    const message = uneditableProfile(secret) ?? '';
    assert.match(message, /^The profile \(a name of 42 characters, not shown because it may be a secret\) cannot be edited here\./);
    assert.ok(!message.includes('wJalrXUtnFEMI'));
  });
});
