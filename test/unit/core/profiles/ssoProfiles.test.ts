import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { loadSsoSessionData } from '@smithy/core/config';
import { checkProfileName } from '../../../../src/core/ini/writable';
import { applyEdit } from '../../../../src/core/profiles/edits';
import { ProfileEditError, type FileTexts } from '../../../../src/core/profiles/editChecks';
import { addSsoProfiles } from '../../../../src/core/profiles/ssoEdit';
import { defaultProfileNameTemplate } from '../../../../src/core/profiles/ssoNames';
import {
  populatePlan,
  sessionForStartUrl,
  sessionSections,
  type SsoSessionSection,
  type SsoProfileSettings,
  type SsoSessionSettings,
} from '../../../../src/core/profiles/ssoProfiles';
import { buildProfiles, type Profile } from '../../../../src/core/profiles/model';
import { sharedFile } from '../../../../src/core/profiles/read';
import { iniText } from '../../helpers/iniArbitraries';
import { sdkRead, withTempFolder, writeTexts } from '../../helpers/sdkFiles';

const corp: SsoSessionSettings = { name: 'my-sso', startUrl: 'https://d-9067c1a2b3.awsapps.com/start', region: 'us-east-1' };
const readOnly: SsoProfileSettings = { name: 'dev-readonly', accountId: '111122223333', roleName: 'ReadOnly', region: 'us-east-1' };

/** The example of docs/sso.md, byte for byte. */
const documented =
  '[sso-session my-sso]\n' +
  'sso_start_url = https://d-9067c1a2b3.awsapps.com/start\n' +
  'sso_region = us-east-1\n' +
  'sso_registration_scopes = sso:account:access\n' +
  '\n' +
  '[profile dev-readonly]\n' +
  'sso_session = my-sso\n' +
  'sso_account_id = 111122223333\n' +
  'sso_role_name = ReadOnly\n' +
  'region = us-east-1\n';

function refusal(reason: ProfileEditError['reason'], message: RegExp): (error: unknown) => boolean {
  return (error: unknown) => error instanceof ProfileEditError && error.reason === reason && message.test(error.message);
}

