/**
 * The AWS Explorer: the connection, then each region shown (the profile's, and those added with
 * AWS: Show or Hide Regions or in the setting awsCredentialManager.explorer.regions), and under each region its Lambda functions, sorted,
 * shown as their pages arrive; then
 * each signed-in IAM Identity Center session with its accounts and roles, a click on a role
 * connecting with it. A failed call shows an error node that retries on click. Empty when not
 * connected nor signed in, so the welcome view offers Connect to AWS.
 */
import * as vscode from 'vscode';
import type { Connection } from '../../core/aws/connectionState';
import type { ConsoleDestination } from '../../core/aws/console/urls';
import { describeAwsError } from '../../core/aws/errors';
import type { LambdaFunction } from '../../core/aws/resources/lambda';
import { quoted, quotedValue } from '../../core/secrets';
import { commandId } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';
import type { ExplorerRegions } from '../../services/explorerRegions';
import type { ProfileService } from '../../services/profileService';
import type { SsoSessions } from '../../services/ssoSessions';
import type { Assignment } from '../../core/aws/sso/portal';
import { sessionTargets, type SignInTarget } from '../../core/aws/sso/sessions';
import { tryAgainLabel } from '../prompts';

/** A node whose context menu has Open AWS Console, and the console page it opens. */
export interface ConsoleTarget {
  readonly destination: ConsoleDestination;
}

class ConnectionNode extends vscode.TreeItem implements ConsoleTarget {
  readonly destination: ConsoleDestination;

  constructor({ state }: Connection) {
    super(`profile:${quoted(state.profile)}`);
    this.id = 'connection';
    this.description = vscode.l10n.t('account {0}', state.identity.account);
    this.tooltip = vscode.l10n.t('{0}\nRegion: {1}', state.identity.arn, quotedValue('region', state.region));
    this.iconPath = new vscode.ThemeIcon('account');
    this.contextValue = 'connection';
    this.destination = { kind: 'home', region: state.region };
    this.accessibilityInformation = {
      label: vscode.l10n.t(
        'Connected with profile {0}, account {1}, region {2}',
        quoted(state.profile),
        state.identity.account,
        quotedValue('region', state.region),
      ),
    };
  }
}

/** A region of the connection it was listed under: what it lists is signed by that connection. */
class RegionNode extends vscode.TreeItem implements ConsoleTarget {
  readonly destination: ConsoleDestination;

  constructor(
    readonly connection: Connection,
    readonly region: string,
  ) {
    super(region, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `region:${region}`;
    this.iconPath = new vscode.ThemeIcon('globe');
    this.contextValue = 'region';
    this.destination = { kind: 'home', region };
    this.accessibilityInformation = { label: vscode.l10n.t('Region {0}', region) };
  }
}

class LambdaNode extends vscode.TreeItem {
  constructor(readonly parent: RegionNode) {
    super(vscode.l10n.t('Lambda'), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `lambda:${parent.region}`;
    this.iconPath = new vscode.ThemeIcon('symbol-function');
    this.accessibilityInformation = { label: vscode.l10n.t('Lambda functions in {0}', parent.region) };
  }

  /** How many functions are listed, and whether more are on their way. */
  count(listing: FunctionListing | undefined): this {
    const listed = listing?.functions.length ?? 0;
    const count = listed === 1 ? vscode.l10n.t('1 function') : vscode.l10n.t('{0} functions', listed);
    this.description = !listing || listing.error !== undefined ? '' : listing.done ? count : vscode.l10n.t('{0} so far…', count);
    return this;
  }
}

/** A region's functions as their pages arrive. */
interface FunctionListing {
  functions: readonly LambdaFunction[];
  /** Each function's row, made once however often the list is redrawn as pages arrive. */
  readonly rows: WeakMap<LambdaFunction, FunctionNode>;
  done: boolean;
  error?: unknown;
  /** Settles with the first page, or the end or failure before it: what the view waits for before it shows any row. */
  readonly started: Promise<void>;
}

class FunctionNode extends vscode.TreeItem implements ConsoleTarget {
  readonly destination: ConsoleDestination;

  constructor(
    region: string,
    private readonly entry: LambdaFunction,
  ) {
    super(entry.name);
    this.id = `lambda:${region}:${entry.name}`;
    this.description = entry.runtime ?? '';
    this.iconPath = functionIcon;
    this.contextValue = 'lambdaFunction';
    this.destination = { kind: 'lambdaFunction', region, name: entry.name };
    // Its own words: without them a screen reader reads the tooltip, the function's whole ARN.
    this.accessibilityInformation = {
      label: entry.runtime
        ? vscode.l10n.t('Lambda function {0}, {1}', entry.name, entry.runtime)
        : vscode.l10n.t('Lambda function {0}', entry.name),
    };
  }

