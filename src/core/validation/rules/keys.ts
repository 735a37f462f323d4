/** Problems of the lines of one section: keys set twice, keys the SDK does not know, lines it ignores. */
import type { IniSection } from '../../ini/scan';
import { setsTopLevelKey, storesValue } from '../../ini/syntax';
import type { SharedFile } from '../../profiles/read';
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
  // The line of the last setting of each key so far (sub-section lines too: `a.b = x` and `a =` then `  b = x` set the same key).
  const lastSetting = new Map<string, number>();
  section.entries.forEach((entry) => {
    const earlier = lastSetting.get(entry.key);
    if (storesValue(entry)) {
      lastSetting.set(entry.key, entry.index);
    }
    if (!setsTopLevelKey(entry)) {
      return;
    }
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
