import * as assert from 'node:assert/strict';
import { checkProfileName, checkSettingKey, checkSettingValue } from '../../../../src/core/ini/writable';

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
    ];
    for (const [name, message] of cases) {
      assert.match(checkProfileName(name) ?? '', message, JSON.stringify(name));
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
  });
});