  /** Made when the tooltip is about to show (resolveTreeItem), not for each of thousands of rows. */
  withTooltip(): this {
    this.tooltip = this.entry.arn ?? this.entry.name;
    return this;
  }
}

const functionIcon = new vscode.ThemeIcon('symbol-method');

/** "[No functions found]", more on their way, or a failed call that retries when clicked. */
class MessageNode extends vscode.TreeItem {
  constructor(id: string, label: string, failure?: string, icon?: vscode.ThemeIcon) {
    super(label);
    this.id = id;
    if (icon) {
      this.iconPath = icon;
    }
    this.accessibilityInformation = { label: failure ? vscode.l10n.t('{0}: {1} Press Enter to try again.', label, failure) : label };
    if (failure) {
      this.tooltip = vscode.l10n.t('{0}\n\nClick to try again.', failure);
      this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      this.command = { title: tryAgainLabel(), command: commandId('refreshExplorer') };
    }
  }
}

/** A signed-in IAM Identity Center session: its accounts, and under each its roles to connect with. */
class SessionNode extends vscode.TreeItem {
  constructor(readonly target: SignInTarget) {
    super(vscode.l10n.t('IAM Identity Center: {0}', quoted(target.label)), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `session:${target.label}`;
    this.description = target.center.startUrl;
    this.iconPath = new vscode.ThemeIcon('organization');
    this.contextValue = 'ssoSession';
    this.accessibilityInformation = {
      label: vscode.l10n.t('IAM Identity Center session {0}, {1}', quoted(target.label), target.center.startUrl),
    };
  }
}

class AccountNode extends vscode.TreeItem {
  constructor(
    readonly session: SessionNode,
    readonly accountId: string,
    readonly accountName: string,
    readonly roles: readonly string[],
  ) {
    super(accountName, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `session:${session.target.label}:${accountId}`;
    this.description = accountId;
    this.iconPath = new vscode.ThemeIcon('briefcase');
    this.accessibilityInformation = { label: vscode.l10n.t('Account {0}, {1}', accountName, accountId) };
  }
}

class RoleNode extends vscode.TreeItem {
  constructor(account: AccountNode, accountName: string, roleName: string) {
    super(roleName);
    this.id = `${account.id ?? ''}:${roleName}`;
    this.iconPath = new vscode.ThemeIcon('key');
    this.tooltip = vscode.l10n.t(
      'Connect with the role {0} of account {1} (a profile is added for it when none has it)',
      roleName,
      account.accountId,
    );
    this.command = {
      title: vscode.l10n.t('Connect'),
      command: commandId('connectSsoRole'),
      arguments: [account.session.target.label, account.accountId, accountName, roleName],
    };
    this.contextValue = 'ssoRole';
    this.accessibilityInformation = {
      label: vscode.l10n.t('Role {0} of account {1}: press Enter to connect with it', roleName, accountName),
    };
  }
}

const loadingIcon = new vscode.ThemeIcon('loading~spin');
/** How long after the first page the Lambda rows are first redrawn; each later redraw waits twice as long. */
const firstRedrawMs = 100;

type Node = ConnectionNode | RegionNode | LambdaNode | FunctionNode | MessageNode | SessionNode | AccountNode | RoleNode;

export class ExplorerTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private readonly functions = new Map<string, FunctionListing>();
  /** The Lambda node of each region the tree shows now: the one to redraw as pages arrive. */
  private readonly lambdaNodes = new Map<string, LambdaNode>();
  private readonly redraws = new Map<string, ReturnType<typeof setTimeout>>();
  /** Stops the listings in flight: a refresh or another connection makes them useless. */
  private listings = new AbortController();

  private readonly assignments = new Map<string, Promise<Assignment[]>>();

  constructor(
    private readonly connections: ConnectionService,
    private readonly regions: ExplorerRegions,
    private readonly profiles: ProfileService,
    private readonly sso: SsoSessions,
  ) {
    this.subscription = vscode.Disposable.from(
      connections.onDidChange(() => this.refresh()),
      regions.onDidChange(() => this.redraw()),
      sso.onDidChange(() => this.refresh()),
      // A session added to or removed from the config file.
      profiles.onDidChange(() => this.redraw()),
    );
  }

  /** Forgets what was listed, so the next expand asks AWS again. */
  refresh(): void {
    this.listings.abort();
    this.listings = new AbortController();
    this.functions.clear();
    this.stopRedraws();
    this.assignments.clear();
    this.changed.fire(undefined);
  }

  /** Draws the tree again, keeping what was listed: the regions shown changed. */
  redraw(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node instanceof LambdaNode ? node.count(this.functions.get(node.parent.region)) : node;
  }

  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    return node instanceof FunctionNode ? node.withTooltip() : item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node instanceof RegionNode) {
      const lambda = new LambdaNode(node);
      this.lambdaNodes.set(node.region, lambda);
      return [lambda];
    }
    if (node instanceof LambdaNode) {
      return this.functionNodes(node.parent);
    }
    if (node instanceof SessionNode) {
      return this.accountNodes(node);
    }
    if (node instanceof AccountNode) {
      return node.roles.map((role) => new RoleNode(node, node.accountName, role));
    }
    if (node) {
      return [];
    }
    const connection = this.connections.connection;
    const sessions = await this.signedInSessions();
    if (!connection) {
      return sessions;
    }
    const own = connection.state.region;
    const regions = [own, ...this.regions.regions.filter((region) => region !== own)];
    return [new ConnectionNode(connection), ...regions.map((region) => new RegionNode(connection, region)), ...sessions];
  }

