/**
 * Opens the Getting Started walkthrough on the extension's first activation. VS Code opens a
 * walkthrough by itself only after an install from the Marketplace, not from a .vsix, Open VSX or
 * a remote host's extension list.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../core/errors';
import { walkthroughId } from '../manifest';
import type { GlobalState } from '../services/globalState';
import type { ProfileService } from '../services/profileService';

export async function openWalkthroughOnFirstActivation(
  globalState: GlobalState,
  profiles: ProfileService,
  log: vscode.LogOutputChannel,
): Promise<void> {
  if (globalState.get('walkthroughOffered')) {
    return;
  }
  // Stored first: whatever happens below, the walkthrough never opens by itself again.
  await globalState.update('walkthroughOffered', true);
  try {
    // Someone who has profiles already knows the AWS files; Welcome: Open Walkthrough... still lists it.
    if ((await profiles.latest()).reports.length > 0) {
      log.info('First activation: the AWS files have profiles, so the Getting Started walkthrough is not opened.');
      return;
    }
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId, false);
    log.info('First activation and no AWS profile yet: opened the Getting Started walkthrough.');
  } catch (error) {
    log.error(`The Getting Started walkthrough could not be opened: ${errorMessage(error)}`);
  }
}
