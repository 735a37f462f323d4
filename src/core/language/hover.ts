/**
 * Hover in the shared files: what a key does (with its AWS page), what a value of a closed set
 * means, and on a section header what the section is: a profile's kind, source_profile chain,
 * region, account and problems; an sso-session's start URL, region and the profiles using it.
 * Values are shown only through quotedValue, so a secret never appears; text read from the files
 * is escaped for Markdown.
 */
import * as l10n from '@vscode/l10n';
import type { FileRole } from '../files/roles';
import type { IniEntry } from '../ini/scan';
import { commentOffset, isCommentLine, type SectionTarget } from '../ini/syntax';
import { escapeMarkdown } from '../present/markdown';
import { kindLabel } from '../present/profileLabels';
import { buildProfile, profileNames, rawSettings, type RawSettings } from '../profiles/model';
import { valuesIn, type SharedFiles } from '../profiles/read';
import { isSecretKey, quoted, quotedValue } from '../secrets';
import type { Problem, ProfileReport } from '../validation/snapshot';
import { withFix } from '../validation/problems';
import { keyDoc, keyMarkdown, valueDoc } from './keyDocs';
import { entryOn, sectionPositionAt } from '../ini/lookup';
import { partColumns, range, type Position, type Range } from './text';

export interface Hover {
  readonly markdown: string;
  readonly range: Range;
}

/** A profile's report from the latest snapshot, when it has one. */
export type ReportOf = (profile: string) => ProfileReport | undefined;

/** The hover at `position` of the file `role` (held in `files` as the editor has it), or undefined. */
export function hoverAt(files: SharedFiles, role: FileRole, position: Position, reportOf: ReportOf): Hover | undefined {
  const file = files[role];
  const { scan } = file;
  const { line, character } = position;
  const text = scan.lines[line]?.text ?? '';
  if (isCommentLine(text) || character >= commentOffset(text)) {
    return undefined;
  }
  const sectionPosition = sectionPositionAt(scan, line);
  const section = scan.sections[sectionPosition];
  const target = file.index.targets[sectionPosition];
  if (!section || !target) {
    return undefined;
  }
  if (section.index === line) {
    const { start, end } = partColumns(text, 'header');
    const markdown = character >= start && character < end ? sectionMarkdown(files, target, reportOf) : undefined;
    return markdown === undefined ? undefined : { markdown, range: range(line, start, end) };
  }
  const entry = entryOn(section, line);
  return entry ? entryHover(files, target, entry, text, character, reportOf) : undefined;
}

function entryHover(
  files: SharedFiles,
  target: SectionTarget,
  entry: IniEntry,
  text: string,
  character: number,
  reportOf: ReportOf,
): Hover | undefined {
  const line = entry.index;
  const key = partColumns(text, 'key');
  if (character >= key.start && character < key.end) {
    // Lines of a sub-section (`s3 =` then `  addressing_style = path`) are not profile keys, except
    // the endpoint_url of a service in a [services] section.
    const name = entry.inSubSection ? (target.kind === 'services' ? entry.name : undefined) : entry.key;
    const doc = name === undefined ? undefined : keyDoc(name);
    return doc && name !== undefined
      ? { markdown: `**${escapeMarkdown(name)}**\n\n${keyMarkdown(doc)}`, range: range(line, key.start, key.end) }
      : undefined;
  }
  const value = partColumns(text, 'value');
  if (character < value.start || character >= value.end || entry.inSubSection || isSecretKey(entry.key)) {
    return undefined;
  }
  const markdown = valueMarkdown(files, target, entry, reportOf);
  return markdown === undefined ? undefined : { markdown, range: range(line, value.start, value.end) };
}

/** A value of a closed set, or the profile or session a value names. */
function valueMarkdown(files: SharedFiles, target: SectionTarget, entry: IniEntry, reportOf: ReportOf): string | undefined {
  const known = valueDoc(entry.key, entry.value);
  if (known?.summary !== undefined) {
    return `${escapeMarkdown(entry.key)} = **${escapeMarkdown(known.value)}**: ${known.summary}`;
  }
  if (target.kind !== 'profile') {
    return undefined;
  }
  if (entry.key === 'source_profile' && profileExists(files, entry.value)) {
    return profileMarkdown(files, entry.value, reportOf);
  }
  if (entry.key === 'sso_session' && files.config.index['sso-session'].has(entry.value)) {
    return sessionMarkdown(files, entry.value);
  }
  return undefined;
}

function profileExists(files: SharedFiles, name: string): boolean {
  return files.config.index.profile.has(name) || files.credentials.index.profile.has(name);
}

function sectionMarkdown(files: SharedFiles, target: SectionTarget, reportOf: ReportOf): string {
  switch (target.kind) {
    case 'profile':
      return profileMarkdown(files, target.name, reportOf);
    case 'sso-session':
      return sessionMarkdown(files, target.name);
    case 'services':
      return [
        l10n.t('**Services section** {0}', shownName(target.name)),
        l10n.t('Settings per service (an endpoint_url for each) for the profiles that name it with services.'),
        usedBy(files, 'services', target.name),
      ].join('\n\n');
  }
}