describe('addSso: IAM Identity Center profiles in one edit of the config file', () => {
  it('writes an empty or missing config file as aws configure sso does, and nothing into the credentials file', () => {
    const credentials = '[keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n';
    assert.deepEqual(addSsoProfiles({ config: '', credentials }, corp, [readOnly]), { config: documented, credentials });
    assert.deepEqual(addSsoProfiles({ config: undefined, credentials: undefined }, corp, [readOnly]), {
      config: documented,
      credentials: undefined,
    });
  });

  it('appends below comments, CRLF and a missing final newline, changing no byte before', () => {
    const config = '\uFEFF# mine\r\n[default]\r\nregion = eu-west-1 ; home\r\n\r\n; old\r\n# [sso-session my-sso]\r\n# end';
    const { config: after } = addSsoProfiles({ config, credentials: undefined }, corp, [{ ...readOnly, region: undefined }]);
    assert.equal(
      after,
      `${config}\r\n\r\n[sso-session my-sso]\r\nsso_start_url = https://d-9067c1a2b3.awsapps.com/start\r\nsso_region = us-east-1\r\n` +
        'sso_registration_scopes = sso:account:access\r\n\r\n' +
        '[profile dev-readonly]\r\nsso_session = my-sso\r\nsso_account_id = 111122223333\r\nsso_role_name = ReadOnly',
    );
    assert.equal(
      addSsoProfiles({ config: '[default]\nregion = a\n\n', credentials: undefined }, corp, []).config,
      '[default]\nregion = a\n\n[sso-session my-sso]\nsso_start_url = https://d-9067c1a2b3.awsapps.com/start\nsso_region = us-east-1\n' +
        'sso_registration_scopes = sso:account:access\n',
      'no second blank line, and a session alone when no profile is asked for',
    );
  });

  it('reuses a session of that name with the same start URL and region, untouched', async () => {
    const config = '[sso-session my-sso] ; ours\nsso_region = us-east-1\nsso_start_url = https://d-9067c1a2b3.awsapps.com/start/\n';
    const after = addSsoProfiles({ config, credentials: '' }, corp, [readOnly]);
    assert.equal(
      after.config,
      `${config}\n[profile dev-readonly]\nsso_session = my-sso\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = us-east-1\n`,
    );
    const { configFile } = await sdkRead(after);
    assert.deepEqual(configFile['sso-session.my-sso'], {
      sso_region: 'us-east-1',
      sso_start_url: 'https://d-9067c1a2b3.awsapps.com/start/',
    });
    const texts = { config, credentials: '' };
    assert.equal(addSsoProfiles(texts, corp, []), texts, 'nothing to add: the texts as they were');
  });

  it('refuses a session of that name with another start URL or region, or without them, writing nothing', () => {
    const session = (lines: string): FileTexts => ({ config: `[sso-session my-sso]\n${lines}`, credentials: '' });
    const cases: [FileTexts, RegExp][] = [
      [
        session('sso_start_url = https://other.awsapps.com/start\nsso_region = us-east-1\n'),
        /start URL https:\/\/other\.awsapps\.com\/start:/,
      ],
      [
        session('sso_start_url = https://d-9067c1a2b3.awsapps.com/start\nsso_region = eu-west-1\n'),
        /with the region eu-west-1: choose another/,
      ],
      [session('sso_start_url = https://other.awsapps.com/start\n'), /start URL https:\/\/other\.awsapps\.com\/start and no sso_region:/],
      [session('# nothing yet\n'), /with no sso_start_url and no sso_region/],
      [
        {
          config:
            '[sso-session my-sso]\nsso_start_url = https://d-9067c1a2b3.awsapps.com/start\nsso_region = us-east-1\n[sso-session my-sso]\nsso_region = eu-west-1\n',
          credentials: '',
        },
        /the region eu-west-1/,
      ],
    ];
    for (const [texts, message] of cases) {
      assert.throws(() => addSsoProfiles(texts, corp, [readOnly]), refusal('exists', message), texts.config);
    }
  });

  it('adds many profiles in one edit, in order', () => {
    const profiles = ['111122223333', '444455556666', '777788889999'].map((accountId, position) => ({
      name: `p${position}`,
      accountId,
      roleName: position === 2 ? 'Admin' : 'ReadOnly',
      ...(position === 1 ? { region: 'eu-west-1' } : {}),
    }));
    const { config } = applyEdit({ config: '[default]\nregion = a\n', credentials: '' }, { kind: 'addSso', session: corp, profiles });
    assert.equal(
      config,
      '[default]\nregion = a\n\n' +
        '[sso-session my-sso]\nsso_start_url = https://d-9067c1a2b3.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n' +
        '[profile p0]\nsso_session = my-sso\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n\n' +
        '[profile p1]\nsso_session = my-sso\nsso_account_id = 444455556666\nsso_role_name = ReadOnly\nregion = eu-west-1\n\n' +
        '[profile p2]\nsso_session = my-sso\nsso_account_id = 777788889999\nsso_role_name = Admin\n',
    );
  });

  it('refuses names that are taken, given twice or invalid, for profiles and sessions alike', () => {
    const texts = { config: '[profile dev-readonly]\nregion = a\n', credentials: '[keys]\naws_access_key_id = A\n' };
    const other = { ...readOnly, name: 'other' };
    const cases: [SsoSessionSettings, SsoProfileSettings[], ProfileEditError['reason'], RegExp][] = [
      [corp, [other, readOnly], 'exists', /A profile named dev-readonly already exists/],
      [corp, [{ ...readOnly, name: 'keys' }], 'exists', /A profile named keys already exists/],
      [corp, [other, other], 'exists', /A profile named other is in the list twice/],
      [corp, [{ ...readOnly, name: 'my dev' }], 'invalidName', /cannot contain spaces/],
      [corp, [{ ...readOnly, name: '__proto__' }], 'invalidName', /__proto__/],
      [corp, [{ ...readOnly, name: 'sso-session.x' }], 'invalidName', /cannot start with sso-session\./],
      [{ ...corp, name: 'my sso' }, [other], 'invalidName', /^An sso-session name follows the rules of a profile name\. .*spaces/],
      [{ ...corp, name: 'constructor' }, [other], 'invalidName', /sso-session name.*JavaScript object/],
      [{ ...corp, name: 'a]\n[evil' }, [other], 'invalidName', /line break/],
      [{ ...corp, name: '' }, [other], 'invalidName', /^Enter an sso-session name: profiles name it with sso_session\.$/],
      [{ ...corp, startUrl: 'https://x.awsapps.com/start #home' }, [other], 'invalidSetting', /sso_start_url.*comment/],
      [{ ...corp, region: '' }, [other], 'invalidSetting', /Enter a value for sso_region/],
      [{ ...corp, scopes: [] }, [other], 'invalidSetting', /at least one registration scope/],
      [{ ...corp, scopes: ['a,b'] }, [other], 'invalidSetting', /without commas or spaces/],
      [corp, [{ ...other, accountId: '1111 # 2' }], 'invalidSetting', /sso_account_id/],
      [corp, [{ ...other, region: '' }], 'invalidSetting', /Enter a value for region/],
      [corp, [{ ...other, roleName: 'a\nb' }], 'invalidSetting', /line break/],
    ];
    for (const [session, profiles, reason, message] of cases) {
      assert.throws(() => addSsoProfiles(texts, session, profiles), refusal(reason, message), JSON.stringify([session, profiles]));
    }
  });

  it('writes the scopes asked for, and refuses a file the SDK reads nothing from', () => {
    const { config } = addSsoProfiles(
      { config: '', credentials: '' },
      { ...corp, scopes: ['sso:account:access', 'codewhisperer:completions'] },
      [],
    );
    assert.match(config ?? '', /^sso_registration_scopes = sso:account:access,codewhisperer:completions$/m);
    assert.throws(
      () => addSsoProfiles({ config: '[profile __proto__]\nk = v\n', credentials: '' }, corp, [readOnly]),
      refusal('fileRefused', /reads nothing from the config file/),
    );
  });
});

