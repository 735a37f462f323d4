import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { describeAwsError } from '../../../src/core/aws/errors';
import { checkProfileName, sdkNameHint } from '../../../src/core/ini/writable';
import { completionsAt } from '../../../src/core/language/completion';
import { hoverAt } from '../../../src/core/language/hover';
import { sharedFile } from '../../../src/core/profiles/read';
import { exportFormats } from '../../../src/core/aws/export/formats';
import { keyAgeWords } from '../../../src/core/aws/iam/keyAge';
import { profileDescription } from '../../../src/core/present/profileLabels';
import { deleteProfile } from '../../../src/core/profiles/edits';
import { statusBarView } from '../../../src/core/present/statusBarView';
import { checkAccessKeyId } from '../../../src/core/validation/fieldChecks';
import { formErrors } from '../../../src/addConnection/formChecks';
import { reportOf } from '../helpers/snapshots';

/** A made-up German bundle, keyed by the English as l10n/bundle.l10n.json is. */
const german: Record<string, string> = {
  'Account: {0}': 'Konto: {0}',
  '{0}, connected, account {1}': '{0}, verbunden, Konto {1}',
  'A profile name cannot contain spaces: the AWS SDK ignores such profiles.': 'Ein Profilname enthält keine Leerzeichen.',
  'An access key ID is {0} to {1} characters long (usually 20); this one has {2}.':
    'Eine Zugriffsschlüssel-ID hat {0} bis {1} Zeichen, diese {2}.',
  'invalid: {0}': 'ungültig: {0}',
  'missing properties: {0}': 'fehlende Einstellungen: {0}',
  'AWS could not be reached ({0}). Check your network or proxy and try again.': 'AWS ist nicht erreichbar ({0}).',
  '{0} is not a setting the AWS SDK knows; did you mean {1}?': '{0} kennt das AWS SDK nicht; meinten Sie {1}?',
  'A named profile: credentials and settings.': 'Ein benanntes Profil: Anmeldedaten und Einstellungen.',
  'Region: not set': 'Region: nicht gesetzt',
  'There is no profile named {0}.': 'Es gibt kein Profil namens {0}.',
  'a name of letters, digits and - _ @ + . % : / only': 'ein Name nur aus Buchstaben, Ziffern und - _ @ + . % : /',
  '.env file': '.env-Datei',
  'key {0} day old': 'Schlüssel {0} Tag alt',
  'key {0} days old': 'Schlüssel {0} Tage alt',
};

/** Runs `check` with the bundle configured, and English again afterwards whatever happens (no other test sees German). */
function inGerman(check: () => void | Promise<void>): () => Promise<void> {
  return async () => {
    l10n.config({ contents: german });
    try {
      await check();
    } finally {
      l10n.config({ contents: {} });
    }
  };
}

const connected = {
  kind: 'connected',
  profile: 'dev',
  region: 'eu-west-1',
  identity: { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/Alice', userId: 'AIDAEXAMPLE' },
  expiration: undefined,
} as const;

describe("core's texts in VS Code's language (@vscode/l10n, configured by activate)", () => {
  it(
    'translates a status bar tooltip line and the accessible label, never the status bar text',
    inGerman(() => {
      const view = statusBarView(connected);
      assert.ok(view.tooltip.split('\n\n').includes('Konto: 123456789012'), view.tooltip);
      assert.equal(view.ariaLabel, 'AWS: profile:dev, verbunden, Konto 123456789012');
      assert.equal(view.text, '$(cloud) AWS: profile:dev');
    }),
  );

  it(
    "translates the field checks, in the panel's form errors too, with the values as arguments",
    inGerman(() => {
      assert.equal(checkProfileName('my dev'), 'Ein Profilname enthält keine Leerzeichen.');
      assert.equal(checkAccessKeyId('AKIAEXAMPLE'), 'Eine Zugriffsschlüssel-ID hat 16 bis 128 Zeichen, diese 11.');
      const errors = formErrors({ profileName: 'my dev', accessKeyId: '', secretAccessKey: '', sessionToken: '', region: '' });
      assert.equal(errors.profileName, 'Ein Profilname enthält keine Leerzeichen.');
    }),
  );

  it(
    "translates a validator's problem, as the Profiles view describes an invalid profile",
    inGerman(async () => {
      const report = await reportOf('half', { credentials: '[half]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' });
      assert.equal(profileDescription(report), 'ungültig: fehlende Einstellungen: aws_secret_access_key');
    }),
  );

  it(
    "translates a line's problem, with the key and the suggestion as arguments",
    inGerman(async () => {
      const report = await reportOf('typo', {
        credentials: '[typo]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\nregoin = us-east-1\n',
      });
      assert.ok(
        report.problems.some((problem) => problem.message === 'regoin kennt das AWS SDK nicht; meinten Sie region?'),
        JSON.stringify(report.problems.map((problem) => problem.message)),
      );
    }),
  );

  it(
    'translates an AWS error in plain words, with its code as an argument',
    inGerman(() => {
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      assert.deepEqual(describeAwsError(refused), { kind: 'network', message: 'AWS ist nicht erreichbar (ECONNREFUSED).' });
    }),
  );

  it(
    "translates the editor's completion and hover of the config file, a header's documentation (once a module-level table) too",
    inGerman(() => {
      const files = {
        config: sharedFile('config', '/home/me/.aws/config', { text: '[\n[profile dev]\n', readError: undefined }),
        credentials: sharedFile('credentials', '/home/me/.aws/credentials', { text: '', readError: undefined }),
      };
      const header = completionsAt(files, 'config', { line: 0, character: 1 }).find((item) => item.label === '[profile name]');
      assert.equal(header?.documentation, 'Ein benanntes Profil: Anmeldedaten und Einstellungen.');
      const hover = hoverAt(files, 'config', { line: 1, character: 3 }, () => undefined);
      assert.ok(hover?.markdown.split('\n\n').includes('Region: nicht gesetzt'), hover?.markdown);
    }),
  );

  it(
    'translates a refused profile edit, with the name as an argument, and the naming hint that was a constant taken at load',
    inGerman(() => {
      assert.throws(() => deleteProfile({ config: undefined, credentials: undefined }, 'dev'), {
        message: 'Es gibt kein Profil namens dev.',
      });
      assert.equal(sdkNameHint(), 'ein Name nur aus Buchstaben, Ziffern und - _ @ + . % : /');
    }),
  );

  it(
    'translates the export formats of a table built when its module loaded, and a plural by its own template',
    inGerman(() => {
      assert.equal(exportFormats.find((choice) => choice.format === 'dotenv')?.label, '.env-Datei');
      assert.deepEqual([keyAgeWords(1), keyAgeWords(120)], ['Schlüssel 1 Tag alt', 'Schlüssel 120 Tage alt']);
    }),
  );

  it('is English without a bundle, as before the first test and after each', async () => {
    assert.equal(checkProfileName('my dev'), 'A profile name cannot contain spaces: the AWS SDK ignores such profiles.');
    assert.match(statusBarView(connected).ariaLabel, /, connected, account 123456789012$/);
    const report = await reportOf('half', { credentials: '[half]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' });
    assert.equal(profileDescription(report), 'invalid: missing properties: aws_secret_access_key');
  });
});
