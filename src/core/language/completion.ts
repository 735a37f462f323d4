/**
 * Completion in the shared files: the keys of the section (with their docs), the values of a key
 * (closed sets, profile names, session names), and section headers. The work is that of the
 * current section: the scan is cached per text and the section is found by binary search.
 * Never a secret: no value is offered for a secret key, and values are ours, not the file's.
 */
import * as l10n from '@vscode/l10n';
import type { FileRole } from '../files/roles';
import type { IniScan, IniSection } from '../ini/scan';
import { commentOffset, isCommentLine, setsTopLevelKey, type SectionTarget } from '../ini/syntax';
import { escapeMarkdown } from '../present/markdown';
import { credentialFileKeys, profileKeys, ssoSessionKeys } from '../profiles/knownKeys';
import { profileNames } from '../profiles/model';
import { valuesIn, type SharedFile, type SharedFiles } from '../profiles/read';
import { isSecretKey, quotedValue } from '../secrets';
import { keyDoc, keyMarkdown, type KeyDoc } from './keyDocs';
import { entryAbove, entryOn, sectionPositionAt } from '../ini/lookup';
import { range, type Position, type Range } from './text';

export type CompletionKind = 'key' | 'value' | 'profile' | 'session' | 'section';

/** One suggestion, shaped like VS Code's CompletionItem. */
export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** `insertText` is a snippet (`${1:name}` placeholders). */
  readonly isSnippet: boolean;
  /** The text the item replaces; the position is inside it, on its line. */
  readonly range: Range;
  /** Suggestions are listed in this order (before the editor filters them by what is typed). */
  readonly sortText: string;
  /** Suggest again once inserted: a `key = ` whose values completion offers. */
  readonly retrigger: boolean;
}

/**
 * What to suggest at `position` of the file `role`; `files` holds the editor's text of that file
 * (see documentFiles). Nothing inside a comment.
 */