describe('addSso: the SDK reads back exactly what was asked (property)', () => {
  const plainName = (first: string): fc.Arbitrary<string> =>
    fc.stringMatching(/^[A-Za-z0-9_@+.%:/-]{0,8}$/).map((rest) => `${first}${rest}`);
  const session = fc.record({
    name: plainName('s'),
    startUrl: fc
      .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/), fc.constantFrom('', '/', '/#/'))
      .map(([label, end]) => `https://${label}.awsapps.com/start${end}`),
    region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2'),
    scopes: fc.option(fc.constantFrom(['sso:account:access'], ['sso:account:access', 'codewhisperer:analysis']), { nil: undefined }),
  });
  const profiles = fc.uniqueArray(
    fc.record({
      name: plainName('n'),
      accountId: fc.stringMatching(/^[0-9]{12}$/),
      roleName: fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,16}$/),
      region: fc.option(fc.constantFrom('us-east-1', 'eu-central-1'), { nil: undefined }),
    }),
    { selector: (profile) => profile.name, maxLength: 6 },
  );

  function expectedProfile({ accountId, roleName, region }: SsoProfileSettings, sessionName: string): Record<string, string> {
    return { sso_session: sessionName, sso_account_id: accountId, sso_role_name: roleName, ...(region === undefined ? {} : { region }) };
  }

  it('adds the session and the profiles to any config file, after its text, and changes nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(iniText, iniText, session, profiles, async (config, credentials, asked, wanted) => {
        fc.pre(checkProfileName(asked.name) === undefined && wanted.every(({ name }) => checkProfileName(name) === undefined));
        const before = { config, credentials };
        const after = addSsoProfiles(before, asked, wanted);
        assert.ok(after.config?.startsWith(config), 'the old text is a prefix');
        assert.equal(after.credentials, credentials);
        const [read, old] = [await sdkRead(after), await sdkRead(before)];
        assert.deepEqual(read.configFile[`sso-session.${asked.name}`], {
          sso_start_url: asked.startUrl,
          sso_region: asked.region,
          sso_registration_scopes: (asked.scopes ?? ['sso:account:access']).join(','),
        });
        for (const profile of wanted) {
          assert.deepEqual(read.configFile[profile.name], expectedProfile(profile, asked.name));
        }
        const added = new Set([`sso-session.${asked.name}`, ...wanted.map(({ name }) => name)]);
        const others = Object.fromEntries(Object.entries(read.configFile).filter(([key]) => !added.has(key)));
        assert.deepEqual(others, old.configFile);
        assert.deepEqual(read.credentialsFile, old.credentialsFile);
      }),
      { numRuns: 80 },
    );
  });

  it('reuses a session that has the same start URL and region, leaving its lines as they were', async () => {
    await fc.assert(
      fc.asyncProperty(iniText, session, profiles, fc.constantFrom('', '/'), async (config, asked, wanted, slash) => {
        fc.pre(checkProfileName(asked.name) === undefined && wanted.every(({ name }) => checkProfileName(name) === undefined));
        const existing = addSsoProfiles({ config, credentials: undefined }, { ...asked, scopes: ['other:scope'] }, []).config ?? '';
        const after = addSsoProfiles({ config: existing, credentials: undefined }, { ...asked, startUrl: asked.startUrl + slash }, wanted);
        assert.ok(after.config?.startsWith(existing));
        const appended = (after.config ?? '').slice(existing.length);
        assert.ok(!appended.includes('[sso-session'), 'no second session section');
        await withTempFolder(async (folder) => {
          const paths = await writeTexts(folder, after);
          const sessions = await loadSsoSessionData({ configFilepath: paths.config });
          assert.equal(sessions[asked.name]?.['sso_registration_scopes'], 'other:scope');
        });
        const { configFile } = await sdkRead(after);
        for (const profile of wanted) {
          assert.deepEqual(configFile[profile.name], expectedProfile(profile, asked.name));
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** The sessions and the IAM Identity Center profiles of a config file, as a read gives them. */
function read(config: string, credentials = ''): { sessions: SsoSessionSection[]; profiles: Profile[] } {
  const files = {
    config: sharedFile('config', '/config', { text: config, readError: undefined }),
    credentials: sharedFile('credentials', '/credentials', { text: credentials, readError: undefined }),
  };
  const profiles = buildProfiles(files);
  return { sessions: sessionSections(files.config), profiles };
}

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
    assert.equal(sessionForStartUrl(read(config).sessions, 'https://d-9067c1a2b3.awsapps.com/start')?.name, 'first');
    assert.equal(sessionForStartUrl(read(config).sessions, 'https://d-9067c1a2b3.awsapps.com/start/#/')?.name, 'first');
    assert.equal(sessionForStartUrl(read(config).sessions, 'https://q.awsapps.com/start')?.name, 'quoted');
    assert.equal(sessionForStartUrl(read(config).sessions, 'https://new.awsapps.com/start')?.name, 'moved');
    assert.equal(sessionForStartUrl(read(config).sessions, 'https://old.awsapps.com/start')?.name, undefined, 'the last value wins');
    assert.equal(sessionForStartUrl(read(config).sessions, 'https://a.awsapps.com/start')?.name, undefined, 'a comment is no section');
    assert.equal(sessionForStartUrl(read(config).sessions, 'https://legacy.awsapps.com/start')?.name, undefined, 'a profile is no session');
    assert.equal(sessionForStartUrl(read(config).sessions, 'https://d-9067c1a2b3.awsapps.com/other')?.name, undefined);
    assert.equal(sessionForStartUrl(read('').sessions, 'https://d-9067c1a2b3.awsapps.com/start')?.name, undefined);
    assert.equal(
      sessionForStartUrl(read(`[profile __proto__]\n${config}`).sessions, 'https://d-9067c1a2b3.awsapps.com/start')?.name,
      undefined,
      'the SDK reads nothing from a file its parser refuses',
    );
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
    // A name taken in the credentials file only is taken too.
    const { profiles } = read(config, '[ReadOnly-Prod]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s\n');
    assert.deepEqual(populatePlan(profiles, 'corp', assignments, defaultProfileNameTemplate), {
      add: [
        { name: 'Admin-Prod-2', accountId: '444455556666', roleName: 'Admin' },
        { name: 'Admin-Prod-3', accountId: '777788889999', roleName: 'Admin' },
        { name: 'ReadOnly-Prod-2', accountId: '444455556666', roleName: 'ReadOnly' },
      ],
      kept: [{ name: 'my-own-name', accountId: '111122223333', roleName: 'ReadOnly' }],
      vanished: ['gone'],
    });
    assert.deepEqual(populatePlan(read(config).profiles, 'else', assignments.slice(0, 1), '{accountName}'), {
      add: [{ name: 'Dev', accountId: '111122223333', roleName: 'ReadOnly' }],
      kept: [],
      vanished: ['other-session'],
    });
  });

  it('plans an edit that applies, after which nothing is left to add', async () => {
    const before = read(config);
    const plan = populatePlan(before.profiles, 'corp', assignments, defaultProfileNameTemplate);
    const session = { name: 'corp', startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1' };
    const after = addSsoProfiles({ config, credentials: '' }, session, plan.add);
    const { configFile } = await sdkRead(after);
    for (const { name, accountId, roleName } of plan.add) {
      assert.deepEqual(configFile[name], { sso_session: 'corp', sso_account_id: accountId, sso_role_name: roleName });
    }
    const reread = read(after.config ?? '');
    assert.deepEqual(populatePlan(reread.profiles, 'corp', assignments, defaultProfileNameTemplate), {
      add: [],
      kept: [{ name: 'my-own-name', accountId: '111122223333', roleName: 'ReadOnly' }, ...plan.add],
      vanished: ['gone'],
    });
    assert.deepEqual(populatePlan(reread.profiles, 'corp', [], defaultProfileNameTemplate).kept, []);
  });
});
