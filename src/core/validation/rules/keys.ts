/** Problems of the lines of one section: keys set twice, keys the SDK does not know, lines it ignores. */
import * as l10n from '@vscode/l10n';
import { slots, template, type Template } from '../../template';
import type { IniEntry, IniSection } from '../../ini/scan';
import { memo } from '../../memo';
import { setsTopLevelKey, storesValue } from '../../ini/syntax';
import type { Location } from '../../profiles/model';
import type { SharedFile } from '../../profiles/read';
import { isSecretKey, quoted, quotedKey } from '../../secrets';
import { closestMatch } from '../didYouMean';
import { lineOf, warning, withCode, type Problem } from '../problems';
import { withCliView, type CliNotes } from './cliView';

/** Files a problem under the profile it belongs to, or under the file (undefined). */
export type Reporter = (profile: string | undefined, problem: Problem) => void;

export function reportLineProblems(
  file: SharedFile,
  section: IniSection,
  owner: string | undefined,
  knownKeys: ReadonlySet<string>,
  notes: CliNotes,
  report: Reporter,
): void {
  const shownKey = (entry: IniEntry): string =>
    shownKeyName(entry.key, entry.index + 1, secretContinuations(section, knownKeys).has(entry.index), knownKeys);
  // Worded once per section: a section may repeat a key or a line without = thousands of times.
  let deleteOne: string | undefined;
  let firstSet: string | undefined;
  let writeKeyValue: string | undefined;
  let setTwice: Template | undefined;
  let noEquals: Template | undefined;
  const { entries } = section;
  // The line of the last setting of each key so far (sub-section lines too: `a.b = x` and `a =` then
  // `  b = x` set the same key); most sections hold a handful of keys, looked back over instead.
  const lastSetting = entries.length > 16 ? new Map<string, number>() : undefined;
  for (let position = 0; position < entries.length; position++) {
    const entry = entries[position] as IniEntry;
    const earlier = lastSetting ? lastSetting.get(entry.key) : earlierSetting(entries, position);
    if (lastSetting && storesValue(entry)) {
      lastSetting.set(entry.key, entry.index);
    }
    if (!setsTopLevelKey(entry)) {
      continue;
    }
    if (earlier !== undefined) {
      report(
        owner,
        withCliView(
          withCode(
            warning(
              (setTwice ??= template(l10n.t('{0} is set twice in [{1}] (lines {2} and {3}); the AWS SDK uses the later one', ...slots)))(
                shownKey(entry),
                quoted(section.rawName),
                earlier + 1,
                entry.index + 1,
              ),
              (deleteOne ??= l10n.t('Delete the line you do not want.')),
              lineOf(file, entry.index, 'key'),
            ),
            'duplicateKey',
            [{ location: lineOf(file, earlier, 'key'), message: (firstSet ??= l10n.t('first set here')) }],
          ),
          [notes.take(entry.index, 'duplicate')],
          true,
        ),
      );
    }
    if (!knownKeys.has(entry.key)) {
      const problem = unknownKeyProblem(entry, shownKey(entry), knownKeys, lineOf(file, entry.index, 'key'));
      report(owner, withCliView(problem, [notes.take(entry.index, 'duplicate'), notes.take(entry.index, 'key')]));
    }
  }
  for (const index of section.ignoredLines) {
    const text = (file.scan.lines[index]?.text ?? '').trim();
    const line = index + 1;
    let problem: Problem;
    if (text.startsWith('[')) {
      problem = warning(
        l10n.t('line {0} is not a section header for the AWS SDK', line),
        l10n.t('Put a space between ] and a following # or ; comment, and close the bracket.'),
        lineOf(file, index),
      );
    } else if (text.startsWith('=')) {
      problem = warning(l10n.t('line {0} has no key before =', line), l10n.t('Write key = value.'), lineOf(file, index));
    } else {
      problem = warning(
        (noEquals ??= template(l10n.t('line {0} has no =, so the AWS SDK ignores it', ...slots)))(line),
        text.includes(':')
          ? colonFix(text, knownKeys)
          : (writeKeyValue ??= l10n.t('Write key = value, or turn the line into a comment with #.')),
        lineOf(file, index),
      );
    }
    report(owner, withCliView(problem, [notes.take(index, 'line'), notes.take(index, 'duplicate')]));
  }
}

