import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { checkProfileName } from '../../../../src/core/ini/writable';
import {
  defaultProfileNameTemplate,
  profileNameFrom,
  sameStartUrl,
  sessionNameFrom,
  uniqueNames,
} from '../../../../src/core/profiles/ssoNames';

describe('profile names from a template', () => {
  const values = { accountId: '111122223333', accountName: 'Production', roleName: 'AdministratorAccess', session: 'corp' };

  it('fills each placeholder once, keeping other text', () => {
    assert.equal(defaultProfileNameTemplate, '{roleName}-{accountName}');
    assert.equal(profileNameFrom(defaultProfileNameTemplate, values), 'AdministratorAccess-Production');
    assert.equal(profileNameFrom('{session}.{accountId}/{roleName}', values), 'corp.111122223333/AdministratorAccess');
    assert.equal(profileNameFrom('{accountName}', { ...values, accountName: '{roleName}$&' }), 'roleName');
    assert.equal(profileNameFrom('{other}-{accountName}', values), 'other-Production');
  });

  it('turns what the SDK would refuse into -, and mends names the writer refuses', () => {
    const cases: [string, string][] = [
      ['  My Prod  Account ', 'AdministratorAccess-My-Prod-Account'],
      ['Zürich 🚀 team', 'AdministratorAccess-Z-rich-team'],
      ['a/b:c@d+e%f.g_h', 'AdministratorAccess-a/b:c@d+e%f.g_h'],
      ['--x--y--', 'AdministratorAccess-x-y'],
      ['[prod]\n#1', 'AdministratorAccess-prod-1'],
      ['\uD800lone', 'AdministratorAccess-lone'],
    ];
    for (const [accountName, name] of cases) {
      assert.equal(profileNameFrom(defaultProfileNameTemplate, { ...values, accountName }), name, accountName);
    }
    const alone: [string, string][] = [
      ['__proto__', '__proto__-profile'],
      ['constructor', 'constructor-profile'],
      ['sso-session.x', 'profile-sso-session.x'],
      ['services.local', 'profile-services.local'],
      ['', 'AdministratorAccess-111122223333'],
      [' ', 'AdministratorAccess-111122223333'],
      ['日本', 'AdministratorAccess-111122223333'],
    ];
    for (const [accountName, name] of alone) {
      assert.equal(profileNameFrom('{accountName}', { ...values, accountName }), name, accountName);
    }
    assert.equal(profileNameFrom('', { ...values, roleName: ' ', accountId: '' }), 'sso-profile');
  });

  it('always gives a name the writer accepts (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(' ', '-', '.', 'a', '/', '[', '_', 'é', '\uD83D', '{', '}'), maxLength: 12 }),
      fc.constantFrom('__proto__', 'constructor', 'sso-session.', 'services.x', 'hasOwnProperty'),
    );
    fc.assert(
      fc.property(text, text, text, text, text, (template, accountName, accountId, roleName, session) => {
        const name = profileNameFrom(template, { accountName, accountId, roleName, session });
        assert.equal(checkProfileName(name), undefined, name);
        assert.doesNotMatch(name, /--|^-|-$/);
        assert.equal(checkProfileName(sessionNameFrom(template)), undefined);
      }),
      { numRuns: 500 },
    );
  });

  it('makes names unique against the taken ones and one another, keeping order', () => {
    assert.deepEqual(uniqueNames(['a', 'b', 'a', 'c', 'a'], new Set(['c', 'a-2'])), ['a', 'b', 'a-3', 'c-2', 'a-4']);
    assert.deepEqual(uniqueNames(['a', 'a', 'a-2'], new Set()), ['a', 'a-2', 'a-2-2']);
    assert.deepEqual(uniqueNames([], new Set(['a'])), []);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'a-2', 'b', 'a-3')),
        fc.uniqueArray(fc.constantFrom('a', 'a-2', 'b', 'b-2')),
        (wanted, taken) => {
          const names = uniqueNames(wanted, new Set(taken));
          assert.equal(new Set([...names, ...taken]).size, names.length + taken.length);
          names.forEach((name, position) => assert.ok(name === wanted[position] || name.startsWith(`${wanted[position]}-`)));
        },
      ),
    );
  });
});

describe('start URLs and session names', () => {
  it('compares start URLs without a trailing /, a fragment or the case of the host', () => {
    assert.ok(sameStartUrl('https://x.awsapps.com/start/', 'https://x.awsapps.com/start'));
    assert.ok(sameStartUrl('https://X.awsapps.com/start#/', ' https://x.awsapps.com/start '));
    assert.ok(!sameStartUrl('https://x.awsapps.com/start', 'https://x.awsapps.com/Start'));
    assert.ok(!sameStartUrl('https://x.awsapps.com/start', 'https://y.awsapps.com/start'));
    assert.ok(sameStartUrl('not a url/', 'not a url'));
  });

  it('names a session after the start URL', () => {
    const cases: [string, string][] = [
      ['https://d-9067c1a2b3.awsapps.com/start', 'd-9067c1a2b3'],
      ['https://my-company.awsapps.com/start/#/', 'my-company'],
      ['https://AnyCompany.awsapps.com/start', 'anycompany'],
      ['https://start.us-gov-home.awsapps.com/directory/d-906766d33c', 'd-906766d33c'],
      ['https://ssoins-7223a1d4b5e6f7a8.portal.us-east-1.app.aws', 'ssoins-7223a1d4b5e6f7a8'],
      ['http://localhost:4566/start', 'localhost'],
      ['https://__proto__.example.com/', '__proto__-sso'],
      ['my company portal', 'my-company-portal'],
      ['', 'sso'],
    ];
    for (const [startUrl, name] of cases) {
      assert.equal(sessionNameFrom(startUrl), name, startUrl);
    }
  });
});
