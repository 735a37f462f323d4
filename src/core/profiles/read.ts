/**
 * One read of both shared files: each file's text, its scan, its section index and the values the
 * SDK reads from it. Values come from the scan, which follows the SDK's parser rule for rule (a
 * property test holds the two equal), so the bytes are parsed once rather than twice.
 */
import type { SharedFilePaths } from '../files/paths';
import { recoverFiles } from '../files/recovery';
import { renameOrder, type FileRole } from '../files/roles';
import { readFileLeniently, type FileRead } from '../files/textFile';
import { scanIni, type IniScan, type IniSection } from '../ini/scan';
import { sectionIndexOf, type SectionIndex, type SectionValues } from '../ini/sections';
import type { SectionPrefix } from '../ini/syntax';

export interface SharedFile extends FileRead {
  readonly role: FileRole;
  readonly path: string;
  readonly scan: IniScan;
  /** The sections that define each profile, sso-session and services section, and their values, built once per read. */
  readonly index: SectionIndex;
}

export interface SharedFiles {
  readonly config: SharedFile;
  readonly credentials: SharedFile;
}

/** The pair of files last cleaned up after (see readSharedFiles), and their identities then. */
let lastCleanup: { readonly pair: string; readonly identities: string } | undefined;

/**
 * Reads both files, and cleans up what a killed edit of them left (see recoverFiles) whenever one
 * can have been left since the last cleanup: at the first read of the files, and once a file was
 * replaced (edits replace files by renaming them; an edit killed between its renames replaced one).
 * Other reads cost no listing of the folder, which at 100 profiles costs a tenth of the read: most
 * follow a write in place (the AWS CLI's, an editor's). A staged file of an edit killed before its
 * first rename stays until the next edit, which cleans up before it writes, or the next session.
 * Each file is scanned as soon as its bytes arrive, while the other is still being read.
 */
export async function readSharedFiles(paths: SharedFilePaths): Promise<SharedFiles> {
  const read = async (role: FileRole): Promise<SharedFile> => sharedFile(role, paths[role], await readFileLeniently(paths[role]));
  const pair = `${paths.config}\0${paths.credentials}`;
  let [config, credentials] = await Promise.all([read('config'), read('credentials')]);
  const identities = (): string => `${config.identity} ${credentials.identity}`;
  if (lastCleanup?.pair !== pair || lastCleanup.identities !== identities()) {
    if (await recoverFiles(renameOrder.map((role) => paths[role]))) {
      [config, credentials] = await Promise.all([read('config'), read('credentials')]);
    }
    lastCleanup = { pair, identities: identities() };
  }
  return { config, credentials };
}

/**
 * A file from text already in hand: for tests, edits not yet written, and the editor's unsaved
 * text, whose `near` (the same file a keystroke ago) lets the scan redo only the section typed in.
 */
export function sharedFile(role: FileRole, path: string, { text, readError, identity }: FileRead, near?: SharedFile): SharedFile {
  const scan = scanIni(text ?? '', near);
  return { role, path, text, readError, identity, scan, index: sectionIndexOf(role, scan) };
}

/** The sections of one profile, sso-session or services section in a read file. */
export function sectionsIn(file: SharedFile, kind: SectionPrefix, name: string): readonly IniSection[] {
  return file.index[kind].get(name)?.sections ?? [];
}

/** The values the SDK loader reads for one profile, sso-session or services section of a read file (see sdkSections). */
export function valuesIn(file: SharedFile, kind: SectionPrefix, name: string): SectionValues | undefined {
  return file.index[kind].get(name)?.values;
}
