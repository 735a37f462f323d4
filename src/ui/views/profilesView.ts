/**
 * The Profiles view: every profile with its kind, region and state. A profile with problems opens
 * onto one row per problem, and a click on a problem opens the file at its line.
 */
import * as vscode from 'vscode';
import { displayPath } from '../../core/files/paths';
import { escapeMarkdown as escape } from '../../core/present/markdown';
import { filesOf, kindLabel, profileDescription, statusLabel } from '../../core/present/profileLabels';
import { quoted, quotedValue } from '../../core/secrets';
import type { Problem, ProfileReport } from '../../core/validation/snapshot';
import { commandId } from '../../manifest';
import type { ConnectionService } from '../../services/connectionService';
import type { ProfileService } from '../../services/profileService';
import { uneditableProfile } from '../../core/ini/writable';
import { ownerKey, signInTargetOf, type SignInTarget, type TokenStatus } from '../../core/aws/sso/sessions';
import { ssoProfileLines, tokenStatusWords } from '../../core/present/signInLabels';
import type { SsoSessions } from '../../services/ssoSessions';
import { keyAgeWords, oldKeyAdvice } from '../../core/aws/iam/keyAge';
import type { KeyAges } from '../../services/keyAges';

/** Whether the profile's row offers Connect (see "view/item/context" in package.json). */
function offersConnect(report: ProfileReport): boolean {
  return report.status !== 'invalid';
}

/** An IAM Identity Center profile's sign-in, when it has one to show. */
interface SignIn {
  readonly target: SignInTarget | undefined;
  readonly status: TokenStatus | undefined;
}

