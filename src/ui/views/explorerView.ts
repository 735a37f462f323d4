/**
 * The AWS Explorer: the connection, then each region shown (the profile's, and those added with
 * AWS: Show or Hide Regions), and under each region its Lambda functions, every page, sorted.
 * A failed call shows an error node that retries on click. Empty when not connected, so the welcome
 * view offers Connect to AWS.
 */
import * as vscode from 'vscode';
import type { Connection } from '../../core/aws/connectionState';
import { describeAwsError } from '../../core/aws/errors';
import type { LambdaFunction } from '../../core/aws/resources/lambda';
import { quoted, quotedValue } from '../../core/secrets';
import { commandId } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';
import type { GlobalState } from '../../services/globalState';
import { tryAgainLabel } from '../prompts';

class ConnectionNode extends vscode.TreeItem {
  constructor({ state }: Connection) {
    super(`profile:${quoted(state.profile)}`);
    this.id = 'connection';
    this.description = `account ${state.identity.account}`;
    this.tooltip = `${state.identity.arn}\nRegion: ${quotedValue('region', state.region)}`;
    this.iconPath = new vscode.ThemeIcon('account');
    this.contextValue = 'connection';
  }
}

/** A region of the connection it was listed under: what it lists is signed by that connection. */
class RegionNode extends vscode.TreeItem {
  constructor(
    readonly connection: Connection,
    readonly region: string,
  ) {
    super(region, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `region:${region}`;
    this.iconPath = new vscode.ThemeIcon('globe');
    this.contextValue = 'region';
  }
}

class LambdaNode extends vscode.TreeItem {
  constructor(readonly parent: RegionNode) {
    super('Lambda', vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `lambda:${parent.region}`;
    this.iconPath = new vscode.ThemeIcon('symbol-function');
  }
}

class FunctionNode extends vscode.TreeItem {
  constructor(region: string, entry: LambdaFunction) {
    super(entry.name);
    this.id = `lambda:${region}:${entry.name}`;
    this.description = entry.runtime ?? '';
    this.tooltip = entry.arn ?? entry.name;
    this.iconPath = new vscode.ThemeIcon('symbol-method');
    this.contextValue = 'lambdaFunction';
  }
}

/** "[No functions found]", or a failed call that retries when clicked. */
class MessageNode extends vscode.TreeItem {
  constructor(id: string, label: string, failure?: string) {
    super(label);
    this.id = id;
    if (failure) {
      this.tooltip = `${failure}\n\nClick to try again.`;
      this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      this.command = { title: tryAgainLabel, command: commandId('refreshExplorer') };
    }
  }
}

type Node = ConnectionNode | RegionNode | LambdaNode | FunctionNode | MessageNode;

export class ExplorerTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private readonly functions = new Map<string, Promise<LambdaFunction[]>>();
  /** Stops the listings in flight: a refresh or another connection makes them useless. */
  private listings = new AbortController();

  constructor(
    private readonly connections: ConnectionService,
    private readonly globalState: GlobalState,
  ) {
    this.subscription = connections.onDidChange(() => this.refresh());
  }

  /** Forgets what was listed, so the next expand asks AWS again. */
  refresh(): void {
    this.listings.abort();
    this.listings = new AbortController();
    this.functions.clear();
    this.changed.fire(undefined);
  }

  /** Draws the tree again, keeping what was listed: the regions shown changed. */
  redraw(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node instanceof RegionNode) {
      return [new LambdaNode(node)];
    }
    if (node instanceof LambdaNode) {
      return this.functionNodes(node.parent);
    }
    const connection = this.connections.connection;
    if (node || !connection) {
      return [];
    }
    const own = connection.state.region;
    const regions = [own, ...this.globalState.get('explorerRegions').filter((region) => region !== own)];
    return [new ConnectionNode(connection), ...regions.map((region) => new RegionNode(connection, region))];
  }

  private async functionNodes({ connection, region }: RegionNode): Promise<Node[]> {
    if (connection !== this.connections.connection) {
      // A node of an earlier connection: the tree is being redrawn for the current one.
      return [];
    }
    let listing = this.functions.get(region);
    if (!listing) {
      const { signal } = this.listings;
      listing = import('../../core/aws/resources/lambda.js').then(({ listLambdaFunctions }) =>
        listLambdaFunctions(connection.access, region, signal),
      );
      this.functions.set(region, listing);
    }
    try {
      const functions = await listing;
      return functions.length === 0
        ? [new MessageNode(`lambda:${region}:none`, '[No functions found]')]
        : functions.map((entry) => new FunctionNode(region, entry));
    } catch (error) {
      if (this.functions.get(region) === listing) {
        this.functions.delete(region);
      }
      const { message } = describeAwsError(error);
      return [new MessageNode(`lambda:${region}:error`, `Failed to list functions: ${message}`, message)];
    }
  }

  dispose(): void {
    this.listings.abort();
    this.subscription.dispose();
    this.changed.dispose();
  }
}
