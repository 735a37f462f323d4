/** AWS: Show or Hide Regions. The connected profile's region is always shown; others are added here. */
import * as vscode from 'vscode';
import { knownRegions } from '../../core/profiles/regions';
import type { ConnectionService } from '../../services/connectionService';
import type { GlobalState } from '../../services/globalState';
import { commandTitle } from '../commandTitles';
import type { ExplorerTree } from '../views/explorerView';

export async function showOrHideRegions(globalState: GlobalState, connection: ConnectionService, explorer: ExplorerTree): Promise<void> {
  const state = connection.state;
  const profileRegion = state.kind === 'connected' ? state.region : undefined;
  const added = new Set(globalState.get('explorerRegions'));
  const items = knownRegions.map((region): vscode.QuickPickItem => ({
    label: region,
    ...(region === profileRegion ? { description: vscode.l10n.t("the profile's region, always shown") } : {}),
    picked: added.has(region) || region === profileRegion,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: commandTitle('showOrHideRegions'),
    placeHolder: vscode.l10n.t('The regions the AWS Explorer shows'),
    canPickMany: true,
  });
  if (chosen) {
    await globalState.update(
      'explorerRegions',
      chosen.map((item) => item.label).filter((region) => region !== profileRegion),
    );
    explorer.redraw();
  }
}
