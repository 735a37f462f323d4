import * as assert from 'node:assert/strict';
import { closestMatch, editDistance } from '../../src/core/didYouMean';
import {
  checkAccessKeyId,
  checkProfileName,
  checkSecretAccessKey,
  checkSessionToken,
  checkSettingKey,
  checkSettingValue,
  isTemporaryAccessKeyId,
} from '../../src/core/fieldRules';

describe('fieldRules', () => {
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
    assert.match(checkSettingKey('a = b') ?? '', /can only contain/);
    assert.match(checkSettingKey('') ?? '', /Enter/);
  });
});

describe('didYouMean', () => {
  it('measures edits, with a transposition as one', () => {
    assert.equal(editDistance('region', 'region'), 0);
    assert.equal(editDistance('regoin', 'region'), 1);
    assert.equal(editDistance('xaws_access_key_id', 'aws_access_key_id'), 1);
    assert.equal(editDistance('abc', ''), 3);
  });

  it('suggests only near misses', () => {
    const known = ['region', 'output', 'aws_access_key_id'];
    assert.equal(closestMatch('Region', known), 'region');
    assert.equal(closestMatch('outptu', known), 'output');
    assert.equal(closestMatch('xaws_access_key_id', known), 'aws_access_key_id');
    assert.equal(closestMatch('hello', known), undefined);
    assert.equal(closestMatch('ab', ['ac']), undefined);
  });

  it('checks an access key ID as it is typed, and never takes a secret for one', () => {
    assert.equal(checkAccessKeyId('AKIAIOSFODNN7EXAMPLE'), undefined);
    assert.equal(checkAccessKeyId('ASIAIOSFODNN7EXAMPLE'), undefined);
    assert.equal(isTemporaryAccessKeyId('ASIAIOSFODNN7EXAMPLE'), true);
    assert.equal(isTemporaryAccessKeyId('AKIAIOSFODNN7EXAMPLE'), false);
    const cases: [string, RegExp][] = [
      ['', /Enter the access key ID/],
      ['AKIA IOSFODNN7EXAMPLE', /no spaces/],
      ['AKIAIOSFODNN7EXAMPLE\n', /no spaces/],
      ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', /capital letters and digits only/],
      ['akiaiosfodnn7example', /capital letters and digits only/],
      ['AKIA1234', /16 to 128 characters long \(usually 20\); this one has 8/],
    ];
    for (const [value, message] of cases) {
      const problem = checkAccessKeyId(value) ?? '';
      assert.match(problem, message, JSON.stringify(value));
      assert.ok(value === '' || !problem.includes(value), 'the message does not quote the value');
    }
  });

  it('checks a secret access key and a session token without quoting them', () => {
    assert.equal(checkSecretAccessKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), undefined);
    assert.match(checkSecretAccessKey('') ?? '', /Enter the secret access key/);
    assert.match(checkSecretAccessKey('wJalrXUtnFEMI/K7MDENG bPxRfiCYEXAMPLEKEY') ?? '', /no spaces/);
    assert.match(checkSecretAccessKey('AKIAIOSFODNN7EXAMPLE') ?? '', /looks like an access key ID/);
    assert.equal(checkSessionToken('IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJGMEQCIH'), undefined);
    assert.match(checkSessionToken('') ?? '', /Enter the session token/);
    assert.match(checkSessionToken('IQoJ b3Jp') ?? '', /no spaces/);
  });
});
