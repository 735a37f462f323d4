/** Problems of the lines of one section: keys set twice, keys the SDK does not know, lines it ignores. */
import type { IniEntry, IniSection } from '../../ini/scan';
import { setsKey, setsTopLevelKey } from '../../ini/syntax';
import type { Location } from '../../profiles/model';
import type { SharedFile } from '../../profiles/read';
import { isSecretKey, quoted, quotedKey } from '../../secrets';
import { closestMatch } from '../didYouMean';
import { lineOf, warning, type Problem } from '../problems';

/** Files a problem under the profile it belongs to, or under the file (undefined). */
export type Reporter = (profile: string | undefined, problem: Problem) => void;

export function reportLineProblems(
  file: SharedFile,
  section: IniSection,
  owner: string | undefined,
  knownKeys: ReadonlySet<string>,
  report: Reporter,
): void {
  let holdsSecret: boolean | undefined;
  // Looked at only for a line with a problem: most sections have none.
  const shownKey = (entry: IniEntry): string => {
    holdsSecret ??= section.entries.some((candidate) => isSecretKey(candidate.key));
    const shown = quotedKey(entry.key, holdsSecret);
    return shown === entry.key ? shown : `the key on line ${entry.index + 1} ${shown}`;
  };
  section.entries.forEach((entry, position) => {
    if (!setsTopLevelKey(entry)) {
      return;
    }
    const earlier = lastSetting(section.entries, position, entry.key);
    if (earlier !== undefined) {
      report(
        owner,
        warning(
          `${shownKey(entry)} is set twice in [${quoted(section.rawName)}] (lines ${earlier + 1} and ${entry.index + 1}); ` +
            'the AWS SDK uses the later one',
          'Delete the line you do not want.',
          lineOf(file, entry.index),
        ),
      );
    }
    if (!knownKeys.has(entry.key)) {
      report(owner, unknownKeyProblem(entry, shownKey(entry), knownKeys, lineOf(file, entry.index)));
    }
  });
  for (const index of section.ignoredLines) {
    const text = (file.scan.lines[index]?.text ?? '').trim();
    const [message, fix] = text.startsWith('[')
      ? ['is not a section header for the AWS SDK', 'Put a space between ] and a following # or ; comment, and close the bracket.']
      : text.startsWith('=')
        ? ['has no key before =', 'Write key = value.']
        : text.includes(':')
          ? ['has no =, so the AWS SDK ignores it', colonFix(text, knownKeys)]
          : ['has no =, so the AWS SDK ignores it', 'Write key = value, or turn the line into a comment with #.'];
    report(owner, warning(`line ${index + 1} ${message}`, fix, lineOf(file, index)));
  }
}

function unknownKeyProblem(entry: IniEntry, shown: string, knownKeys: ReadonlySet<string>, location: Location): Problem {
  const written = colonKey(entry.key, knownKeys);
  if (written) {
    return warning(
      `line ${entry.index + 1} sets ${written} with : instead of =, so the AWS SDK reads a key it does not know`,
      colonFix(entry.key, knownKeys),
      location,
    );
  }
  const suggestion = closestMatch(entry.key, knownKeys);
  const masked = shown !== entry.key;
  const fix = suggestion
    ? `Rename ${masked ? 'it' : entry.key} to ${suggestion}.`
    : masked
      ? 'If the line is the end of the value above it (copied with a line break), join the two lines; else delete or rename it.'
      : 'Check the spelling; the AWS SDK ignores unknown settings.';
  return warning(`${shown} is not a setting the AWS SDK knows${suggestion ? `; did you mean ${suggestion}?` : ''}`, fix, location);
}

/** `aws_secret_access_key: ...`: the key the line means, when it names one before a colon. */
function colonKey(text: string, knownKeys: ReadonlySet<string>): string | undefined {
  const colon = text.indexOf(':');
  const key = colon > 0 ? text.slice(0, colon).trim() : '';
  return knownKeys.has(key) ? key : undefined;
}

function colonFix(text: string, knownKeys: ReadonlySet<string>): string {
  return `Write ${colonKey(text, knownKeys) ?? 'key'} = value: the AWS SDK does not accept : as a separator.`;
}

/** The line of the last setting of `key` before `position` (sections are short: a scan beats a Map per section). */
function lastSetting(entries: readonly IniEntry[], position: number, key: string): number | undefined {
  for (let earlier = position - 1; earlier >= 0; earlier--) {
    const entry = entries[earlier];
    if (entry && setsKey(entry, key)) {
      return entry.index;
    }
  }
  return undefined;
}
