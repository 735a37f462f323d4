/**
 * What the status bar shows for each connection state: text, look and tooltip. Pure, so every
 * state's view is unit-tested.
 */
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

const showLogs: Link = [commandTitles.showLogs, 'showLogs'];
const disconnect: Link = [commandTitles.disconnect, 'disconnect'];
const openConsole: Link = [commandTitles.openConsole, 'openConsole'];

/** A view whose tooltip ends with a line of command links. */
function view(
  [icon, text, state]: readonly [icon: string, text: string, state: string],
  look: StatusBarView['look'],
  lines: readonly string[],
  links: readonly Link[],
): StatusBarView {
  const linkLine = links.map(([label, command]) => `[${label}](command:${commandId(command)})`).join(' · ');
  return {
    text: `$(${icon}) ${text}`,
    ariaLabel: `${text}, ${state}`,
    look,
    tooltip: [...lines, ...(linkLine ? [linkLine] : [])].join('\n\n'),
    commands: links.map(([, command]) => commandId(command)),
  };
}

export function statusBarView(state: ConnectionState, now: Date = new Date()): StatusBarView {
  if (state.kind === 'disconnected') {
    return view(['cloud', 'AWS', 'not connected'], 'normal', ['Not connected to AWS'], [[commandTitles.connect, 'connect'], showLogs]);
  }
  const profile = quoted(state.profile);
  switch (state.kind) {
    case 'connecting':
      return view(
        ['loading~spin', `AWS: profile:${profile}`, 'connecting'],
        'normal',
        [`Connecting with profile ${markdown(profile)}...`],
        [],
      );
    case 'connected': {
      const lines = [
        `Connected with profile **${markdown(profile)}**`,
        `Account: ${state.identity.account}`,
        `ARN: ${markdown(state.identity.arn)}`,
        `Region: ${quotedValue('region', state.region)}`,
        ...(state.expiration ? [`Credentials expire ${expiryPhrase(state.expiration, now)}`] : []),
        ...(state.signIn ? [signInLine(state.signIn, now)] : []),
      ];
      return view(['cloud', `AWS: profile:${profile}`, `connected, account ${state.identity.account}`], 'normal', lines, [
        [switchProfileLabel, 'connect'],
        openConsole,
        ['Export Credentials', 'exportCredentials'],
        ['Open Terminal', 'openCredentialsTerminal'],
        disconnect,
        showLogs,
      ]);
    }
    case 'expired':
    case 'failed': {
      const headline =
        state.kind === 'expired'
          ? `The credentials of profile **${markdown(profile)}** stopped working`
          : `Profile **${markdown(profile)}** could not connect`;
      return view(
        ['warning', `AWS: profile:${profile}`, state.kind === 'expired' ? 'credentials stopped working' : 'could not connect'],
        'warning',
        [`${headline}: ${markdown(state.problem.message)}`],
        [againLink(state.problem.kind), disconnect, showLogs],
      );
    }
  }
}

/** The label of the offer to connect with another profile (it runs Connect to AWS). */
export const switchProfileLabel = 'Switch Profile';

/** The label of the offer to sign in to IAM Identity Center when a sign-in has ended. */
export const signInAgainLabel = 'Sign In Again';

/** The label of the offer to run `aws login` for a profile it signs in. */
export const awsLoginLabel = 'Sign In';

/** What the tooltip of a failed connection offers first: a new sign-in when one ended, else another connect. */
function againLink(kind: AwsProblemKind): Link {
  if (kind === 'signIn') {
    return [signInAgainLabel, 'signIn'];
  }
  return kind === 'login' ? [awsLoginLabel, 'awsLogin'] : ['Connect Again', 'connect'];
}

function signInLine(signIn: { readonly expiresAt: Date; readonly renews: boolean }, now: Date): string {
  const ends = `IAM Identity Center sign-in: token expires ${expiryPhrase(signIn.expiresAt, now)}`;
  return signIn.renews ? `${ends}, renewed on connect until your Identity Center session ends` : `${ends}; then sign in again`;
}

export function expiryPhrase(expiration: Date, now: Date): string {
  const minutes = Math.round((expiration.getTime() - now.getTime()) / 60_000);
  const at = expiration.toISOString().slice(11, 16);
  if (minutes <= 0) {
    return `(expired at ${at} UTC)`;
  }
  return minutes < 120 ? `in ${minutes} min (${at} UTC)` : `in ${Math.round(minutes / 60)} h (${at} UTC)`;
}
