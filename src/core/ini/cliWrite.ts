/**
 * The writer's promise about the AWS CLI: every line an edit writes is read by botocore as the
 * AWS SDK reads it (the same header; the same key and value, in the same section), and an edit
 * never makes the CLI refuse a file it read before. The edits of `edit` check their result here.
 */
import * as l10n from '@vscode/l10n';
import { cliLines, type CliRefusal } from './botocore';
import { cliReadsLinesAsSdk } from './cliAgreement';
import { sectionAt } from './lookup';
import type { IniScan } from './scan';
import { significantText } from './syntax';

/** The refusal of an edit the AWS CLI would read otherwise on the lines `first` to `last` of each range, or undefined. */
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
          return l10n.t(
            'The AWS CLI would read this edit otherwise than the AWS SDK: it reads line {0} as text, where the AWS SDK reads a comment or a blank line. Edit that part of the file by hand.',
            lineNumber,
          );
        }
        continue;
      }
      const section = sectionAt(after, index);
      if (!section) {
        continue;
      }
      if (section.index === index) {
        if (line?.kind !== 'header' || line.section !== section.rawName) {
          return l10n.t(
            'The AWS CLI would read this edit otherwise than the AWS SDK: it would not read line {0} as the section header the AWS SDK reads there. Edit that part of the file by hand.',
            lineNumber,
          );
        }
        continue;
      }
      const entry = section.entries.find((candidate) => candidate.index === index);
      if (!entry || entry.opensSubSection || entry.inSubSection) {
        continue;
      }
      if (line?.kind === 'continuation') {
        return l10n.t(
          'The AWS CLI would read this edit otherwise than the AWS SDK: it would read line {0} as more of the value of the key on line {1}, as it is indented deeper. Edit that part of the file by hand.',
          lineNumber,
          line.option + 1,
        );
      }
      if (line?.kind !== 'option' || line.key !== entry.name) {
        return l10n.t(
          'The AWS CLI would read this edit otherwise than the AWS SDK: it would read another key on line {0}. Edit that part of the file by hand.',
          lineNumber,
        );
      }
      if (reading.valueOf(index) !== entry.value) {
        return l10n.t(
          'The AWS CLI would read this edit otherwise than the AWS SDK: it would read more than the value on line {0}: the indented lines after it continue it. Edit that part of the file by hand.',
          lineNumber,
        );
      }
      if (line.header !== section.index) {
        return l10n.t(
          'The AWS CLI would read this edit otherwise than the AWS SDK: it would file the key on line {0} under another section, the one of line {1}. Edit that part of the file by hand.',
          lineNumber,
          (line.header ?? 0) + 1,
        );
      }
    }
  }
  return undefined;
}

/** The refusal of an edit that makes the AWS CLI refuse the file when it did not refuse it as often before, or undefined. */
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
  return refusal
    ? refusalOf(index + 1, refusal)
    : l10n.t(
        'The AWS CLI would read this edit otherwise than the AWS SDK: it would refuse the whole file because of line {0}. Edit that part of the file by hand.',
        index + 1,
      );
}

function refusalOf(line: number, refusal: CliRefusal): string {
  switch (refusal.reason) {
    case 'byteOrderMark':
      return l10n.t(
        'The AWS CLI would read this edit otherwise than the AWS SDK: it would refuse the whole file because of line {0}: the file starts with a byte order mark. Edit that part of the file by hand.',
        line,
      );
    case 'beforeHeader':
      return l10n.t(
        'The AWS CLI would read this edit otherwise than the AWS SDK: it would refuse the whole file because of line {0}: it comes before any section header. Edit that part of the file by hand.',
        line,
      );
    case 'duplicateSection':
      return l10n.t(
        'The AWS CLI would read this edit otherwise than the AWS SDK: it would refuse the whole file because of line {0}: the section is already defined at line {1}. Edit that part of the file by hand.',
        line,
        refusal.first + 1,
      );
    case 'duplicateKey':
      return l10n.t(
        'The AWS CLI would read this edit otherwise than the AWS SDK: it would refuse the whole file because of line {0}: its key is already set at line {1} (the AWS CLI reads keys in lower case). Edit that part of the file by hand.',
        line,
        refusal.first + 1,
      );
    case 'noDelimiter':
      return l10n.t(
        'The AWS CLI would read this edit otherwise than the AWS SDK: it would refuse the whole file because of line {0}: it has neither = nor :. Edit that part of the file by hand.',
        line,
      );
    case 'emptyKey':
      return l10n.t(
        'The AWS CLI would read this edit otherwise than the AWS SDK: it would refuse the whole file because of line {0}: it has no key before its = or :. Edit that part of the file by hand.',
        line,
      );
    case 'nestedWithoutEquals':
      return l10n.t(
        'The AWS CLI would read this edit otherwise than the AWS SDK: it would refuse the whole file because of line {0}: it is indented under the key = line {1} and is not name = value. Edit that part of the file by hand.',
        line,
        refusal.option + 1,
      );
  }
}
