/** The editor features, loaded together (the `language` chunk of esbuild.mjs) when a shared file is first opened in an editor. */
export { documentFiles } from './documentFiles';
export { documentProblems } from './diagnostics';
export { secretRanges } from './secretMasks';
export { partColumns } from './text';
export { snapshotOf } from '../validation/snapshot';
export { profileHeaders } from './profileHeaders';
