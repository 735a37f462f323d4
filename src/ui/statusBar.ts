/** The connection in the status bar: one item, rendered from the connection state. */
import * as vscode from 'vscode';
import { statusBarView } from '../core/present/statusBarView';
import { commandId } from '../manifest';
import type { ConnectionService } from '../services/connectionService';
import { commandTitle } from './commandTitles';

export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('awsCredentialManager.connection', vscode.StatusBarAlignment.Left, 100);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly connection: ConnectionService) {
    this.item.name = vscode.l10n.t('AWS Connection');
    this.item.command = commandId('connect');
    this.subscription = connection.onDidChange(() => this.render());
    this.render();
    this.item.show();
  }

  private render(): void {
    const view = statusBarView(this.connection.state, new Date(), commandTitle);
    this.item.text = view.text;
    this.item.backgroundColor = view.look === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(view.tooltip, true);
    tooltip.isTrusted = { enabledCommands: [...view.commands] };
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: view.ariaLabel };
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
