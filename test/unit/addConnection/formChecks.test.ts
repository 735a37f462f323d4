import * as assert from 'node:assert/strict';
import { formErrors, identityCenterErrors } from '../../../src/addConnection/formChecks';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const good = { profileName: 'dev', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: secret, sessionToken: '', region: '' };

describe('the IAM Credential form checks', () => {
  it('accepts long-term keys without a session token, with or without a region', () => {
    assert.deepEqual(formErrors(good), {});
    assert.deepEqual(formErrors({ ...good, region: 'eu-west-1' }), {});
  });

  it('puts each problem on its field, in the words of Create Credentials Profile', () => {
    const errors = formErrors({ ...good, profileName: 'my dev', accessKeyId: secret, secretAccessKey: 'AKIAIOSFODNN7EXAMPLE' });
    assert.deepEqual(Object.keys(errors).sort(), ['accessKeyId', 'profileName', 'secretAccessKey']);
    assert.match(errors.profileName ?? '', /cannot contain spaces/);
    assert.match(errors.accessKeyId ?? '', /capital letters and digits only/);
    assert.match(errors.secretAccessKey ?? '', /looks like an access key ID/);
    assert.ok(!JSON.stringify(errors).includes(secret), 'no message quotes the secret');
  });

  it('asks for the session token of a temporary key, and ignores the field for a long-term one', () => {
    const temporary = { ...good, accessKeyId: 'ASIAIOSFODNN7EXAMPLE' };
    assert.match(formErrors(temporary).sessionToken ?? '', /Enter the session token/);
    assert.match(formErrors({ ...temporary, sessionToken: 'IQo J' }).sessionToken ?? '', /no spaces/);
    assert.deepEqual(formErrors({ ...temporary, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE' }), {});
    assert.deepEqual(formErrors({ ...good, sessionToken: 'leftover from an earlier key' }), {});
  });

  it('checks the IAM Identity Center form: an https start URL, a region, a session name the SDK reads', () => {
    const form = { startUrl: 'https://d-9067c1a2b3.awsapps.com/start', ssoRegion: 'us-east-1', sessionName: 'd-9067c1a2b3' };
    assert.deepEqual(identityCenterErrors(form), {});
    const errors = identityCenterErrors({
      startUrl: 'http://d-9067c1a2b3.awsapps.com/start',
      ssoRegion: 'us-east1',
      sessionName: 'my sso',
    });
    assert.match(errors.startUrl ?? '', /begins with https/);
    assert.match(errors.ssoRegion ?? '', /looks like us-east-1/);
    assert.match(errors.sessionName ?? '', /sso-session name follows the rules of a profile name. A profile name cannot contain spaces/);
    assert.match(identityCenterErrors({ ...form, startUrl: 'not a url' }).startUrl ?? '', /web address/);
    assert.match(
      identityCenterErrors({ ...form, startUrl: 'https://user:pw@x.awsapps.com/start' }).startUrl ?? '',
      /no user name or password/,
    );
    assert.match(identityCenterErrors({ ...form, sessionName: '' }).sessionName ?? '', /Enter an sso-session name/);
    assert.match(identityCenterErrors({ ...form, ssoRegion: '' }).ssoRegion ?? '', /Choose the region/);
  });
});
