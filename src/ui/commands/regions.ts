/** AWS: Show or Hide Regions. The connected profile's region is always shown; others are added here. */
import * as vscode from 'vscode';
import { knownRegions } from '../../core/profiles/regions';
import type { ConnectionService } from '../../services/connectionService';
import type { ExplorerTree } from '../views/explorerView';

export async function showOrHideRegions(explorer: ExplorerTree, connection: ConnectionService): Promise<void> {
  const state = connection.state;
  const profileRegion = state.kind === 'connected' ? state.region : undefined;
  const added = new Set(explorer.addedRegions());
  const items = knownRegions.map((region) => ({
    label: region,
    description: region === profileRegion ? "the profile's region, always shown" : undefined,
    picked: added.has(region) || region === profileRegion,
  }));
  const chosen = await vscode.window.showQuickPick(
    items.map((item) =>
      item.description
        ? { label: item.label, description: item.description, picked: item.picked }
        : { label: item.label, picked: item.picked },
    ),
    { title: 'Show or Hide Regions', placeHolder: 'The regions the AWS Explorer shows', canPickMany: true },
  );
  if (chosen) {
    await explorer.setAddedRegions(chosen.map((item) => item.label).filter((region) => region !== profileRegion));
  }
}
