/**
 * What package.json contributes, typed: command names with their titles, view ids and settings. A
 * unit test holds this and package.json equal, so no command is named by a raw string, and a button
 * that runs a command is labelled with that command's title.
 */
export const commandTitles = {
  connect: 'Connect to AWS',
  addConnection: 'Add a New Connection',
  createCredentialsProfile: 'Create Credentials Profile',
  editCredentials: 'Edit Credentials',
  showLogs: 'Show Logs',
  refreshProfiles: 'Refresh Profiles',
  editProfile: 'Edit Profile',
  renameProfile: 'Rename Profile...',
  deleteProfile: 'Delete Profile...',
  copyProfileExport: 'Copy export AWS_PROFILE Line',
  openFileAtLine: 'Open File at Line',
  connectProfile: 'Connect with Profile',
  disconnect: 'Disconnect',
  showCurrentIdentity: 'Show Current Identity',
  showOrHideRegions: 'Show or Hide Regions',
  refreshExplorer: 'Refresh Explorer',
} as const;

export type CommandName = keyof typeof commandTitles;

export const commandPrefix = 'awsCredentialManager';

export type CommandId = `${typeof commandPrefix}.${CommandName}`;

export function commandId(name: CommandName): CommandId {
  return `${commandPrefix}.${name}`;
}

export const viewIds = {
  explorer: 'awsCredentialManager.explorer',
  profiles: 'awsCredentialManager.profiles',
} as const;

export const settingIds = {
  terminalSetProfile: 'awsCredentialManager.terminal.setProfile',
} as const;
