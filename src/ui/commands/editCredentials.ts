/**
 * AWS: Edit Credentials. Opens the config and credentials files side by side, creating the
 * credentials file (private, with its header) when neither file exists yet.
 */
import * as vscode from 'vscode';
import { readTextFile } from '../../core/files/textFile';
import type { ProfileService } from '../../services/profileService';
import { openSideBySide } from '../sharedFileEditors';

export async function editCredentials(service: ProfileService): Promise<void> {
  const { paths } = service;
  // A file that exists but cannot be read is not replaced: only "neither file exists" creates one.
  const [config, credentials] = await Promise.all([
    readTextFile(paths.config).catch(() => ''),
    readTextFile(paths.credentials).catch(() => ''),
  ]);
  if (config === undefined && credentials === undefined) {
    await service.createFileIfMissing('credentials');
  }
  await openSideBySide(paths);
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'To add a profile, add a [name] line at the end of the credentials file, then aws_access_key_id = ... and aws_secret_access_key = ... below it. Saved changes are checked at once.',
    ),
  );
}
