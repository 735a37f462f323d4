import * as assert from 'node:assert/strict';
import { chosenRolesProblems, roleChoices, sessionFor } from '../../../src/addConnection/identityCenterChoices';
import { snapshotOfTexts } from '../helpers/snapshots';

const config =
  '[sso-session corp]\nsso_start_url = https://d-9067c1a2b3.awsapps.com/start\nsso_region = eu-west-1\n' +
  '[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n' +
  '[profile ReadOnly-prod]\nregion = us-east-1\n';
const assignments = [
  { accountId: '111122223333', accountName: 'dev', emailAddress: undefined, roleName: 'ReadOnly' },
  { accountId: '444455556666', accountName: 'prod', emailAddress: undefined, roleName: 'ReadOnly' },
];

describe('the IAM Identity Center choices of the panel', () => {
  it('signs in with the session that has the start URL, whatever name was typed, and refuses a name another session has', async () => {
    const { ssoSessions } = await snapshotOfTexts({ config });
    const form = { startUrl: 'https://d-9067c1a2b3.awsapps.com/start/', ssoRegion: 'us-east-1', sessionName: 'typed' };
    assert.deepEqual(sessionFor(form, ssoSessions), {
      name: 'corp',
      startUrl: 'https://d-9067c1a2b3.awsapps.com/start',
      region: 'eu-west-1',
      scopes: ['sso:account:access'],
    });
    assert.match(
      (sessionFor({ ...form, startUrl: 'https://other.awsapps.com/start', sessionName: 'corp' }, ssoSessions) as { error: string }).error,
      /A session named corp already exists with another start URL/,
    );
    assert.equal((sessionFor({ ...form, startUrl: 'https://other.awsapps.com/start' }, ssoSessions) as { name: string }).name, 'typed');
  });

  it('offers each role under a free name from the template, or with the profile that has it', async () => {
    const profiles = (await snapshotOfTexts({ config })).reports.map((report) => report.profile);
    assert.deepEqual(
      roleChoices(profiles, 'corp', assignments, '{roleName}-{accountName}').map(({ profileName, existingProfile }) => [
        profileName,
        existingProfile,
      ]),
      [
        ['dev', 'dev'],
        ['ReadOnly-prod-2', undefined],
      ],
    );
  });

  it('says next to each chosen role what is wrong with its name, and above them what is wrong with the choice', () => {
    const taken = new Set(['dev']);
    const role = { accountId: '444455556666', roleName: 'ReadOnly' };
    assert.equal(chosenRolesProblems([{ ...role, profileName: 'prod' }], 'us-east-1', assignments, taken), undefined);
    assert.deepEqual(
      chosenRolesProblems(
        [
          { ...role, profileName: 'dev' },
          { accountId: '999999999999', roleName: 'Admin', profileName: 'x' },
        ],
        'us-east-1',
        assignments,
        taken,
      ),
      {
        errors: {
          '444455556666/ReadOnly': 'A profile named dev already exists.',
          '999999999999/Admin': 'This role is not one of your sign-in.',
        },
      },
    );
    assert.match(
      chosenRolesProblems([{ ...role, profileName: 'my prod' }], 'us-east-1', assignments, taken)?.errors['444455556666/ReadOnly'] ?? '',
      /spaces/,
    );
    assert.deepEqual(chosenRolesProblems([], 'us-east-1', assignments, taken), { errors: {}, formError: 'Choose at least one role.' });
    assert.match(
      chosenRolesProblems([{ ...role, profileName: 'prod' }], 'us-east1', assignments, taken)?.formError ?? '',
      /looks like us-east-1/,
    );
  });
});