/** How long a chain of source_profile is followed: the SDK refuses far shorter loops. */
const longestChain = 10;
const shownProblems = 10;

function profileMarkdown(files: SharedFiles, name: string, reportOf: ReportOf): string {
  const report = reportOf(name);
  const settings = rawSettings(files, name);
  const paragraphs = [
    l10n.t('**Profile** {0} · {1}', shownName(name), escapeMarkdown(kindLabel(report?.profile ?? buildProfile(files, name, settings)))),
  ];
  if (settings['source_profile'] !== undefined) {
    paragraphs.push(l10n.t('Credentials from: {0}', chainOf(files, name, settings)));
  }
  const region = settings['region'];
  paragraphs.push(region === undefined ? l10n.t('Region: not set') : l10n.t('Region: {0}', escapeMarkdown(quotedValue('region', region))));
  const account = accountOf(settings);
  if (account) {
    paragraphs.push(l10n.t('Account: {0}', escapeMarkdown(quotedValue(account.key, account.id))));
  }
  const session = settings['sso_session'];
  if (session !== undefined) {
    paragraphs.push(l10n.t('IAM Identity Center session: {0}', shownName(session)));
  }
  const problems = [...(report?.problems ?? [])].sort((a, b) => severityRank(a) - severityRank(b));
  if (problems.length > 0) {
    const listed = problems.slice(0, shownProblems).map(problemLine);
    const more = problems.length - shownProblems;
    if (more > 0) {
      listed.push(more === 1 ? l10n.t('- and 1 more') : l10n.t('- and {0} more', more));
    }
    paragraphs.push(l10n.t('**Problems**'), listed.join('\n'));
  }
  return paragraphs.join('\n\n');
}

/** `dev → ops → keys`, each hop a source_profile, with the loop or the end of the search said. */
function chainOf(files: SharedFiles, name: string, settings: RawSettings): string {
  const hops = [name];
  const seen = new Set(hops);
  let next = settings['source_profile'];
  while (next !== undefined) {
    hops.push(next);
    if (seen.has(next)) {
      return l10n.t('{0} (a loop)', hops.map(shownName).join(' → '));
    }
    if (hops.length > longestChain) {
      return `${hops.map(shownName).join(' → ')} → …`;
    }
    seen.add(next);
    next = rawSettings(files, next)['source_profile'];
  }
  return hops.map(shownName).join(' → ');
}

/** The account a profile's credentials are for: its SSO account, the account of its role, or aws_account_id. */
function accountOf(settings: RawSettings): { readonly key: string; readonly id: string } | undefined {
  const ssoAccount = settings['sso_account_id'];
  if (ssoAccount !== undefined) {
    return { key: 'sso_account_id', id: ssoAccount };
  }
  const roleAccount = /^arn:aws[\w-]*:iam::(\d{12}):/.exec(settings['role_arn'] ?? '')?.[1];
  if (roleAccount !== undefined) {
    return { key: 'role_arn', id: roleAccount };
  }
  const accountId = settings['aws_account_id'];
  return accountId === undefined ? undefined : { key: 'aws_account_id', id: accountId };
}

function severityRank(problem: Problem): number {
  return problem.severity === 'error' ? 0 : 1;
}

function problemLine(problem: Problem): string {
  const sentence = escapeMarkdown(withFix(problem));
  return problem.severity === 'error' ? l10n.t('- **error**: {0}', sentence) : l10n.t('- **warning**: {0}', sentence);
}

function sessionMarkdown(files: SharedFiles, name: string): string {
  const settings = valuesIn(files.config, 'sso-session', name) ?? {};
  const startUrl = settings['sso_start_url'];
  const region = settings['sso_region'];
  return [
    l10n.t('**IAM Identity Center session** {0}', shownName(name)),
    startUrl === undefined
      ? l10n.t('Start URL: not set')
      : l10n.t('Start URL: {0}', escapeMarkdown(quotedValue('sso_start_url', startUrl))),
    region === undefined ? l10n.t('Region: not set') : l10n.t('Region: {0}', escapeMarkdown(quotedValue('sso_region', region))),
    usedBy(files, 'sso_session', name),
  ].join('\n\n');
}

const shownUsers = 10;

/** The profiles whose `key` names the section: one pass over the profiles (hover is not per keystroke). */
function usedBy(files: SharedFiles, key: 'sso_session' | 'services', name: string): string {
  const users = profileNames(files).filter(
    (profile) => (valuesIn(files.credentials, 'profile', profile)?.[key] ?? valuesIn(files.config, 'profile', profile)?.[key]) === name,
  );
  if (users.length === 0) {
    return l10n.t('No profile uses it.');
  }
  const listed = users.slice(0, shownUsers).map(shownName).join(', ');
  const more = users.length - shownUsers;
  if (more <= 0) {
    return l10n.t('Used by {0}.', listed);
  }
  return more === 1 ? l10n.t('Used by {0} and 1 more.', listed) : l10n.t('Used by {0} and {1} more.', listed, more);
}

function shownName(name: string): string {
  return escapeMarkdown(quoted(name));
}
