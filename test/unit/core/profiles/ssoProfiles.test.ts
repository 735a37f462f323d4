import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { checkProfileName } from '../../../../src/core/ini/writable';
import {
  defaultProfileNameTemplate,
  populatePlan,
  profileNameFrom,
  sameStartUrl,
  sessionForStartUrl,
  sessionNameFrom,
  uniqueNames,
} from '../../../../src/core/profiles/ssoProfiles';

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

describe('sso-sessions by start URL', () => {
  const config =
    '# [sso-session commented]\n# sso_start_url = https://a.awsapps.com/start\n' +
    '[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\n' +
    '[sso-session empty]\n' +
    '[sso-session "quoted"]\nsso_start_url = https://q.awsapps.com/start\n' +
    '[sso-session first]\nsso_start_url = https://D-9067C1A2B3.awsapps.com/start/\n' +
    '[sso-session second]\nsso_start_url = https://d-9067c1a2b3.awsapps.com/start\n' +
    '[sso-session moved]\nsso_start_url = https://old.awsapps.com/start\nsso_start_url = https://new.awsapps.com/start\n';

  it('finds the first session with the start URL, as the SDK reads the file', () => {
    assert.equal(sessionForStartUrl(config, 'https://d-9067c1a2b3.awsapps.com/start'), 'first');
    assert.equal(sessionForStartUrl(config, 'https://d-9067c1a2b3.awsapps.com/start/#/'), 'first');
    assert.equal(sessionForStartUrl(config, 'https://q.awsapps.com/start'), 'quoted');
    assert.equal(sessionForStartUrl(config, 'https://new.awsapps.com/start'), 'moved');
    assert.equal(sessionForStartUrl(config, 'https://old.awsapps.com/start'), undefined, 'the last value wins');
    assert.equal(sessionForStartUrl(config, 'https://a.awsapps.com/start'), undefined, 'a comment is no section');
    assert.equal(sessionForStartUrl(config, 'https://legacy.awsapps.com/start'), undefined, 'a profile is no session');
    assert.equal(sessionForStartUrl(config, 'https://d-9067c1a2b3.awsapps.com/other'), undefined);
    assert.equal(sessionForStartUrl('', 'https://d-9067c1a2b3.awsapps.com/start'), undefined);
    assert.equal(
      sessionForStartUrl(`[profile __proto__]\n${config}`, 'https://d-9067c1a2b3.awsapps.com/start'),
      undefined,
      'the SDK reads nothing from a file its parser refuses',
    );
  });

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

describe('populatePlan: a profile for every account and role', () => {
  const config =
    '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n' +
    '[profile my-own-name]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n' +
    '[profile gone]\nsso_session = corp\nsso_account_id = 999999999999\nsso_role_name = Admin\n' +
    '[profile other-session]\nsso_session = else\nsso_account_id = 444455556666\nsso_role_name = Admin\n' +
    '[profile Admin-Prod]\nregion = eu-west-1\n' +
    '[profile no-role]\nsso_session = corp\n';
  const assignments = [
    { accountId: '111122223333', accountName: 'Dev', roleName: 'ReadOnly' },
    { accountId: '444455556666', accountName: 'Prod', roleName: 'Admin' },
    { accountId: '777788889999', accountName: 'Prod', roleName: 'Admin' },
    { accountId: '444455556666', accountName: 'Prod again', roleName: 'Admin' },
    { accountId: '444455556666', accountName: 'Prod', roleName: 'ReadOnly' },
  ];

  it('keeps the profiles the session has, names the new ones uniquely and reports the vanished', () => {
    assert.deepEqual(populatePlan(config, 'corp', assignments, defaultProfileNameTemplate, new Set(['ReadOnly-Prod'])), {
      add: [
        { name: 'Admin-Prod-2', accountId: '444455556666', roleName: 'Admin' },
        { name: 'Admin-Prod-3', accountId: '777788889999', roleName: 'Admin' },
        { name: 'ReadOnly-Prod-2', accountId: '444455556666', roleName: 'ReadOnly' },
      ],
      kept: ['my-own-name'],
      vanished: ['gone'],
    });
    assert.deepEqual(populatePlan(config, 'else', assignments.slice(0, 1), '{accountName}'), {
      add: [{ name: 'Dev', accountId: '111122223333', roleName: 'ReadOnly' }],
      kept: [],
      vanished: ['other-session'],
    });
  });
});
