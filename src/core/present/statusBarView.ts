/**
 * What the status bar shows for each connection state: text, look and tooltip. Pure, so every
 * state's view is unit-tested.
 */
import type { ConnectionState } from '../aws/connectionState';
import { escapeMarkdown as markdown } from './markdown';

export interface StatusBarView {
  readonly text: string;
  readonly look: 'normal' | 'warning';
  /** Markdown; `command:` links are listed in `commands`. */
  readonly tooltip: string;
  readonly commands: readonly string[];
}

const connect = 'awsCredentialManager.connect';
const disconnect = 'awsCredentialManager.disconnect';
const showLogs = 'awsCredentialManager.showLogs';

export function statusBarView(state: ConnectionState, now: Date = new Date()): StatusBarView {
  const links = (entries: [string, string][]): string => entries.map(([label, command]) => `[${label}](command:${command})`).join(' · ');
  switch (state.kind) {
    case 'disconnected':
      return {
        text: '$(cloud) AWS',
        look: 'normal',
        tooltip: `Not connected to AWS\n\n${links([
          ['Connect to AWS', connect],
          ['Show Logs', showLogs],
        ])}`,
        commands: [connect, showLogs],
      };
    case 'connecting':
      return {
        text: `$(loading~spin) AWS: profile:${state.profile}`,
        look: 'normal',
        tooltip: `Connecting with profile ${markdown(state.profile)}...`,
        commands: [],
      };
    case 'connected': {
      const lines = [
        `Connected with profile **${markdown(state.profile)}**`,
        `Account: ${state.identity.account}`,
        `ARN: ${markdown(state.identity.arn)}`,
        `Region: ${state.region}`,
      ];
      if (state.expiration) {
        lines.push(`Credentials expire ${expiryPhrase(state.expiration, now)}`);
      }
      lines.push(
        links([
          ['Switch Profile', connect],
          ['Disconnect', disconnect],
          ['Show Logs', showLogs],
        ]),
      );
      return {
        text: `$(cloud) AWS: profile:${state.profile}`,
        look: 'normal',
        tooltip: lines.join('\n\n'),
        commands: [connect, disconnect, showLogs],
      };
    }
    case 'expired':
    case 'failed': {
      const headline =
        state.kind === 'expired'
          ? `The credentials of profile **${markdown(state.profile)}** stopped working`
          : `Profile **${markdown(state.profile)}** could not connect`;
      return {
        text: `$(warning) AWS: profile:${state.profile}`,
        look: 'warning',
        tooltip: `${headline}: ${markdown(state.problem.message)}\n\n${links([
          ['Connect Again', connect],
          ['Disconnect', disconnect],
          ['Show Logs', showLogs],
        ])}`,
        commands: [connect, disconnect, showLogs],
      };
    }
  }
}

export function expiryPhrase(expiration: Date, now: Date): string {
  const minutes = Math.round((expiration.getTime() - now.getTime()) / 60_000);
  const at = expiration.toISOString().slice(11, 16);
  if (minutes <= 0) {
    return `(expired at ${at} UTC)`;
  }
  return minutes < 120 ? `in ${minutes} min (${at} UTC)` : `in ${Math.round(minutes / 60)} h (${at} UTC)`;
}
