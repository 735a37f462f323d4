/**
 * Problems of the files themselves, line by line: what the SDK's parser silently ignores or
 * reads differently from what the user meant, with a suggestion where a near miss is likely.
 */
import { closestMatch } from './didYouMean';
import { checkProfileName } from './fieldRules';
import type { IniEntry, IniSection } from './iniScan';
import { profileKeys, ssoSessionKeys } from './knownKeys';
import { error, lineOf, warning, type Problem } from './problems';
import type { Location } from './profiles';
import type { SharedFile } from './sharedFiles';

const cliOnlySections = new Set(['plugins', 'preview']);

export type Reporter = (profile: string | undefined, problem: Problem) => void;

export function checkFile(file: SharedFile, report: Reporter): void {
  const fileName = file.role === 'config' ? 'config file' : 'credentials file';
  if (file.readError) {
    report(
      undefined,
      error(`the ${fileName} ${file.path} cannot be read: ${file.readError}`, "Check the file's permissions and type.", undefined),
    );
    return;
  }
  if (file.scan.sdkRejection) {
    report(
      undefined,
      error(
        `the AWS SDK reads nothing from the ${fileName}: ${file.scan.sdkRejection}`,
        'Rename or delete the section named __proto__; the SDK refuses the whole file because of it.',
        { file: file.role, path: file.path, line: 1 },
      ),
    );
  }
  const seenSections = {
    profile: new Map<string, number>(),
    'sso-session': new Map<string, number>(),
    services: new Map<string, number>(),
  };
  for (const [position, section] of file.scan.sections.entries()) {
    const target = file.index.targets[position];
    const owner = target?.kind === 'profile' ? target.name : undefined;
    if (!target) {
      const problem = ignoredSectionProblem(file, section, lineOf(file, section.index));
      if (problem) {
        report(undefined, problem);
      }
      continue;
    }
    const seen = seenSections[target.kind];
    const earlier = seen.get(target.name);
    if (earlier !== undefined) {
      report(
        owner,
        warning(
          `[${section.rawName}] is defined a second time (first at line ${earlier + 1}); the AWS SDK merges both`,
          'Move its settings into the first section and delete this one.',
          lineOf(file, section.index),
        ),
      );
    } else {
      seen.set(target.name, section.index);
    }
    if (target.kind === 'services') {
      continue;
    }
    checkSectionLines(file, section, owner, target.kind === 'sso-session' ? ssoSessionKeys : profileKeys, report);
  }
  const defaultShadowed =
    file.role === 'config' &&
    file.scan.sections.some((section) => section.sdkKey === 'profile.default' && section.entries.some((entry) => !entry.opensSubSection));
  if (defaultShadowed) {
    for (const section of file.scan.sections.filter((candidate) => candidate.sdkKey === 'default')) {
      report(
        'default',
        warning(
          '[default] is ignored because [profile default] also exists in the config file',
          'Move the settings of [default] into [profile default] and delete [default].',
          lineOf(file, section.index),
        ),
      );
    }
  }
  for (const index of file.scan.strayLines) {
    report(
      undefined,
      warning(
        `line ${index + 1} of the ${fileName} is outside any section the AWS SDK reads, so it is ignored`,
        'Move it under a profile header, or turn it into a comment with #.',
        lineOf(file, index),
      ),
    );
  }
}

function ignoredSectionProblem(file: SharedFile, section: IniSection, header: Location): Problem | undefined {
  const raw = section.rawName;
  if (file.role === 'config' && section.sdkKey !== undefined && section.prefix === undefined) {
    if (cliOnlySections.has(raw)) {
      return undefined;
    }
    const name = raw.trim();
    return warning(
      `the AWS SDK ignores [${raw}] in the config file: profiles there are written [profile NAME]`,
      checkProfileName(name)
        ? 'Rename the section header to [profile NAME], with a name of letters, digits and - _ @ + . % : / only.'
        : `Rename the section header to [profile ${name}].`,
      header,
    );
  }
  if (file.role === 'credentials' && section.prefix !== undefined) {
    return warning(
      `the AWS SDK ignores [${raw}] in the credentials file: profiles there are written [NAME]`,
      section.prefix === 'profile' ? `Rename the section header to [${section.name}].` : 'Move the section to the config file.',
      header,
    );
  }
  const prefix = raw.split(/\s/)[0] ?? '';
  const suggestion = closestMatch(prefix, ['profile', 'sso-session', 'services']);
  return warning(
    `the AWS SDK ignores the section [${raw}]`,
    suggestion && suggestion !== prefix
      ? `Did you mean [${raw.replace(prefix, suggestion)}]?`
      : 'Write [profile NAME], [sso-session NAME] or [services NAME]; names use letters, digits and - _ @ + . % : / only.',
    header,
  );
}

function checkSectionLines(
  file: SharedFile,
  section: IniSection,
  owner: string | undefined,
  knownKeys: ReadonlySet<string>,
  report: Reporter,
): void {
  section.entries.forEach((entry, position) => {
    if (entry.inSubSection || entry.opensSubSection) {
      return;
    }
    const earlier = lastSetting(section.entries, position, entry.key);
    if (earlier !== undefined) {
      report(
        owner,
        warning(
          `${entry.key} is set twice in [${section.rawName}] (lines ${earlier + 1} and ${entry.index + 1}); the AWS SDK uses the later one`,
          'Delete the line you do not want.',
          lineOf(file, entry.index),
        ),
      );
    }
    if (!knownKeys.has(entry.key)) {
      const suggestion = closestMatch(entry.key, knownKeys);
      report(
        owner,
        warning(
          `${entry.key} is not a setting the AWS SDK knows${suggestion ? `; did you mean ${suggestion}?` : ''}`,
          suggestion ? `Rename ${entry.key} to ${suggestion}.` : 'Check the spelling; the AWS SDK ignores unknown settings.',
          lineOf(file, entry.index),
        ),
      );
    }
  });
  for (const index of section.ignoredLines) {
    const text = (file.scan.lines[index]?.text ?? '').trim();
    const [message, fix] = text.startsWith('[')
      ? ['is not a section header for the AWS SDK', 'Put a space between ] and a following # or ; comment, and close the bracket.']
      : text.startsWith('=')
        ? ['has no key before =', 'Write key = value.']
        : text.includes(':')
          ? ['has no =, so the AWS SDK ignores it', 'Write key = value: the AWS SDK does not accept : as a separator.']
          : ['has no =, so the AWS SDK ignores it', 'Write key = value, or turn the line into a comment with #.'];
    report(owner, warning(`line ${index + 1} ${message}`, fix, lineOf(file, index)));
  }
}

/** The line of the last setting of `key` before `position` (sections are short: a scan beats a Map per section). */
function lastSetting(entries: readonly IniEntry[], position: number, key: string): number | undefined {
  for (let earlier = position - 1; earlier >= 0; earlier--) {
    const entry = entries[earlier];
    if (entry && entry.key === key && !entry.inSubSection && !entry.opensSubSection) {
      return entry.index;
    }
  }
  return undefined;
}