  /** The sessions of the config file that are signed in now (their token files say so; no call). */
  private async signedInSessions(): Promise<SessionNode[]> {
    const snapshot = await this.profiles.latest();
    const targets = sessionTargets(snapshot.ssoSessions);
    const statuses = await Promise.all(targets.map((target) => this.sso.status(target)));
    return targets.filter((_target, index) => statuses[index]?.kind === 'signedIn').map((target) => new SessionNode(target));
  }

  private async accountNodes(session: SessionNode): Promise<Node[]> {
    const key = session.target.label;
    let listing = this.assignments.get(key);
    if (!listing) {
      listing = this.sso.assignments(session.target, this.listings.signal);
      this.assignments.set(key, listing);
    }
    try {
      const accounts = new Map<string, { name: string; roles: string[] }>();
      for (const { accountId, accountName, roleName } of await listing) {
        const account = accounts.get(accountId) ?? { name: accountName, roles: [] };
        account.roles.push(roleName);
        accounts.set(accountId, account);
      }
      return [...accounts].map(([accountId, { name, roles }]) => new AccountNode(session, accountId, name, roles));
    } catch (error) {
      if (this.assignments.get(key) === listing) {
        this.assignments.delete(key);
      }
      const { message } = describeAwsError(error);
      return [new MessageNode(`session:${key}:error`, vscode.l10n.t('Failed to list accounts: {0}', message), message)];
    }
  }

  private async functionNodes({ connection, region }: RegionNode): Promise<Node[]> {
    if (connection !== this.connections.connection) {
      // A node of an earlier connection: the tree is being redrawn for the current one.
      return [];
    }
    const listing = this.functions.get(region) ?? this.startListing(connection, region);
    await listing.started;
    const rows: Node[] = listing.functions.map((entry) => {
      let row = listing.rows.get(entry);
      if (!row) {
        row = new FunctionNode(region, entry);
        listing.rows.set(entry, row);
      }
      return row;
    });
    if (listing.error !== undefined) {
      // Shown once: the next expand lists again.
      if (this.functions.get(region) === listing) {
        this.functions.delete(region);
      }
      const { message } = describeAwsError(listing.error);
      return [...rows, new MessageNode(`lambda:${region}:error`, vscode.l10n.t('Failed to list functions: {0}', message), message)];
    }
    if (!listing.done) {
      return [...rows, new MessageNode(`lambda:${region}:loading`, vscode.l10n.t('Loading more functions…'), undefined, loadingIcon)];
    }
    return rows.length > 0 ? rows : [new MessageNode(`lambda:${region}:none`, vscode.l10n.t('[No functions found]'))];
  }

  /**
   * Lists the region's functions, showing the first page at once and redrawing its Lambda node as
   * more arrive, then at the end. Each redraw sends every row to the window again, so they come
   * less and less often: 100 ms after the first page, then 200, 400, and so on.
   */
  private startListing(connection: Connection, region: string): FunctionListing {
    const { signal } = this.listings;
    let started = (): void => undefined;
    const listing: FunctionListing = {
      functions: [],
      rows: new WeakMap(),
      done: false,
      started: new Promise((resolve) => (started = resolve)),
    };
    this.functions.set(region, listing);
    // Until a page is shown, the view waits for `started` and draws the end itself.
    let shown = false;
    let nextRedrawMs = firstRedrawMs;
    const onPage = (sorted: readonly LambdaFunction[]): void => {
      listing.functions = sorted;
      if (!shown) {
        // The rows come with the view's own wait for them; the redraw then puts the count on the Lambda row.
        shown = true;
        started();
      }
      if (this.redrawSoon(region, nextRedrawMs)) {
        nextRedrawMs *= 2;
      }
    };
    void import('../../core/aws/resources/lambda.js')
      .then(({ listLambdaFunctions }) => listLambdaFunctions(connection.access, region, { signal, onPage }))
      .then(
        (functions) => {
          listing.functions = functions;
          listing.done = true;
        },
        (error: unknown) => {
          listing.error = error;
        },
      )
      .finally(() => {
        started();
        if (shown && !signal.aborted) {
          this.redrawNow(region);
        }
      });
    return listing;
  }

  /** Says whether it set a new redraw, rather than leaving the one already due. */
  private redrawSoon(region: string, delayMs: number): boolean {
    if (this.redraws.has(region)) {
      return false;
    }
    this.redraws.set(
      region,
      setTimeout(() => this.redrawNow(region), delayMs),
    );
    return true;
  }

  private redrawNow(region: string): void {
    clearTimeout(this.redraws.get(region));
    this.redraws.delete(region);
    const node = this.lambdaNodes.get(region);
    if (node) {
      this.changed.fire(node);
    }
  }

  private stopRedraws(): void {
    for (const timer of this.redraws.values()) {
      clearTimeout(timer);
    }
    this.redraws.clear();
  }

  dispose(): void {
    this.listings.abort();
    this.stopRedraws();
    this.subscription.dispose();
    this.changed.dispose();
  }
}