export class ProfileNode extends vscode.TreeItem {
  constructor(
    readonly report: ProfileReport,
    private readonly signIn?: SignIn,
    /** The age in days of the profile's access key, when it is old enough to rotate. */
    private readonly oldKeyDays?: number,
  ) {
    const { profile, status, problems } = report;
    const name = quoted(profile.name);
    super(name, problems.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    this.id = `profile:${profile.name}`;
    const described = profileDescription(report);
    const extra = signIn?.status ? tokenStatusWords(signIn.status) : oldKeyDays === undefined ? undefined : keyAgeWords(oldKeyDays);
    this.description = extra !== undefined && status !== 'invalid' ? `${described} · ${extra}` : described;
    this.iconPath = oldKeyDays === undefined ? statusIcons[status] : statusIcons.warning;
    // What the menus may offer: see "view/item/context" in package.json.
    const inFile = profile.definitions.length > 0;
    // Rename and Delete only where the writer can write the name back (see uneditableProfile).
    const editable = inFile && uneditableProfile(profile.name) === undefined;
    const rotatable = editable && profile.kind === 'staticKeys';
    this.contextValue = [
      'profile',
      offersConnect(report) ? 'usable' : 'invalid',
      inFile ? 'inFile' : '',
      editable ? 'editable' : '',
      rotatable ? 'rotatable' : '',
      rotatable && oldKeyDays !== undefined ? 'oldKey' : '',
    ]
      .filter(Boolean)
      .join(';');
    this.accessibilityInformation = { label: `${name}, ${statusLabel(report)}, ${this.description}` };
  }

  /** Made when the tooltip is about to show (resolveTreeItem): thousands of them would slow the view's first rows. */
  withTooltip(): this {
    const tooltip = profileTooltip(this.report, this.signIn);
    if (this.oldKeyDays !== undefined) {
      tooltip.appendMarkdown(`\n\n$(warning) ${escape(oldKeyAdvice(this.oldKeyDays))}`);
    }
    this.tooltip = tooltip;
    return this;
  }
}

class ProblemNode extends vscode.TreeItem {
  constructor(profileName: string, index: number, problem: Problem) {
    super(problem.message, vscode.TreeItemCollapsibleState.None);
    this.id = `problem:${profileName}:${index}`;
    if (problem.location) {
      this.description = `${displayPath(problem.location.path)}:${problem.location.line}`;
    }
    this.tooltip = vscode.l10n.t('{0}\n\nHow to fix it: {1}', problem.message, problem.fix);
    this.iconPath = problem.severity === 'error' ? statusIcons.invalid : statusIcons.warning;
    const severity = problem.severity === 'error' ? vscode.l10n.t('Error') : vscode.l10n.t('Warning');
    const label = problem.location
      ? vscode.l10n.t('{0}: {1}, at {2}: press Enter to open it', severity, problem.message, this.description as string)
      : vscode.l10n.t('{0}: {1}', severity, problem.message);
    this.accessibilityInformation = { label };
    if (problem.location) {
      this.command = {
        title: vscode.l10n.t('Fix'),
        command: commandId('openFileAtLine'),
        arguments: [problem.location.path, problem.location.line],
      };
    }
    this.contextValue = 'problem';
  }
}

/** Says the rest of the profiles are on their way, for the moment between the first rows and all of them. */
class MoreProfilesNode extends vscode.TreeItem {
  constructor(more: number) {
    super(more === 1 ? vscode.l10n.t('Listing 1 more profile…') : vscode.l10n.t('Listing {0} more profiles…', more));
    this.id = 'profiles:more';
    this.iconPath = new vscode.ThemeIcon('loading~spin');
  }
}

type Node = ProfileNode | ProblemNode | MoreProfilesNode;

/**
 * How many rows the view's first listing shows before all of them: more than a screen holds. VS
 * Code takes about 40 ms per 1,000 rows to move and draw them, so 10,000 at once would hold the
 * first rows back by almost half a second.
 */
const firstRows = 200;

const statusIcons = {
  valid: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  invalid: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
} as const;

function profileTooltip(report: ProfileReport, signIn: SignIn | undefined): vscode.MarkdownString {
  const { profile, problems } = report;
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escape(quoted(profile.name))}**: ${kindLabel(profile)}, ${statusLabel(report)}\n\n`);
  if (profile.region) {
    tooltip.appendMarkdown(vscode.l10n.t('Region: {0}', escape(quotedValue('region', profile.region))) + '\n\n');
  }
  for (const line of ssoProfileLines(profile, signIn?.target, signIn?.status)) {
    tooltip.appendMarkdown(`${escape(line)}\n\n`);
  }
  for (const problem of problems) {
    tooltip.appendMarkdown(
      `$(${problem.severity === 'error' ? 'error' : 'warning'}) ${escape(problem.message)}. ${escape(problem.fix)}\n\n`,
    );
  }
  tooltip.appendMarkdown(
    filesOf(profile)
      .map((file) => escape(displayPath(file)))
      .join(', '),
  );
  return tooltip;
}

export class ProfilesTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** How many profile rows the view shows: a redraw never shows fewer than that, while more are on their way. */
  private shownRows = 0;

  constructor(
    private readonly service: ProfileService,
    private readonly sso: SsoSessions,
    private readonly keyAges: KeyAges,
  ) {
    this.subscription = vscode.Disposable.from(
      service.onDidChange(() => this.changed.fire(undefined)),
      keyAges.onDidChange(() => this.changed.fire(undefined)),
      // A sign-in, renewal or sign-out changes what the IAM Identity Center profiles show.
      sso.onDidChange(() => this.changed.fire(undefined)),
    );
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    return node instanceof ProfileNode ? node.withTooltip() : item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node instanceof ProfileNode) {
      return node.report.problems.map((problem, index) => new ProblemNode(node.report.profile.name, index, problem));
    }
    if (node) {
      return [];
    }
    const snapshot = await this.service.latest();
    // A view that shows few rows gets the first ones at once, and every row in a redraw once these are on screen.
    const partial = snapshot.reports.length > firstRows && this.shownRows < firstRows;
    const reports = partial ? snapshot.reports.slice(0, firstRows) : snapshot.reports;
    // The sign-ins of those rows first, one read of each cache file however many profiles share it; then the rows.
    const targets = new Map<ProfileReport, SignInTarget | undefined>();
    const owners = new Map<string, SignInTarget>();
    for (const report of reports) {
      if (report.profile.kind === 'sso') {
        const target = signInTargetOf(report.profile, snapshot.ssoSessions);
        targets.set(report, target);
        if (target) {
          owners.set(ownerKey(target.owner), target);
        }
      }
    }
    const statuses = new Map(await Promise.all([...owners].map(async ([key, target]) => [key, await this.sso.status(target)] as const)));
    if (partial) {
      setTimeout(() => this.changed.fire(undefined), 0);
    }
    this.shownRows = reports.length;
    const rows: Node[] = reports.map((report) => {
      if (!targets.has(report)) {
        return new ProfileNode(report, undefined, this.keyAges.oldKeyDays(report.profile.name));
      }
      const target = targets.get(report);
      return new ProfileNode(report, { target, status: target && statuses.get(ownerKey(target.owner)) });
    });
    return partial ? [...rows, new MoreProfilesNode(snapshot.reports.length - reports.length)] : rows;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** When the view is shown with a row that offers Connect, the connect code loads before the click. */
export function prepareConnectWhenShown(
  view: vscode.TreeView<unknown>,
  profiles: ProfileService,
  connection: ConnectionService,
): vscode.Disposable {
  return view.onDidChangeVisibility(async ({ visible }) => {
    // A read that failed is the view's to show.
    const snapshot = visible ? await profiles.latest().catch(() => undefined) : undefined;
    if (snapshot?.reports.some(offersConnect)) {
      connection.prepareConnect();
    }
  });
}
