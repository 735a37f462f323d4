/**
 * The regions the AWS Explorer shows beside the connection's own, kept in the user setting
 * awsCredentialManager.explorer.regions so that Settings Sync carries them and a person can read and
 * edit them; a hand edit of settings.json shows at once. Earlier versions kept them in global state:
 * that list is moved into the setting once.
 */
import * as vscode from 'vscode';
import { moveStoredRegions, readRegionSetting, regionSettingProblem, type RegionSetting } from '../core/aws/resources/explorerRegions';
import { errorMessage } from '../core/errors';
import { settingIds } from '../manifest';
import type { GlobalState } from './globalState';

const setting = settingIds.explorerRegions;

export class ExplorerRegions implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the setting changed, by the command or in settings.json. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private reported: string | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(setting)) {
        this.report(this.read());
        this.changed.fire();
      }
    });
  }

  /** The regions the setting adds, in its order; entries that are not region codes are logged and left out. */
  get regions(): readonly string[] {
    return this.read().regions;
  }

  /** Writes the user setting (a list emptied removes it from settings.json). */
  async update(regions: readonly string[]): Promise<void> {
    await vscode.workspace.getConfiguration().update(setting, regions.length > 0 ? regions : undefined, vscode.ConfigurationTarget.Global);
  }

  /** Moves the list an earlier version kept in global state into the user setting, then removes it from the state. */
  async adoptStored(globalState: GlobalState): Promise<void> {
    this.report(this.read());
    const stored = globalState.retired('explorerRegions');
    if (stored === undefined) {
      return;
    }
    const userValue = vscode.workspace.getConfiguration().inspect(setting)?.globalValue;
    const move = moveStoredRegions(userValue, stored);
    if (move.kind === 'wait') {
      this.log.warn(`The AWS Explorer's regions of an earlier version are not moved into ${setting} yet: ${move.reason}.`);
      return;
    }
    if (move.kind === 'write') {
      try {
        await vscode.workspace.getConfiguration().update(setting, move.value, vscode.ConfigurationTarget.Global);
      } catch (error) {
        // VS Code refuses to write a settings.json with errors; the state stays for the next start.
        this.log.warn(`The AWS Explorer's regions could not be moved into ${setting}: ${errorMessage(error)}`);
        return;
      }
      this.log.info(`The AWS Explorer's regions are now the setting ${setting}.`);
    }
    await globalState.forget('explorerRegions');
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private read(): RegionSetting {
    return readRegionSetting(vscode.workspace.getConfiguration().get<unknown>(setting));
  }

  /** Logs a setting's wrong entries once, not on every read. */
  private report(read: RegionSetting): void {
    const problem = regionSettingProblem(setting, read);
    if (problem !== undefined && problem !== this.reported) {
      this.log.warn(problem);
    }
    this.reported = problem;
  }
}
