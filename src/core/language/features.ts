/** The editor features, loaded together (the `language` chunk of esbuild.mjs) when a shared file is first opened in an editor. */
export { completionsAt } from './completion';
export { documentProblems, problemsOf } from './diagnostics';
export { documentFiles } from './documentFiles';
export { quickFixes } from './fixes';
export { foldingRanges } from './folding';
export { hoverAt } from './hover';
export { profileHeaders } from './profileHeaders';
export { definitionAt, referencesAt } from './references';
export { prepareRename, renameEdits } from './rename';
export { secretRanges } from './secretMasks';
export { documentSymbols } from './symbols';
export { partColumns } from './text';
export { checkFiles, snapshotOf } from '../validation/snapshot';
