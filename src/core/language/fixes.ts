/**
 * Quick fixes for the problems the validator gives a code (ProblemCode): for each, the smallest
 * edit of the text that resolves it, made with the writer's edits (ini/edit) and turned into the
 * few characters that differ (textChange), so an editor applies it in place and undo restores
 * exactly those. A fix whose edit the writer refuses is not offered.
 */
import * as l10n from '@vscode/l10n';
import type { FileRole } from '../files/roles';
import { appendSection, commentAbove, IniEditError, removeKey, removeLineAt, renameKeyAt, renameSections, setValueAt } from '../ini/edit';
import { entryAt, sectionAt } from '../ini/lookup';
import type { IniEntry, IniSection } from '../ini/scan';
import { profileHeader, sectionTarget, setsKey, setsTopLevelKey } from '../ini/syntax';
import { checkProfileName, checkSessionName, checkSettingKey, checkSettingValue } from '../ini/writable';
import { profileKeys, ssoSessionKeys } from '../profiles/knownKeys';
import { hasStaticKeys, profileKind, rawSettings } from '../profiles/model';
import { sectionsIn, type SharedFile, type SharedFiles } from '../profiles/read';
import { knownRegions } from '../profiles/regions';
import { quoted, quotedKey } from '../secrets';
import { closestMatch } from '../validation/didYouMean';
import type { Problem, ProblemCode } from '../validation/problems';
import { textChange, type TextEdit } from './text';

export interface QuickFix {
  readonly title: string;
  /** The fix an editor may apply on its own (VS Code's preferred fix): it keeps what the SDK reads and guesses nothing. */
  readonly preferred: boolean;
  /** The edits of each file, in positions of its text in the `files` the fix was made from. */
  readonly edits: Partial<Record<FileRole, TextEdit[]>>;
}

/** What a fixer is given: the problem, and the file and 0-based line it is located at. */
interface Place {
  readonly files: SharedFiles;
  readonly file: SharedFile;
  readonly index: number;
  readonly problem: Problem;
}

/**
 * The fixes of a problem shown in the document of `role`, whose text in `files` is the editor's
 * (see documentFiles). Only a problem located in that file gets fixes: its line is a line of that
 * text. A fix may edit the other file too (a missing profile is added where the AWS CLI writes it),
 * in positions of that file's text in `files`; a file that does not exist yet is edited as an
 * empty text. Work is proportional to the section of the problem (a role chain: to its length).
 */
export function quickFixes(files: SharedFiles, role: FileRole, problem: Problem): QuickFix[] {
  const { code, location } = problem;
  const file = files[role];
  if (code === undefined || location?.file !== role || file.readError !== undefined) {
    return [];
  }
  return fixers[code]({ files, file, index: location.line - 1, problem });
}

const fixers: Record<ProblemCode, (place: Place) => QuickFix[]> = {
  unknownKey: ({ file, index }) => {
    const found = entryAt(file.scan, index);
    const known = found && knownKeysOf(file, found.section);
    const entry = found?.entry;
    if (!entry || !known || entry.key !== entry.name || !setsTopLevelKey(entry) || known.has(entry.name)) {
      return [];
    }
    const suggestion = closestMatch(entry.name, known);
    if (suggestion === undefined || checkSettingKey(suggestion) !== undefined) {
      return [];
    }
    const title =
      quotedKey(entry.name, false) === entry.name
        ? l10n.t('Rename {0} to {1}', entry.name, suggestion)
        : l10n.t('Rename the key to {0}', suggestion);
    return fix(title, true, file, () => renameKeyAt(textOf(file), index, suggestion));
  },

  staleSessionToken: ({ file, index }) => {
    const found = entryWith(file, index, 'aws_session_token');
    // Every line of it in the section: the SDK would read an earlier one once the last is gone.
    return found
      ? fix(l10n.t('Delete {0}', 'aws_session_token'), true, file, () =>
          removeKey(textOf(file), () => [found.section], 'aws_session_token'),
        )
      : [];
  },

  regionTypo: ({ file, index }) => {
    const entry = entryWith(file, index, 'region')?.entry;
    const suggestion = entry && closestMatch(entry.value, knownRegions);
    if (!entry || suggestion === undefined || suggestion === entry.value || checkSettingValue('region', suggestion) !== undefined) {
      return [];
    }
    return fix(l10n.t('Change region to {0}', suggestion), true, file, () => setValueAt(textOf(file), index, suggestion));
  },

  profileHeaderInCredentials: ({ file, index }) => {
    const section = headerAt(file, index);
    if (file.role !== 'credentials' || section?.prefix !== 'profile') {
      return [];
    }
    return renameHeader(file, section, section.name);
  },

  bareHeaderInConfig: ({ file, index }) => {
    const section = headerAt(file, index);
    if (file.role !== 'config' || !section || section.prefix !== undefined || sectionTarget('config', section) !== undefined) {
      return [];
    }
    return renameHeader(file, section, section.rawName.trim());
  },

  missingSsoSession: ({ files, file, index }) => {
    const name = entryWith(file, index, 'sso_session')?.entry.value;
    const config = files.config;
    if (name === undefined || config.readError !== undefined || checkSessionName(name) !== undefined) {
      return [];
    }
    if (sectionsIn(config, 'sso-session', name).length > 0) {
      return [];
    }
    const header = `[sso-session ${name}]`;
    // Keys without values, for the user to fill: the validator still asks for both until they are
    // (a `key =` line stores nothing), where a made-up URL would pass it and fail at sign-in.
    const stub = [
      { key: 'sso_start_url', value: '' },
      { key: 'sso_region', value: '' },
    ];
    const title =
      quoted(name) === name
        ? l10n.t('Add {0} to the config file', header)
        : l10n.t('Add the sso-session section it names to the config file');
    return fix(title, false, config, () => appendSection(textOf(config), header, stub));
  },

  missingSourceProfile: ({ files, file, index }) => {
    const first = entryWith(file, index, 'source_profile')?.entry.value;
    const name = first === undefined ? undefined : missingSource(files, first);
    const credentials = files.credentials;
    if (name === undefined || credentials.readError !== undefined || checkProfileName(name) !== undefined) {
      return [];
    }
    // Where `aws configure` writes a profile's keys; left empty for the user to paste, as with the sso-session stub.
    const stub = [
      { key: 'aws_access_key_id', value: '' },
      { key: 'aws_secret_access_key', value: '' },
    ];
    const title =
      quoted(name) === name
        ? l10n.t('Add the profile {0} to the credentials file', name)
        : l10n.t('Add the missing profile to the credentials file');
    return fix(title, false, credentials, () => appendSection(textOf(credentials), profileHeader('credentials', name), stub));
  },

  duplicateKey: ({ file, index, problem }) => {
    const later = entryAt(file.scan, index);
    const place = problem.related?.[0]?.location;
    const earlier = place?.file === file.role ? entryAt(file.scan, place.line - 1) : undefined;
    if (!later || !earlier || earlier.section !== later.section || earlier.entry.key !== later.entry.key || earlier.entry.index >= index) {
      return [];
    }
    return [
      // The SDK reads the later line: deleting the earlier one changes nothing it reads.
      ...fix(l10n.t('Delete the earlier line (line {0})', earlier.entry.index + 1), true, file, () =>
        removeLineAt(textOf(file), earlier.entry.index),
      ),
      ...fix(l10n.t('Delete this line'), false, file, () => removeLineAt(textOf(file), index)),
    ];
  },

  inlineComment: ({ file, index }) =>
    entryAt(file.scan, index)
      ? fix(l10n.t('Move the comment to its own line above'), true, file, () => commentAbove(textOf(file), index))
      : [],
};

