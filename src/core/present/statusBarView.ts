/**
 * What the status bar shows for each connection state: text, look and tooltip. Pure, so every
 * state's view is unit-tested.
 */
import * as l10n from '@vscode/l10n';
import type { ConnectionState } from '../aws/connectionState';
import type { AwsProblemKind } from '../aws/errors';
import { commandId, commandTitles, type CommandId, type CommandName } from '../../manifest';
import { quoted, quotedValue } from '../secrets';
import { escapeMarkdown as markdown } from './markdown';

export interface StatusBarView {
  readonly text: string;
  /** What a screen reader reads: the text without its icon, and the state the icon or colour shows. */
  readonly ariaLabel: string;
  readonly look: 'normal' | 'warning';
  /** Markdown; its `command:` links run the commands listed in `commands`. */
  readonly tooltip: string;
  readonly commands: readonly CommandId[];
}

type Link = readonly [label: string, command: CommandName];

/** A command's title in VS Code's language: the UI passes its own; the manifest's English by default. */
export type CommandTitle = (name: CommandName) => string;

/** A view whose tooltip ends with a line of command links. */
function view(
  [icon, text, ariaLabel]: readonly [icon: string, text: string, ariaLabel: string],
  look: StatusBarView['look'],
  lines: readonly string[],
  links: readonly Link[],
): StatusBarView {
  const linkLine = links.map(([label, command]) => `[${label}](command:${commandId(command)})`).join(' · ');
  return {
    text: `$(${icon}) ${text}`,
    ariaLabel,
    look,
    tooltip: [...lines, ...(linkLine ? [linkLine] : [])].join('\n\n'),
    commands: links.map(([, command]) => commandId(command)),
  };
}

export function statusBarView(
  state: ConnectionState,
  now: Date = new Date(),
  title: CommandTitle = (name) => commandTitles[name],
): StatusBarView {
  const titled = (name: CommandName): Link => [title(name), name];
  if (state.kind === 'disconnected') {
    return view(
      ['cloud', 'AWS', l10n.t('AWS, not connected')],
      'normal',
      [l10n.t('Not connected to AWS')],
      [titled('connect'), titled('showLogs')],
    );
  }
  const profile = quoted(state.profile);
  // AWS's guides quote this text: it stays as it is in every language.
  const text = `AWS: profile:${profile}`;
  switch (state.kind) {
    case 'connecting':
      return view(
        ['loading~spin', text, l10n.t('{0}, connecting', text)],
        'normal',
        [l10n.t('Connecting with profile {0}...', markdown(profile))],
        [],
      );
    case 'connected': {
      const lines = [
        l10n.t('Connected with profile **{0}**', markdown(profile)),
        l10n.t('Account: {0}', state.identity.account),
        l10n.t('ARN: {0}', markdown(state.identity.arn)),
        l10n.t('Region: {0}', quotedValue('region', state.region)),
        ...(state.expiration ? [l10n.t('Credentials expire {0}', expiryPhrase(state.expiration, now))] : []),
        ...(state.signIn ? [signInLine(state.signIn, now)] : []),
      ];
      return view(['cloud', text, l10n.t('{0}, connected, account {1}', text, state.identity.account)], 'normal', lines, [
        [l10n.t('Switch Profile'), 'connect'],
        titled('openConsole'),
        [l10n.t('Export Credentials'), 'exportCredentials'],
        [l10n.t('Open Terminal'), 'openCredentialsTerminal'],
        titled('disconnect'),
        titled('showLogs'),
      ]);
    }
    case 'expired':
    case 'failed': {
      const problem = markdown(state.problem.message);
      const [headline, ariaLabel] =
        state.kind === 'expired'
          ? [
              l10n.t('The credentials of profile **{0}** stopped working: {1}', markdown(profile), problem),
              l10n.t('{0}, credentials stopped working', text),
            ]
          : [l10n.t('Profile **{0}** could not connect: {1}', markdown(profile), problem), l10n.t('{0}, could not connect', text)];
      return view(
        ['warning', text, ariaLabel],
        'warning',
        [headline],
        [againLink(state.problem.kind), titled('disconnect'), titled('showLogs')],
      );
    }
  }
}

/** What the tooltip of a failed connection offers first: a new sign-in when one ended, else another connect. */
function againLink(kind: AwsProblemKind): Link {
  if (kind === 'signIn') {
    return [l10n.t('Sign In Again'), 'signIn'];
  }
  return kind === 'login' ? [l10n.t('Sign In'), 'awsLogin'] : [l10n.t('Connect Again'), 'connect'];
}

function signInLine(signIn: { readonly expiresAt: Date; readonly renews: boolean }, now: Date): string {
  const expiry = expiryPhrase(signIn.expiresAt, now);
  return signIn.renews
    ? l10n.t('IAM Identity Center sign-in: token expires {0}, renewed on connect until your Identity Center session ends', expiry)
    : l10n.t('IAM Identity Center sign-in: token expires {0}; then sign in again', expiry);
}

export function expiryPhrase(expiration: Date, now: Date): string {
  const minutes = Math.round((expiration.getTime() - now.getTime()) / 60_000);
  const at = expiration.toISOString().slice(11, 16);
  if (minutes <= 0) {
    return l10n.t('(expired at {0} UTC)', at);
  }
  return minutes < 120 ? l10n.t('in {0} min ({1} UTC)', minutes, at) : l10n.t('in {0} h ({1} UTC)', Math.round(minutes / 60), at);
}