export function completionsAt(files: SharedFiles, role: FileRole, position: Position): CompletionItem[] {
  const file = files[role];
  const { scan } = file;
  const line = position.line;
  const text = scan.lines[line]?.text ?? '';
  const character = Math.min(position.character, text.length);
  if (isCommentLine(text) || character > commentOffset(text)) {
    return [];
  }
  const before = text.slice(0, character);
  const typed = before.trimStart();
  const indent = before.length - typed.length;
  const sectionPosition = sectionPositionAt(scan, line);
  const section = scan.sections[sectionPosition];
  if (typed.startsWith('[')) {
    // Only while the prefix word is typed: `[profile dev` is a name being edited, not a new header.
    return /^\[[A-Za-z-]*$/.test(typed) ? headerItems(file, range(line, indent, significantEnd(text))) : [];
  }
  if (section?.index === line) {
    return [];
  }
  const target = section ? file.index.targets[sectionPosition] : undefined;
  if (before.includes('=')) {
    return section && target ? valueItems(files, section, target, line, text, character) : [];
  }
  if (!/^[\w.-]*$/.test(typed)) {
    return [];
  }
  const wordEnd = indent + (/^[\w.-]*/.exec(text.slice(indent))?.[0].length ?? 0);
  const wordRange = range(line, indent, wordEnd);
  const keys = section && target ? keyItems(scan, section, sectionPosition, target, role, line, text, wordRange) : [];
  // A header is never indented by the CLI; an indented line continues the section.
  return indent === 0 ? [...keys, ...headerItems(file, wordRange)] : keys;
}

interface HeaderChoice {
  readonly label: string;
  readonly insertText: string;
  readonly documentation: string;
}

/** The headers a file takes; functions, as their words are in VS Code's language (see keyDocs). */
function configHeaders(): readonly HeaderChoice[] {
  return [
    { label: '[profile name]', insertText: '[profile ${1:name}]', documentation: l10n.t('A named profile: credentials and settings.') },
    {
      label: '[sso-session name]',
      insertText: '[sso-session ${1:name}]',
      documentation: l10n.t('An IAM Identity Center sign-in (sso_start_url, sso_region) that profiles name with sso_session.'),
    },
    {
      label: '[services name]',
      insertText: '[services ${1:name}]',
      documentation: l10n.t('Settings per service (an endpoint_url for each) that profiles name with services.'),
    },
  ];
}

function credentialsHeaders(): readonly HeaderChoice[] {
  return [
    {
      label: '[name]',
      insertText: '[${1:name}]',
      documentation: l10n.t('A profile of the credentials file: its name alone, without the `profile` word the config file uses.'),
    },
  ];
}

function defaultHeader(): HeaderChoice {
  return {
    label: '[default]',
    insertText: '[default]',
    documentation: l10n.t('The profile used when none is named (AWS_PROFILE is not set).'),
  };
}

function headerItems(file: SharedFile, replaced: Range): CompletionItem[] {
  const choices = [...(file.role === 'config' ? configHeaders() : credentialsHeaders())];
  if (!file.index.profile.has('default')) {
    choices.push(defaultHeader());
  }
  return choices.map((choice, order) => ({
    label: choice.label,
    kind: 'section',
    detail: l10n.t('section'),
    documentation: choice.documentation,
    insertText: choice.insertText,
    isSnippet: choice.insertText.includes('${'),
    range: replaced,
    sortText: `3${order}`,
    retrigger: false,
  }));
}

/** Keys that take other sections' names as values: suggested again after `key = `. */
const keysNamingSections: ReadonlySet<string> = new Set(['source_profile', 'sso_session', 'services']);

function keyItems(
  scan: IniScan,
  section: IniSection,
  sectionPosition: number,
  target: SectionTarget,
  role: FileRole,
  line: number,
  text: string,
  replaced: Range,
): CompletionItem[] {
  const indented = replaced.start.character > 0;
  const above = entryAbove(section, line);
  const inSubSection = indented && (above?.opensSubSection === true || above?.inSubSection === true);
  if (target.kind === 'services') {
    // `[services x]` holds `service =` lines with indented settings; only endpoint_url is documented for them.
    return inSubSection ? keyList(['endpoint_url'], new Set(), role, scan, sectionPosition, text, replaced) : [];
  }
  if (inSubSection) {
    return [];
  }
  const set = new Set(section.entries.filter((entry) => entry.index !== line && setsTopLevelKey(entry)).map((entry) => entry.key));
  const keys = target.kind === 'sso-session' ? ssoSessionKeys : profileKeys;
  return keyList([...keys], set, role, scan, sectionPosition, text, replaced);
}

function keyList(
  keys: readonly string[],
  set: ReadonlySet<string>,
  role: FileRole,
  scan: IniScan,
  sectionPosition: number,
  text: string,
  replaced: Range,
): CompletionItem[] {
  // Editing the key of `key = value`: the rest of the line stays.
  const keyOnly = text.includes('=', replaced.end.character);
  const separator = keyOnly ? '' : separatorOf(scan, sectionPosition);
  const items: CompletionItem[] = [];
  keys.forEach((key, order) => {
    const doc = keyDoc(key);
    if (!doc || doc.reader === 'tool' || doc.reader === 'legacy' || set.has(key)) {
      return;
    }
    // The credentials file lists its own keys first, the config file the others.
    const first = role === 'credentials' ? credentialFileKeys.has(key) : !credentialFileKeys.has(key);
    items.push({
      label: key,
      kind: 'key',
      detail: detailOf(doc, key, role),
      documentation: keyMarkdown(doc),
      insertText: `${key}${separator}`,
      isSnippet: false,
      range: replaced,
      sortText: `${first ? 1 : 2}${String(order).padStart(3, '0')}`,
      retrigger: !keyOnly && (doc.values !== undefined || keysNamingSections.has(key)),
    });
  });
  return items;
}

function detailOf(doc: KeyDoc, key: string, role: FileRole): string {
  if (role === 'config' && credentialFileKeys.has(key)) {
    return l10n.t('credential: the credentials file is the place for it');
  }
  return doc.reader === 'cli' ? l10n.t('AWS CLI setting') : l10n.t('AWS SDK setting');
}

/** How many sections around the current one are looked at for the file's `key = value` style. */
const styleSections = 8;

/** `key = ` or `key=`, as the section (or the nearest section with settings) writes it; `key = ` by default, as the CLI does. */
function separatorOf(scan: IniScan, sectionPosition: number): string {
  const { sections, lines } = scan;
  for (let distance = 0; distance <= styleSections; distance++) {
    for (const position of distance === 0 ? [sectionPosition] : [sectionPosition - distance, sectionPosition + distance]) {
      const entry = sections[position]?.entries.find(setsTopLevelKey);
      if (entry) {
        const written = lines[entry.index]?.text ?? '';
        const equals = written.indexOf('=');
        return /\s/.test(written[equals - 1] ?? '') || /\s/.test(written[equals + 1] ?? '') ? ' = ' : '=';
      }
    }
  }
  return ' = ';
}

function valueItems(
  files: SharedFiles,
  section: IniSection,
  target: SectionTarget,
  line: number,
  text: string,
  character: number,
): CompletionItem[] {
  const entry = entryOn(section, line);
  if (!entry || entry.inSubSection || isSecretKey(entry.name)) {
    return [];
  }
  const equals = text.indexOf('=');
  const end = significantEnd(text);
  let valueStart = equals + 1;
  while (valueStart < end && /\s/.test(text[valueStart] ?? '')) {
    valueStart++;
  }
  const start = Math.min(valueStart, character);
  const replaced = range(line, start, Math.max(end, character));
  // `key =|` in a file written `key = value`: the value comes after a space.
  const lead = start === equals + 1 && /\s/.test(text[equals - 1] ?? '') ? ' ' : '';
  const choices = valueChoices(files, target, entry.name);
  return choices.map((choice, order) => ({
    label: choice.label,
    kind: choice.kind,
    ...(choice.detail === undefined ? {} : { detail: choice.detail }),
    ...(choice.documentation === undefined ? {} : { documentation: choice.documentation }),
    insertText: `${lead}${choice.label}`,
    isSnippet: false,
    range: replaced,
    sortText: String(order).padStart(5, '0'),
    retrigger: false,
  }));
}

interface ValueChoice {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
}

function valueChoices(files: SharedFiles, target: SectionTarget, key: string): readonly ValueChoice[] {
  const { config } = files;
  if (target.kind === 'profile' && key === 'source_profile') {
    return profileNames(files)
      .filter((name) => name !== target.name)
      .map((name) => ({ label: name, kind: 'profile' }));
  }
  if (target.kind === 'profile' && key === 'sso_session') {
    return [...config.index['sso-session'].keys()].map((name) => {
      const startUrl = valuesIn(config, 'sso-session', name)?.['sso_start_url'];
      return startUrl === undefined
        ? { label: name, kind: 'session' }
        : { label: name, kind: 'session', detail: quotedValue('sso_start_url', startUrl) };
    });
  }
  if (target.kind === 'profile' && key === 'services') {
    return [...config.index.services.keys()].map((name) => ({ label: name, kind: 'value' }));
  }
  const doc = keyDoc(key);
  return (doc?.values ?? []).map((value) =>
    value.summary === undefined
      ? { label: value.value, kind: 'value' }
      : {
          label: value.value,
          kind: 'value',
          documentation: `${escapeMarkdown(key)} = **${escapeMarkdown(value.value)}**: ${value.summary}`,
        },
  );
}

/** Where the significant text of a line ends: before a comment and the white space before it. */
function significantEnd(text: string): number {
  let end = commentOffset(text);
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) {
    end--;
  }
  return end;
}
