/**
 * The secrets audit (issue 13, item 10): the extension's own code paths, run on plain Node with the
 * fake secrets of the tests and random ones, and everything they show, log, send to the webview,
 * keep in the memento or write beside the two AWS files searched for each secret and for every
 * 12-character piece of one. Covered: the validator's problems and fixes, the log lines (through
 * ProfileLog), the Profiles view's descriptions, the status bar's text and tooltip, the panel's
 * messages to its webview and the form's errors, AWS errors through the real SDK and the local
 * endpoint (describeAwsError, errorMessage, errorDetail), the memento (GlobalState), and the files
 * edits write. What only VS Code runs is named in the README ("Secrets audit").
 */
import * as assert from 'node:assert/strict';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { formErrors } from '../../src/addConnection/formChecks';
import { connectedMessage, failureMessage, initMessage, rejectedMessage } from '../../src/addConnection/messages';
import { failedState, type ConnectionState } from '../../src/core/aws/connectionState';
import { describeAwsError } from '../../src/core/aws/errors';
import { verifyKeys } from '../../src/core/aws/identity';
import { resolveConnection } from '../../src/core/aws/resolveConnection';
import { errorDetail, errorMessage } from '../../src/core/errors';
import { withoutSecrets } from '../../src/core/secrets';
import type { SharedFilePaths } from '../../src/core/files/paths';
import { statusBarView } from '../../src/core/present/statusBarView';
import { profileDescription } from '../../src/core/present/profileLabels';
import type { ProfileEdit } from '../../src/core/profiles/edits';
import { addConnectionForm, createCredentialsProfileForm, keysFrom, saveKeysEdit } from '../../src/core/profiles/iamKeys';
import { sharedFile } from '../../src/core/profiles/read';
import { defaultRegion } from '../../src/core/profiles/regions';
import { applyEditToFiles } from '../../src/core/profiles/transaction';
import { readSnapshot, snapshotOf, type ProfileSnapshot } from '../../src/core/validation/snapshot';
import { GlobalState } from '../../src/services/globalState';
import { ProfileLog } from '../../src/ui/profileLog';
import { defaultState, exampleAccount, startAwsEndpoint, type AwsEndpoint, type KnownKey } from '../fixtures/awsEndpoint';
import { documentedKeyId, fakeSecrets, SecretSearch } from '../fixtures/secrets';
import { withTempFolder, writeTexts } from '../unit/helpers/sdkFiles';
import { pastedFiles } from './pastedSecrets';
import { random, report, runs } from './scale';
import { memento } from '../unit/helpers/memento';
import { direct } from '../fixtures/network';

const auditor: KnownKey = {
  accessKeyId: fakeSecrets.accessKeyIds[3],
  secretAccessKey: fakeSecrets.secretAccessKeys[2],
  account: exampleAccount,
  arn: `arn:aws:iam::${exampleAccount}:user/Auditor`,
  userId: 'AIDAEXAMPLEAUDITOR001',
};
const auditorIdentity = { account: auditor.account, arn: auditor.arn, userId: auditor.userId };
const auditorKeys = `aws_access_key_id = ${auditor.accessKeyId}\naws_secret_access_key = ${auditor.secretAccessKey}\n`;

/** Every line a ProfileLog or a connection would write, kept. */
function capturingLog(): { readonly lines: string[]; readonly channel: vscode.LogOutputChannel } {
  const lines: string[] = [];
  const write = (message: string): void => void lines.push(message);
  return { lines, channel: { info: write, warn: write, error: write } as unknown as vscode.LogOutputChannel };
}

