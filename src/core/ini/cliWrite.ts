/**
 * The writer's promise about the AWS CLI: every line an edit writes is read by botocore as the
 * AWS SDK reads it (the same header; the same key and value, in the same section), and an edit
 * never makes the CLI refuse a file it read before. The edits of `edit` check their result here.
 */
import { cliLines, type CliRefusal } from './botocore';
import { cliReadsLinesAsSdk } from './cliAgreement';
import { sectionAt } from './lookup';
import type { IniScan } from './scan';
import { significantText } from './syntax';

/** What the AWS CLI would read otherwise on the lines `first` to `last` of each range, or undefined. */
export function cliMisreading(after: IniScan, written: readonly (readonly [number, number])[]): string | undefined {
  if (cliReadsLinesAsSdk(after)) {
    return undefined;
  }
  const reading = cliLines(after);
  for (const [first, last] of written) {
    for (let index = first; index <= last; index++) {
      const line = reading.lines[index];
      const lineNumber = index + 1;
      if (significantText(after.lines[index]?.text ?? '') === '') {
        if (line !== undefined) {
          return `it reads line ${lineNumber} as text, where the AWS SDK reads a comment or a blank line`;
        }
        continue;
      }
      const section = sectionAt(after, index);
      if (!section) {
        continue;
      }
      if (section.index === index) {
        if (line?.kind !== 'header' || line.section !== section.rawName) {
          return `it would not read line ${lineNumber} as the section header the AWS SDK reads there`;
        }
        continue;
      }
      const entry = section.entries.find((candidate) => candidate.index === index);
      if (!entry || entry.opensSubSection || entry.inSubSection) {
        continue;
      }
      if (line?.kind === 'continuation') {
        return `it would read line ${lineNumber} as more of the value of the key on line ${line.option + 1}, as it is indented deeper`;
      }
      if (line?.kind !== 'option' || line.key !== entry.name) {
        return `it would read another key on line ${lineNumber}`;
      }
      if (reading.valueOf(index) !== entry.value) {
        return `it would read more than the value on line ${lineNumber}: the indented lines after it continue it`;
      }
      if (line.header !== section.index) {
        return `it would file the key on line ${lineNumber} under another section, the one of line ${(line.header ?? 0) + 1}`;
      }
    }
  }
  return undefined;
}

/** Why the AWS CLI would refuse the edited file when it did not refuse it as often before, or undefined. */
export function cliRefusalAdded(before: IniScan, after: IniScan): string | undefined {
  if (cliReadsLinesAsSdk(after)) {
    return undefined;
  }
  const refusals = cliLines(after);
  if (refusals.refusals.length <= cliLines(before).refusals.length) {
    return undefined;
  }
  // Which one is new cannot be told from line numbers, which the edit moved; the last is most often the one written.
  const index = refusals.refusals.at(-1) ?? 0;
  const refusal = refusals.lines[index]?.refusal;
  return `it would refuse the whole file because of line ${index + 1}${refusal ? `: ${refusalReason(refusal)}` : ''}`;
}

function refusalReason(refusal: CliRefusal): string {
  switch (refusal.reason) {
    case 'byteOrderMark':
      return 'the file starts with a byte order mark';
    case 'beforeHeader':
      return 'it comes before any section header';
    case 'duplicateSection':
      return `the section is already defined at line ${refusal.first + 1}`;
    case 'duplicateKey':
      return `its key is already set at line ${refusal.first + 1} (the AWS CLI reads keys in lower case)`;
    case 'noDelimiter':
      return 'it has neither = nor :';
    case 'emptyKey':
      return 'it has no key before its = or :';
    case 'nestedWithoutEquals':
      return `it is indented under the key = line ${refusal.option + 1} and is not name = value`;
  }
}
