/**
 * What package.json contributes, typed: command names with their titles, view ids and settings. A
 * unit test holds this and package.json equal, so no command is named by a raw string, and a button
 * that just runs a command is labelled with that command's title (a link may word it for its place:
 * the status bar's "Switch Profile" runs Connect to AWS).
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
  signIn: 'Sign In to IAM Identity Center',
  signOut: 'Sign Out',
  addSsoProfiles: 'Add Profiles for Every Account and Role',
  connectSsoRole: 'Connect with Role',
  toggleSecretMasking: 'Show or Mask Secrets in the Editor',
  testProfile: 'Test Profile',
  awsLogin: 'Sign In with aws login',
  rotateAccessKey: 'Rotate Access Key',
  openConsole: 'Open AWS Console',
  exportCredentials: 'Export Credentials...',
  openCredentialsTerminal: 'Open Terminal with These Credentials',
} as const;

export type CommandName = keyof typeof commandTitles;

/** publisher.name of package.json: how VS Code names the extension. */
export const extensionId = 'aws-credential-manager.aws-credential-manager';

/** The prefix of every id the extension owns: commands, views, settings and global state keys. */
export const idPrefix = 'awsCredentialManager';

export type CommandId = `${typeof idPrefix}.${CommandName}`;

export function commandId(name: CommandName): CommandId {
  return `${idPrefix}.${name}`;
}

export const viewIds = {
  explorer: 'awsCredentialManager.explorer',
  profiles: 'awsCredentialManager.profiles',
} as const;

/** Context keys the extension sets (ui/contextKeys), for the walkthrough's completion events. */
export const contextKeys = {
  connected: 'awsCredentialManager.connected',
  hasProfiles: 'awsCredentialManager.hasProfiles',
  /** The active editor shows one of the two shared files. */
  editingSharedFile: 'awsCredentialManager.editingSharedFile',
} as const;

/** The Getting Started walkthrough, as workbench.action.openWalkthrough takes it: `publisher.name#id`. */
export const walkthroughId = 'aws-credential-manager.aws-credential-manager#getStarted';

export const settingIds = {
  terminalSetProfile: 'awsCredentialManager.terminal.setProfile',
  ssoSignInFlow: 'awsCredentialManager.sso.signInFlow',
  ssoProfileNameTemplate: 'awsCredentialManager.sso.profileNameTemplate',
  mfaWriteSessionProfile: 'awsCredentialManager.mfa.writeSessionProfile',
  credentialProcessTimeout: 'awsCredentialManager.credentialProcess.timeoutSeconds',
  editorMaskSecrets: 'awsCredentialManager.editor.maskSecrets',
  explorerRegions: 'awsCredentialManager.explorer.regions',
} as const;

/** The languages of the two shared files (package.json contributes them, with their grammars). */
export const languageIds = { config: 'aws-config', credentials: 'aws-credentials' } as const;