describe('secrets audit: no secret in a message, log line, webview message, memento or file', () => {
  const search = new SecretSearch();
  /** The first leaks, for the failure message; all of them are counted. */
  const found: string[] = [];
  const figures = { 'files fuzzed': 0, 'texts searched': 0, 'AWS calls': 0, 'files beside': 0, 'secrets found': 0 };

  /** Searches texts for the fake secrets, and for `extra` ones (random secrets of one file, keys the endpoint issued). */
  function audit(surface: string, texts: readonly string[], extra?: SecretSearch): void {
    for (const text of texts) {
      figures['texts searched']++;
      if ((search.find(text) ?? extra?.find(text)) !== undefined) {
        figures['secrets found']++;
        if (found.length < 20) {
          found.push(`${surface}: ${text.slice(0, 300)}`);
        }
      }
    }
  }

  /** What a snapshot puts in front of the user: problems, fixes, log lines, descriptions, the status bar, the panel's list. */
  function snapshotTexts(snapshot: ProfileSnapshot): string[] {
    const log = capturingLog();
    new ProfileLog(log.channel).write(snapshot);
    const problems = [...snapshot.fileProblems, ...snapshot.reports.flatMap((report) => report.problems)];
    const states = snapshot.reports.flatMap(({ profile }): ConnectionState[] => [
      { kind: 'connecting', profile: profile.name },
      {
        kind: 'connected',
        profile: profile.name,
        region: profile.region ?? defaultRegion,
        identity: auditorIdentity,
        expiration: undefined,
      },
    ]);
    return [
      ...problems.flatMap((problem) => [problem.message, problem.fix]),
      ...log.lines,
      ...snapshot.reports.map(profileDescription),
      ...states.flatMap((state) => {
        const view = statusBarView(state);
        return [view.text, view.tooltip];
      }),
      JSON.stringify(initMessage(snapshot, '/home/alice/.aws/credentials')),
    ];
  }

  after(() => {
    report('secrets audit', figures);
  });

  it('the validator, the log, the Profiles view, the status bar and the panel, for files with secrets pasted anywhere', () => {
    const next = random();
    const count = runs(2_000, 100_000);
    for (let run = 0; run < count; run++) {
      const { texts, secrets } = pastedFiles(next);
      const snapshot = snapshotOf({
        config: sharedFile('config', '/home/alice/.aws/config', { text: texts.config, readError: undefined }),
        credentials: sharedFile('credentials', '/home/alice/.aws/credentials', { text: texts.credentials, readError: undefined }),
      });
      // The seed printed and the file's number replay it: pastedFiles(random(seed)) run + 1 times.
      audit(`file ${run}`, snapshotTexts(snapshot), new SecretSearch(secrets));
      figures['files fuzzed']++;
    }
    assert.deepEqual(found, []);
  });

  it('masks random secrets of every length they come in, and most runs cut short', () => {
    const next = random();
    const count = runs(2_000, 20_000);
    const text = (characters: string, length: number): string =>
      Array.from({ length }, () => characters[Math.floor(next() * characters.length)]).join('');
    const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const base64url = base64.replace('+/', '-_');
    const missed = (make: () => string): number => {
      let misses = 0;
      for (let run = 0; run < count; run++) {
        const secret = make();
        misses += withoutSecrets(`it printed ${secret}.`).includes(secret) ? 1 : 0;
      }
      return misses;
    };
    const shapes = {
      'base64 16': missed(() => text(base64, 16)),
      'base64 24': missed(() => text(base64, 24)),
      'base64 30': missed(() => text(base64, 30)),
      'base64 40': missed(() => text(base64, 40)),
      'base64 400': missed(() => text(base64, 400)),
      'base64url 40': missed(() => text(base64url, 40)),
      'base64url 100': missed(() => text(base64url, 100)),
      'base64url 400': missed(() => text(base64url, 400)),
      'key IDs': missed(() => `${next() < 0.5 ? 'AKIA' : 'ASIA'}${text('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`),
    };
    report('secret shapes', {
      'strings of each': count,
      ...Object.fromEntries(Object.entries(shapes).map(([shape, misses]) => [`missed of ${shape}`, misses])),
    });
    // Secret access keys are 40 characters, session tokens and SSO tokens hundreds: none may be missed.
    for (const shape of ['base64 40', 'base64 400', 'base64url 400', 'key IDs'] as const) {
      assert.equal(shapes[shape], 0, shape);
    }
    // Shorter runs (a secret cut short) are a guess; base64url is split at - and _ like a name.
    for (const shape of ['base64 16', 'base64 24', 'base64 30', 'base64url 40', 'base64url 100'] as const) {
      assert.ok(shapes[shape] < count * 0.1, shape);
    }
  });

  it('the form checks of the panel, with secrets in every field', () => {
    const values = ['', 'dev', ...fakeSecrets.accessKeyIds, ...fakeSecrets.secretAccessKeys, ...fakeSecrets.sessionTokens];
    const withSpace = (value: string): string => `${value.slice(0, 8)} ${value.slice(8)}`;
    for (const value of [...values, ...values.map(withSpace), fakeSecrets.ssoAccessToken, fakeSecrets.clientSecret]) {
      for (const field of ['profileName', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'region'] as const) {
        const form = {
          profileName: 'dev',
          accessKeyId: 'ASIAAUDIT0KEYEXAMPLE',
          secretAccessKey: 'x',
          sessionToken: 't',
          region: '',
          [field]: value,
        };
        audit(`form ${field}`, [JSON.stringify({ type: 'rejected', errors: formErrors(form) })]);
      }
    }
    assert.deepEqual(found, []);
  });

  describe('AWS, through the real SDK and the local endpoint', () => {
    let endpoint: AwsEndpoint;
    /** What each call showed, searched at the end with the keys the endpoint issued meanwhile (role sessions). */
    let shown: [surface: string, texts: string[]][];
    const note = (surface: string, texts: string[]): void => void shown.push([surface, texts]);

    beforeEach(async () => {
      const state = defaultState();
      state.keys.push(auditor);
      endpoint = await startAwsEndpoint(state);
      shown = [];
    });
    afterEach(async () => {
      await endpoint.close();
    });

    function searchShown(): void {
      const issued = endpoint.state.keys.flatMap((key) => [
        key.accessKeyId,
        key.secretAccessKey,
        ...(key.sessionToken ? [key.sessionToken] : []),
      ]);
      const search = new SecretSearch(issued.filter((secret) => secret !== documentedKeyId));
      for (const [surface, texts] of shown) {
        audit(surface, texts, search);
      }
      assert.deepEqual(found, []);
    }

    /** What a failure becomes: the AWS problem, the state and the status bar, the panel's messages, the logged error. */
    function failureTexts(profile: string, error: unknown): string[] {
      const problem = describeAwsError(error, { withSessionToken: true });
      const view = statusBarView(failedState({ kind: 'disconnected' }, profile, problem));
      return [
        problem.message,
        view.text,
        view.tooltip,
        JSON.stringify(rejectedMessage(problem)),
        JSON.stringify(failureMessage(error)),
        errorMessage(error),
        errorDetail(error),
      ];
    }

    it('checking pasted keys: good, unknown, a wrong secret, a stale or expired token, refused, throttled, unreachable', async () => {
      const previous = process.env['AWS_ENDPOINT_URL'];
      process.env['AWS_ENDPOINT_URL'] = endpoint.url;
      try {
        const expired = endpoint.temporaryKey(-1_000, auditor);
        const pasted = { ...auditor, sessionToken: '', region: '' };
        const attempts = [
          pasted,
          { ...pasted, accessKeyId: fakeSecrets.accessKeyIds[1] },
          { ...pasted, secretAccessKey: fakeSecrets.secretAccessKeys[1] },
          { ...pasted, accessKeyId: fakeSecrets.accessKeyIds[4], sessionToken: fakeSecrets.sessionTokens[2] },
          { ...pasted, ...expired, sessionToken: expired.sessionToken ?? '' },
        ];
        for (const [index, fields] of attempts.entries()) {
          if (index === attempts.length - 1) {
            endpoint.state.injection.failNext = { code: 'AccessDenied', count: 1 };
          }
          const checked = await verifyKeys(keysFrom(fields), direct);
          figures['AWS calls']++;
          note('verifyKeys', [
            JSON.stringify(checked.valid ? connectedMessage('audit', checked.identity) : rejectedMessage(checked.problem)),
            checked.valid ? '' : checked.problem.message,
          ]);
        }
        for (const code of ['Throttling', 'AccessDenied']) {
          endpoint.state.injection.failNext = { code, count: 2 };
          const checked = await verifyKeys(keysFrom(pasted), direct);
          figures['AWS calls']++;
          note(`verifyKeys ${code}`, [JSON.stringify(checked.valid ? {} : rejectedMessage(checked.problem))]);
        }
        process.env['AWS_ENDPOINT_URL'] = 'http://127.0.0.1:9';
        const unreachable = await verifyKeys(keysFrom(pasted), direct);
        note('verifyKeys unreachable', [JSON.stringify(unreachable.valid ? {} : rejectedMessage(unreachable.problem))]);
      } finally {
        if (previous === undefined) {
          delete process.env['AWS_ENDPOINT_URL'];
        } else {
          process.env['AWS_ENDPOINT_URL'] = previous;
        }
      }
      searchShown();
    });

    it('connecting profiles from files: keys, a role, a role with MFA, a failing credential_process, a secret as the region', async () => {
      await withTempFolder(async (folder) => {
        const script = path.join(folder, 'creds.sh');
        await writeFile(
          script,
          `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "${fakeSecrets.accessKeyIds[3]}", "SecretAccessKey": "${fakeSecrets.secretAccessKeys[0]}", "SessionToken": "${fakeSecrets.sessionTokens[2]}"'\necho 'token ${fakeSecrets.ssoAccessToken} secret ${fakeSecrets.clientSecret}' >&2\nexit 1\n`,
        );
        await chmod(script, 0o700);
        const config =
          `[profile role]\nrole_arn = arn:aws:iam::${exampleAccount}:role/Developer\nsource_profile = audit\n` +
          `[profile admin]\nrole_arn = arn:aws:iam::${exampleAccount}:role/Admin\nsource_profile = audit\nmfa_serial = arn:aws:iam::${exampleAccount}:mfa/Alice\n` +
          `[profile tool]\ncredential_process = ${script}\n` +
          `[profile odd]\nregion = ${fakeSecrets.secretAccessKeys[1]}\n`;
        const credentials = `[audit]\n${auditorKeys}[odd]\n${auditorKeys}[${fakeSecrets.secretAccessKeys[1]}]\n${auditorKeys}`;
        const paths = await writeTexts(folder, { config, credentials });
        const stored = memento();
        const globalState = new GlobalState(stored);
        const snapshot = await readSnapshot(paths);
        for (const { profile } of snapshot.reports) {
          const region = profile.region ?? defaultRegion;
          try {
            const { identity, credentials: signedWith } = await resolveConnection({
              profile: profile.name,
              paths,
              region,
              endpointUrl: endpoint.url,
              network: direct,
              askMfaCode: () => Promise.resolve('123456'),
              timeoutMs: 5_000,
            });
            await globalState.rememberConnection(profile.name, identity.account);
            const view = statusBarView({ kind: 'connected', profile: profile.name, region, identity, expiration: signedWith.expiration });
            note(`connected ${profile.name}`, [view.text, view.tooltip, JSON.stringify(connectedMessage(profile.name, identity))]);
          } catch (error) {
            note(`failed ${profile.name}`, failureTexts(profile.name, error));
          }
          figures['AWS calls']++;
        }
        note('memento', [JSON.stringify([...stored.values])]);
        note('snapshot', snapshotTexts(snapshot));
      });
      searchShown();
    });

    it('SDK errors that echo a key, a secret or a token', () => {
      const echoes = [
        Object.assign(new Error(`The AWS Access Key Id ${fakeSecrets.accessKeyIds[2]} does not exist in our records.`), {
          name: 'InvalidAccessKeyId',
        }),
        Object.assign(new Error(`credential_process printed {"SecretAccessKey": "${fakeSecrets.secretAccessKeys[1]}"}`), {
          name: 'CredentialsProviderError',
        }),
        Object.assign(new Error(`Token ${fakeSecrets.ssoAccessToken} is expired`), { name: 'UnauthorizedException' }),
        Object.assign(new Error(`invalid_client: ${fakeSecrets.clientSecret}`), { name: 'InvalidClientException' }),
        Object.assign(new Error(`AccessDenied for ${fakeSecrets.sessionTokens[0]}`), { name: 'AccessDenied' }),
        new TypeError('fetch failed', { cause: Object.assign(new Error(fakeSecrets.sessionTokens[1]), { code: 'ECONNRESET' }) }),
        `thrown ${fakeSecrets.accessKeyIds[0]}`,
      ];
      for (const error of echoes) {
        note('echo', failureTexts('audit', error));
      }
      searchShown();
    });
  });

  it('edits: the files written beside the two AWS files, and what refused edits say', async () => {
    await withTempFolder(async (folder) => {
      const paths: SharedFilePaths = { config: path.join(folder, 'config'), credentials: path.join(folder, 'credentials') };
      const keys = (accessKeyId: string, secretAccessKey: string, sessionToken: string) =>
        keysFrom({ accessKeyId, secretAccessKey, sessionToken, region: 'eu-west-1' });
      const [temporary, other] = [fakeSecrets.accessKeyIds[4], fakeSecrets.accessKeyIds[2]];
      const edits: ProfileEdit[] = [
        saveKeysEdit(
          createCredentialsProfileForm,
          'audit',
          keys(temporary, fakeSecrets.secretAccessKeys[0], fakeSecrets.sessionTokens[2]),
          false,
        ),
        saveKeysEdit(addConnectionForm, 'audit', keys(other, fakeSecrets.secretAccessKeys[1], ''), true),
        saveKeysEdit(createCredentialsProfileForm, 'audit', keys(other, fakeSecrets.secretAccessKeys[2], ''), false),
        { kind: 'change', name: 'audit', changes: { [`aws_secret_access_key ${fakeSecrets.secretAccessKeys[0]}`]: 'x' } },
        {
          kind: 'change',
          name: 'audit',
          changes: { aws_session_token: `${fakeSecrets.sessionTokens[1]}\n${fakeSecrets.sessionTokens[0]}` },
        },
        { kind: 'add', name: fakeSecrets.secretAccessKeys[0], settings: { aws_secret_access_key: fakeSecrets.clientSecret } },
        { kind: 'rename', from: 'audit', to: fakeSecrets.secretAccessKeys[0] },
        { kind: 'delete', name: fakeSecrets.ssoAccessToken },
        { kind: 'rename', from: fakeSecrets.secretAccessKeys[0], to: 'audited' },
        { kind: 'delete', name: 'audited' },
      ];
      for (const edit of edits) {
        try {
          await applyEditToFiles(paths, edit);
        } catch (error) {
          audit(`refused ${edit.kind}`, [errorMessage(error), errorDetail(error), JSON.stringify(failureMessage(error))]);
        }
        audit(`snapshot after ${edit.kind}`, snapshotTexts(await readSnapshot(paths)));
        const beside = (await readdir(folder, { recursive: true })).filter((name) => name !== 'config' && name !== 'credentials');
        for (const name of beside) {
          figures['files beside']++;
          const content = await readFile(path.join(folder, name)).catch(() => Buffer.alloc(0));
          audit(`file ${name}`, [name, content.toString('latin1')]);
        }
      }
    });
    assert.deepEqual(found, []);
  });
});