function textOf(file: SharedFile): string {
  return file.text ?? '';
}

/** A fix of one file, or none when the writer refuses the edit or it changes nothing. */
function fix(title: string, preferred: boolean, file: SharedFile, edited: () => string): QuickFix[] {
  let after: string;
  try {
    after = edited();
  } catch (error) {
    if (error instanceof IniEditError) {
      return [];
    }
    throw error;
  }
  const change = textChange(textOf(file), file.scan, after);
  return change ? [{ title, preferred, edits: { [file.role]: [change] } }] : [];
}

/** The keys the validator checks a section's lines against (see rules/lines): none for a section it does not check. */
function knownKeysOf(file: SharedFile, section: IniSection): ReadonlySet<string> | undefined {
  const kind = sectionTarget(file.role, section)?.kind;
  return kind === 'profile' ? profileKeys : kind === 'sso-session' ? ssoSessionKeys : undefined;
}

function entryWith(file: SharedFile, index: number, key: string): { readonly section: IniSection; readonly entry: IniEntry } | undefined {
  const found = entryAt(file.scan, index);
  return found && setsKey(found.entry, key) ? found : undefined;
}

function headerAt(file: SharedFile, index: number): IniSection | undefined {
  const section = sectionAt(file.scan, index);
  return section?.index === index ? section : undefined;
}

/**
 * `[profile x]` in the credentials file to `[x]`, `[x]` in the config file to `[profile x]`. Not
 * offered when the file already defines x: the SDK would merge the two sections, changing what x
 * reads, and the AWS CLI refuses a file with a section twice, every profile of it.
 */
function renameHeader(file: SharedFile, section: IniSection, name: string): QuickFix[] {
  if (checkProfileName(name) !== undefined || file.index.profile.has(name)) {
    return [];
  }
  const header = profileHeader(file.role, name);
  const title =
    quoted(section.rawName) === section.rawName
      ? l10n.t('Rename [{0}] to {1}', section.rawName, header)
      : l10n.t('Rename the section header');
  return fix(title, true, file, () => renameSections(textOf(file), () => [section], header));
}

/**
 * The profile a source_profile chain starting at `first` names and neither file defines, following
 * it as the SDK does (see rules/roles): through roles without static keys. Undefined when the chain
 * ends anywhere else, so a stale problem gets no fix.
 */
function missingSource(files: SharedFiles, first: string): string | undefined {
  const followed = new Set<string>();
  let name = first;
  while (files.config.index.profile.has(name) || files.credentials.index.profile.has(name)) {
    const settings = rawSettings(files, name);
    const kind = profileKind(settings);
    if (followed.has(name) || hasStaticKeys(settings) || kind.kind !== 'assumeRole') {
      return undefined;
    }
    followed.add(name);
    name = kind.sourceProfile;
  }
  return name;
}
