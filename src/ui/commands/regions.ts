/**
 * AWS: Show or Hide Regions. The connected profile's region is always shown; the others chosen here
 * go to the user setting awsCredentialManager.explorer.regions, which the Explorer follows.
 */
import * as vscode from 'vscode';
import { regionChoices, regionsAfterChoice } from '../../core/aws/resources/explorerRegions';
import { settingIds } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';
import type { ExplorerRegions } from '../../services/explorerRegions';
import { commandTitle } from '../commandTitles';

export async function showOrHideRegions(regions: ExplorerRegions, connection: ConnectionService): Promise<void> {
  const state = connection.state;
  const own = state.kind === 'connected' ? state.region : undefined;
  const previous = regions.regions;
  const items = regionChoices(previous, own).map((choice): vscode.QuickPickItem => ({
    label: choice.region,
    ...(choice.own ? { description: vscode.l10n.t("the profile's region, always shown") } : {}),
    picked: choice.picked,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: commandTitle('showOrHideRegions'),
    placeHolder: vscode.l10n.t('The regions the AWS Explorer shows (kept in the setting {0})', settingIds.explorerRegions),
    canPickMany: true,
  });
  if (chosen) {
    await regions.update(
      regionsAfterChoice(
        previous,
        chosen.map((item) => item.label),
        own,
      ),
    );
  }
}
