/**
 * The AWS Explorer: the connection, then each region shown (the profile's, and those added with
 * AWS: Show or Hide Regions), and under each region its Lambda functions, every page, sorted.
 * A failed call shows an error node that retries on click. Empty when not connected, so the welcome
 * view offers Connect to AWS.
 */
import * as vscode from 'vscode';
import { describeAwsError } from '../../core/aws/errors';
import type { LambdaFunction } from '../../core/aws/resources/lambda';
import type { ConnectionService } from '../../services/connectionService';

const regionsKey = 'awsCredentialManager.explorerRegions';

class ConnectionNode extends vscode.TreeItem {
  constructor(profile: string, account: string, arn: string, region: string) {
    super(`profile:${profile}`);
    this.id = 'connection';
    this.description = `account ${account}`;
    this.tooltip = `${arn}\nRegion: ${region}`;
    this.iconPath = new vscode.ThemeIcon('account');
    this.contextValue = 'connection';
  }
}

class RegionNode extends vscode.TreeItem {
  constructor(readonly region: string) {
    super(region, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `region:${region}`;
    this.iconPath = new vscode.ThemeIcon('globe');
    this.contextValue = 'region';
  }
}

class LambdaNode extends vscode.TreeItem {
  constructor(readonly region: string) {
    super('Lambda', vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `lambda:${region}`;
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
      this.command = { title: 'Try Again', command: 'awsCredentialManager.refreshExplorer' };
    }
  }
}

type Node = ConnectionNode | RegionNode | LambdaNode | FunctionNode | MessageNode;

export class ExplorerTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private readonly functions = new Map<string, Promise<LambdaFunction[]>>();

  constructor(
    private readonly connection: ConnectionService,
    private readonly memento: vscode.Memento,
  ) {
    this.subscription = connection.onDidChange(() => this.refresh());
  }

  /** Forgets what was listed, so the next expand asks AWS again. */
  refresh(): void {
    this.functions.clear();
    this.changed.fire(undefined);
  }

  addedRegions(): readonly string[] {
    return this.memento.get<string[]>(regionsKey, []);
  }

  async setAddedRegions(regions: readonly string[]): Promise<void> {
    await this.memento.update(regionsKey, [...regions]);
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node instanceof RegionNode) {
      return [new LambdaNode(node.region)];
    }
    if (node instanceof LambdaNode) {
      return this.functionNodes(node.region);
    }
    if (node) {
      return [];
    }
    const state = this.connection.state;
    if (state.kind !== 'connected') {
      return [];
    }
    const regions = [state.region, ...this.addedRegions().filter((region) => region !== state.region)];
    return [
      new ConnectionNode(state.profile, state.identity.account, state.identity.arn, state.region),
      ...regions.map((region) => new RegionNode(region)),
    ];
  }

  private async functionNodes(region: string): Promise<Node[]> {
    const access = this.connection.access();
    if (!access) {
      return [];
    }
    let listing = this.functions.get(region);
    if (!listing) {
      listing = import('../../core/aws/resources/lambda.js').then(({ listLambdaFunctions }) => listLambdaFunctions({ ...access, region }));
      this.functions.set(region, listing);
    }
    try {
      const functions = await listing;
      return functions.length === 0
        ? [new MessageNode(`lambda:${region}:none`, '[No functions found]')]
        : functions.map((entry) => new FunctionNode(region, entry));
    } catch (error) {
      this.functions.delete(region);
      const { message } = describeAwsError(error);
      return [new MessageNode(`lambda:${region}:error`, `Failed to list functions: ${message}`, message)];
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