/** The line of the last entry before `position` that stores a value of the same key. */
function earlierSetting(entries: readonly IniEntry[], position: number): number | undefined {
  const { key } = entries[position] as IniEntry;
  for (let before = position - 1; before >= 0; before--) {
    const entry = entries[before] as IniEntry;
    if (entry.key === key && storesValue(entry)) {
      return entry.index;
    }
  }
  return undefined;
}

/**
 * A key name as a problem shows it (see quotedKey), or the line it is on. On a line that may continue
 * a secret (see secretContinuations), a name that is neither a known key nor a near miss of one is
 * taken for a piece of the secret.
 */
export function shownKeyName(key: string, line: number | undefined, mayContinueSecret: boolean, knownKeys: ReadonlySet<string>): string {
  const mayBePartOfSecret = mayContinueSecret && !knownKeys.has(key) && closestMatch(key, knownKeys) === undefined;
  const shown = quotedKey(key, mayBePartOfSecret);
  return shown === key || line === undefined ? shown : l10n.t('the key on line {0} {1}', line, shown);
}

/**
 * The lines of a section that may continue the value of a secret key above them (a token copied with
 * line breaks): a line right after a secret's, or after such a line, that the SDK reads as a key it
 * does not know or ignores. Worked out once per section, and only for a section with a problem to report.
 */
export const secretContinuations: (section: IniSection, knownKeys: ReadonlySet<string>) => ReadonlySet<number> = memo(
  (section: IniSection, knownKeys: ReadonlySet<string>) => {
    const found = new Set<number>();
    const entries = new Map(section.entries.map((entry) => [entry.index, entry]));
    const ignored = new Set(section.ignoredLines);
    let afterSecret = false;
    for (let index = section.index + 1; index < section.endIndex; index++) {
      const entry = entries.get(index);
      const unknown = ignored.has(index) || (entry !== undefined && !knownKeys.has(entry.key));
      if (afterSecret && unknown) {
        found.add(index);
      }
      afterSecret = (entry !== undefined && isSecretKey(entry.key)) || (afterSecret && unknown);
    }
    return found;
  },
);

function unknownKeyProblem(entry: IniEntry, shown: string, knownKeys: ReadonlySet<string>, location: Location): Problem {
  const written = colonKey(entry.key, knownKeys);
  if (written) {
    return warning(
      l10n.t('line {0} sets {1} with : instead of =, so the AWS SDK reads a key it does not know', entry.index + 1, written),
      colonFix(entry.key, knownKeys),
      location,
    );
  }
  const suggestion = closestMatch(entry.key, knownKeys);
  const masked = shown !== entry.key;
  const fix = suggestion
    ? masked
      ? l10n.t('Rename it to {0}.', suggestion)
      : l10n.t('Rename {0} to {1}.', entry.key, suggestion)
    : masked
      ? l10n.t('If the line is the end of the value above it (copied with a line break), join the two lines; else delete or rename it.')
      : l10n.t('Check the spelling; the AWS SDK ignores unknown settings.');
  const message = suggestion
    ? l10n.t('{0} is not a setting the AWS SDK knows; did you mean {1}?', shown, suggestion)
    : l10n.t('{0} is not a setting the AWS SDK knows', shown);
  const problem = warning(message, fix, location);
  return suggestion ? withCode(problem, 'unknownKey') : problem;
}

/** `aws_secret_access_key: ...`: the key the line means, when it names one before a colon. */
function colonKey(text: string, knownKeys: ReadonlySet<string>): string | undefined {
  const colon = text.indexOf(':');
  const key = colon > 0 ? text.slice(0, colon).trim() : '';
  return knownKeys.has(key) ? key : undefined;
}

function colonFix(text: string, knownKeys: ReadonlySet<string>): string {
  return l10n.t('Write {0} = value: the AWS SDK does not accept : as a separator.', colonKey(text, knownKeys) ?? 'key');
}
