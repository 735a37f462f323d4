/**
 * Problems of the files themselves, line by line: what the SDK's parser silently ignores or
 * reads differently from what the user meant, with a suggestion where a near miss is likely.
 */
import * as l10n from '@vscode/l10n';
import type { IniSection } from '../../ini/scan';
import { isInheritedName } from '../../ini/builtIns';
import { bareDefaultIsHidden, isBareDefault, sectionPrefixes, type SectionTarget } from '../../ini/syntax';
import { checkProfileName, sdkNameHint } from '../../ini/writable';
import { profileKeys, ssoSessionKeys } from '../../profiles/knownKeys';
import type { Location } from '../../profiles/model';
import type { SharedFile } from '../../profiles/read';
import { quoted, withoutSecrets } from '../../secrets';
import { closestMatch } from '../didYouMean';
import { error, lineOf, warning, withCode, type Problem } from '../problems';
import { withCliView, type CliNotes } from './cliView';
import { reportLineProblems, type Reporter } from './keys';
import { cliNotes } from './portability';

export type { Reporter } from './keys';

const cliOnlySections = new Set(['plugins', 'preview']);

/**
 * The line of the first section of the file that defines each name: the index has it, but for
 * `default` in the config file, whose list leaves out the sections the SDK hides.
 */
function firstDefinitions(file: SharedFile): (target: SectionTarget) => number | undefined {
  let firstDefault: number | undefined;
  return ({ kind, name }) => {
    if (file.role === 'config' && kind === 'profile' && name === 'default') {
      firstDefault ??= file.scan.sections.find(
        (_section, position) => file.index.targets[position]?.name === 'default' && file.index.targets[position]?.kind === 'profile',
      )?.index;
      return firstDefault;
    }
    return file.index[kind].get(name)?.first.index;
  };
}

