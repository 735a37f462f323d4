/**
 * AWS: Rotate Access Key, for a profile with an IAM user's long-term keys: asks whether the old key
 * is deleted or only deactivated, then runs the rotation (core/aws/iam/rotation) under a progress
 * notification, with IAM and STS through the SDK and the write through the profile service. When
 * the connected profile is rotated, the connection service connects again with the new key by
 * itself, as for any change of the profile on disk.
 */
import * as vscode from 'vscode';
import type { OldKeyFate } from '../../core/aws/iam/rotation';
import { mfaSessionOf } from '../../core/profiles/mfaSession';
import { defaultRegion } from '../../core/profiles/regions';
import { quoted } from '../../core/secrets';
import type { ProfileReport } from '../../core/validation/snapshot';
import type { ConnectionService } from '../../services/connectionService';
import type { ProfileService } from '../../services/profileService';
import type { ProfileNode } from '../views/profilesView';
import { commandTitle } from '../commandTitles';

const fateLabels = (): Readonly<Record<OldKeyFate, string>> => ({
  delete: vscode.l10n.t('Rotate and Delete Old Key'),
  deactivate: vscode.l10n.t('Rotate and Deactivate Old Key'),
});

export async function rotateAccessKeyOf(
  profiles: ProfileService,
  connection: ConnectionService,
  log: vscode.LogOutputChannel,
  target?: ProfileNode | string,
): Promise<void> {
  const snapshot = await profiles.upToDate();
  const name = typeof target === 'string' ? target : (target?.report.profile.name ?? (await pickProfile(snapshot.reports, connection)));
  if (name === undefined) {
    return;
  }
  const report = snapshot.reports.find((candidate) => candidate.profile.name === name);
  const { storedKeysOf } = await import('../../core/aws/iam/storedKeys.js');
  const stored = storedKeysOf(snapshot, name);
  if (!report || !stored) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Profile {0} has no IAM user access keys to rotate: only a profile with aws_access_key_id and aws_secret_access_key (and no session token) holds long-term keys. Temporary keys, roles and IAM Identity Center expire by themselves.',
        quoted(name),
      ),
    );
    return;
  }
  const labels = fateLabels();
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Rotate the access key of profile {0}?', quoted(name)),
    {
      modal: true,
      detail: vscode.l10n.t(
        'A new key is created for your IAM user and checked with AWS, then written into the profile in place of the old key (every other line stays as it is); then the old key is deleted, or only deactivated so that you can turn it back on in IAM if something still uses it. If a step fails, the file keeps a key that works.',
      ),
    },
    labels.delete,
    labels.deactivate,
  );
  const fate = (Object.keys(labels) as OldKeyFate[]).find((candidate) => labels[candidate] === answer);
  if (fate === undefined) {
    return;
  }
  const { endpointUrl } = report.profile;
  const network = await connection.network.route(name);
  const region = report.profile.region ?? defaultRegion;
  // accessKeys and rotation are one chunk (esbuild.mjs), loaded once.
  const [iam, { rotateAccessKey }, { callerIdentity }] = await Promise.all([
    import('../../core/aws/iam/accessKeys.js'),
    import('../../core/aws/iam/rotation.js'),
    import('../../core/aws/identity.js'),
  ]);
  // Connected with the profile's MFA session: IAM policies that ask for MFA accept it, not the bare keys.
  const connected = connection.connection;
  const mfa = connected?.state.profile === name && mfaSessionOf(report.profile) !== undefined ? connected.access.credentials : undefined;
  const old = { credentials: mfa ?? stored.keys, endpointUrl, network };
  log.info(`Rotating the access key of profile ${quoted(name)} (the old key is to be ${fate === 'delete' ? 'deleted' : 'deactivated'}).`);
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Rotating the access key of profile {0}', quoted(name)) },
    (progress) =>
      rotateAccessKey(
        { profile: name, oldKeyId: stored.keys.accessKeyId, fate },
        {
          createKey: () => iam.createAccessKey(old),
          listKeys: () => iam.listAccessKeys(old),
          verifyKey: async (key) => {
            await callerIdentity(key, { region, endpointUrl, network, timeoutMs: 10_000 });
          },
          writeKey: async (key) => {
            // Refused when either file changed since the keys were read (stored.texts).
            await profiles.edit(
              { kind: 'change', name, changes: { aws_access_key_id: key.accessKeyId, aws_secret_access_key: key.secretAccessKey } },
              stored.texts,
            );
          },
          holdsKey: async (accessKeyId) => storedKeysOf(await profiles.upToDate(), name)?.keys.accessKeyId === accessKeyId,
          retireKey: (accessKeyId, chosen) =>
            chosen === 'delete' ? iam.deleteAccessKey(old, accessKeyId) : iam.deactivateAccessKey(old, accessKeyId),
          // The old key still works until the last step, so it signs the rollback too.
          deleteKey: (accessKeyId) => iam.deleteAccessKey(old, accessKeyId),
          progress: (message) => progress.report({ message }),
          wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          now: () => Date.now(),
        },
      ),
  );
  if (outcome.kind === 'rotated') {
    log.info(outcome.message);
    void vscode.window.showInformationMessage(outcome.message);
  } else {
    log.warn(`Rotate Access Key failed at step ${outcome.step}: ${outcome.message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('AWS: {0} failed: {1}', commandTitle('rotateAccessKey'), outcome.message));
  }
}

/** The profiles with long-term keys, the connected one first. */
async function pickProfile(reports: readonly ProfileReport[], connection: ConnectionService): Promise<string | undefined> {
  const connected = connection.state.kind === 'disconnected' ? undefined : connection.state.profile;
  const rotatable = reports
    .filter((report) => report.profile.kind === 'staticKeys')
    .sort((a, b) => Number(b.profile.name === connected) - Number(a.profile.name === connected));
  if (rotatable.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'No profile holds IAM user access keys (aws_access_key_id and aws_secret_access_key without a session token), so there is no key to rotate.',
      ),
    );
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    rotatable.map((report) => ({
      label: quoted(report.profile.name),
      name: report.profile.name,
      ...(report.profile.name === connected ? { description: vscode.l10n.t('connected') } : {}),
    })),
    { title: commandTitle('rotateAccessKey'), placeHolder: vscode.l10n.t('The profile whose access key to replace') },
  );
  return chosen?.name;
}