export function reportFileProblems(file: SharedFile, report: Reporter): void {
  const config = file.role === 'config';
  if (file.readError) {
    const reason = withoutSecrets(file.readError);
    report(
      undefined,
      error(
        config
          ? l10n.t('the config file {0} cannot be read: {1}', file.path, reason)
          : l10n.t('the credentials file {0} cannot be read: {1}', file.path, reason),
        l10n.t("Check the file's permissions and type."),
        undefined,
      ),
    );
    return;
  }
  if (file.scan.sdkRejection) {
    const reason = file.scan.sdkRejection;
    report(
      undefined,
      error(
        config
          ? l10n.t('the AWS SDK reads nothing from the config file: {0}', reason)
          : l10n.t('the AWS SDK reads nothing from the credentials file: {0}', reason),
        l10n.t('Rename or delete the section it names; the SDK refuses the whole file because of it.'),
        { file: file.role, path: file.path, line: 1 },
      ),
    );
  }
  const notes = cliNotes(file);
  const firstOf = firstDefinitions(file);
  const { sections } = file.scan;
  for (let position = 0; position < sections.length; position++) {
    const section = sections[position] as IniSection;
    const target = file.index.targets[position];
    const owner = target?.kind === 'profile' ? target.name : undefined;
    if (!target) {
      const problem = ignoredSectionProblem(file, section, lineOf(file, section.index));
      if (problem) {
        report(
          undefined,
          withCliView(problem, [
            notes.take(section.index, 'section'),
            notes.take(section.index, 'duplicate'),
            notes.take(section.index, 'line'),
          ]),
        );
      }
      continue;
    }
    if (file.role === 'credentials' && section.prefix !== undefined) {
      const name = quoted(section.name);
      const problem = warning(
        l10n.t(
          'the AWS SDK reads [{0}] in the credentials file as the profile {1}, not {2}: profiles there are written [NAME]',
          quoted(section.rawName),
          quoted(target.name),
          name,
        ),
        section.prefix !== 'profile'
          ? l10n.t('Move the section to the config file.')
          : name === section.name
            ? l10n.t('Rename the section header to [{0}].', section.name)
            : l10n.t('Rename the section header to [NAME], without the word profile.'),
        lineOf(file, section.index),
      );
      const coded = section.prefix === 'profile' ? withCode(problem, 'profileHeaderInCredentials') : problem;
      report(owner, withCliView(coded, [notes.take(section.index, 'section')]));
    }
    if (target.kind === 'profile' && isInheritedName(target.name)) {
      report(
        owner,
        warning(
          l10n.t(
            'every JavaScript object has a property named {0}, so the AWS SDK keeps the settings of this profile on a built-in shared by the whole process, where settings of other files mix in and stay after this file changes',
            target.name,
          ),
          l10n.t('Rename the profile.'),
          lineOf(file, section.index),
        ),
      );
    }
    const earlier = firstOf(target);
    if (earlier !== undefined && earlier !== section.index) {
      report(
        owner,
        withCliView(
          warning(
            l10n.t('[{0}] is defined a second time (first at line {1}); the AWS SDK merges both', quoted(section.rawName), earlier + 1),
            l10n.t('Move its settings into the first section and delete this one.'),
            lineOf(file, section.index),
          ),
          [notes.take(section.index, 'duplicate')],
          true,
        ),
      );
    }
    if (target.kind === 'services') {
      continue;
    }
    reportLineProblems(file, section, owner, target.kind === 'sso-session' ? ssoSessionKeys : profileKeys, notes, report);
  }
  if (bareDefaultIsHidden(file.role, file.scan.sections)) {
    for (const section of file.scan.sections.filter((candidate) => isBareDefault(candidate))) {
      report(
        'default',
        withCliView(
          warning(
            l10n.t('[default] is ignored because [profile default] also exists in the config file'),
            l10n.t('Move the settings of [default] into [profile default] and delete [default].'),
            lineOf(file, section.index),
          ),
          [notes.take(section.index, 'section')],
        ),
      );
    }
  }
  for (const index of file.scan.strayLines) {
    report(
      undefined,
      withCliView(
        warning(
          config
            ? l10n.t('line {0} of the config file is outside any section the AWS SDK reads, so it is ignored', index + 1)
            : l10n.t('line {0} of the credentials file is outside any section the AWS SDK reads, so it is ignored', index + 1),
          l10n.t('Move it under a profile header, or turn it into a comment with #.'),
          lineOf(file, index),
        ),
        [notes.take(index, 'line'), notes.take(index, 'duplicate')],
      ),
    );
  }
  reportNotes(notes, report);
}

/** The notes no rule took, each a problem of its own. */
function reportNotes(notes: CliNotes, report: Reporter): void {
  for (const { owner, problem } of notes.rest()) {
    report(owner, problem);
  }
}

function ignoredSectionProblem(file: SharedFile, section: IniSection, header: Location): Problem | undefined {
  const raw = section.rawName;
  const shown = quoted(raw);
  // A header that may hold a secret is not repeated in the fix either.
  const masked = shown !== raw;
  if (file.role === 'config' && section.sdkKey !== undefined && section.prefix === undefined) {
    if (cliOnlySections.has(raw)) {
      return undefined;
    }
    const name = raw.trim();
    const invalid = checkProfileName(name) !== undefined || masked;
    const problem = warning(
      l10n.t('the AWS SDK ignores [{0}] in the config file: profiles there are written [profile NAME]', shown),
      invalid
        ? l10n.t('Rename the section header to [profile NAME], with {0}.', sdkNameHint())
        : l10n.t('Rename the section header to [profile {0}].', name),
      header,
    );
    return invalid ? problem : withCode(problem, 'bareHeaderInConfig');
  }
  const prefix = raw.split(/\s/)[0] ?? '';
  const suggestion = closestMatch(prefix, sectionPrefixes);
  return warning(
    l10n.t('the AWS SDK ignores the section [{0}]', shown),
    suggestion && suggestion !== prefix
      ? masked
        ? l10n.t('Did you mean [{0} NAME]?', suggestion)
        : l10n.t('Did you mean [{0}]?', raw.replace(prefix, suggestion))
      : l10n.t('Write [profile NAME], [sso-session NAME] or [services NAME], with {0}.', sdkNameHint()),
    header,
  );
}
