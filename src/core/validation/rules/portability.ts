/**
 * Where the AWS CLI reads a line of the files differently from the AWS SDK (see ini/botocore),
 * one note per difference, on the exact line, saying what each tool reads: a warning, or an error
 * where the CLI refuses the whole file. The rules of rules/lines and rules/keys say the note of a
 * line they already report in their own problem (see cliView); the rest are problems of their own.
 */
import * as l10n from '@vscode/l10n';
import { cliReading, pyStrip, type CliLine, type CliReading, type CliRefusal, type CliTarget } from '../../ini/botocore';
import { cliReadsAsSdk } from '../../ini/cliAgreement';
import { entryOn, sectionAt, sectionPositionAt } from '../../ini/lookup';
import type { IniEntry, IniSection } from '../../ini/scan';
import type { SectionTarget } from '../../ini/syntax';
import { profileKeys, ssoSessionKeys } from '../../profiles/knownKeys';
import type { LinePart } from '../../profiles/model';
import { sectionsIn, type SharedFile } from '../../profiles/read';
import { isSecretKey, quoted, quotedValue } from '../../secrets';
import { slots, template, type Template } from '../../template';
import { lineOf, withCode, type Problem } from '../problems';
import type { CliNote, CliNotes, NoteTopic } from './cliView';
import { secretContinuations, shownKeyName } from './keys';

const noNotes: CliNotes = { take: () => undefined, rest: () => [] };

type NoteText = Pick<CliNote, 'cli' | 'message' | 'fix'> & { readonly said?: string };

/** The notes of a file, found in one pass over its lines. */
export function cliNotes(file: SharedFile): CliNotes {
  if (cliReadsAsSdk(file.role, file.scan)) {
    return noNotes;
  }
  const notes = new Map<number, CliNote>();
  const inlineComments: { owner: string | undefined; problem: Problem }[] = [];
  const reading = cliReading(file.role, file.scan);
  const add = (index: number, topic: NoteTopic, part: LinePart, owner: string | undefined, refuses: boolean, text: NoteText): void => {
    const id = noteId(index, topic);
    if (!notes.has(id)) {
      notes.set(id, { topic, index, part, owner, refuses, said: text.said, cli: text.cli, message: text.message, fix: text.fix });
    }
  };
  const templates = new Map<string, Template>();
  const worded = (name: string, word: () => string): Template => {
    let found = templates.get(name);
    if (!found) {
      found = template(word());
      templates.set(name, found);
    }
    return found;
  };
  const context: Context = { file, reading, add, inlineComment: (owner, problem) => inlineComments.push({ owner, problem }), worded };

  reportRefusals(context);
  file.scan.sections.forEach((section, position) => {
    const target = file.index.targets[position];
    const owner = target?.kind === 'profile' ? target.name : undefined;
    headerNotes(context, section, target, owner);
    // In a section that is nothing to the SDK, only what makes the CLI refuse the file matters.
    if (target) {
      const knownKeys = target.kind === 'sso-session' ? ssoSessionKeys : profileKeys;
      for (const entry of section.entries) {
        entryNotes(context, section, entry, knownKeys, owner);
      }
      for (const index of section.ignoredLines) {
        ignoredLineNotes(context, section, index, knownKeys, owner);
      }
    } else {
      for (const index of [...section.ignoredLines, ...section.entries.map((entry) => entry.index)]) {
        cliHeaderNote(context, index);
      }
    }
  });
  for (const index of file.scan.strayLines) {
    cliHeaderNote(context, index);
  }

  return {
    take(index, topic) {
      const id = noteId(index, topic);
      const note = notes.get(id);
      notes.delete(id);
      return note;
    },
    rest() {
      const problems = [...notes.values()]
        .filter((note) => note.message !== undefined)
        .map((note) => ({
          index: note.index,
          owner: note.owner,
          problem: {
            severity: note.refuses ? ('error' as const) : ('warning' as const),
            message: note.message?.() ?? note.cli,
            fix: note.fix(),
            location: lineOf(file, note.index, note.part),
          },
        }));
      problems.sort((a, b) => a.index - b.index);
      return [...problems.map(({ owner, problem }) => ({ owner, problem })), ...inlineComments];
    },
  };
}

const topicNumbers: Readonly<Record<NoteTopic, number>> = { duplicate: 0, section: 1, line: 2, key: 3 };

/** A note's line and topic as one small number: a file the CLI refuses line by line has a note on each of 100,000 lines. */
function noteId(index: number, topic: NoteTopic): number {
  return index * 4 + topicNumbers[topic];
}

interface Context {
  readonly file: SharedFile;
  readonly reading: CliReading;
  add(index: number, topic: NoteTopic, part: LinePart, owner: string | undefined, refuses: boolean, text: NoteText): void;
  inlineComment(owner: string | undefined, problem: Problem): void;
  /** A text worded once per file under `name`, to fill on each line that says it (see template). */
  worded(name: string, word: () => string): Template;
}

/** Every line that makes the CLI refuse the file, whatever the SDK makes of it. */
function reportRefusals(context: Context): void {
  const { file, reading } = context;
  const said = l10n.t('the AWS CLI refuses the whole file because of it');
  for (const index of reading.refusals) {
    const refusal = reading.lines[index]?.refusal;
    if (!refusal) {
      continue;
    }
    const position = sectionPositionAt(file.scan, index);
    const section = sectionAt(file.scan, index);
    const target = section ? file.index.targets[position] : undefined;
    const owner = target?.kind === 'profile' ? target.name : undefined;
    const duplicate = refusal.reason === 'duplicateKey' || refusal.reason === 'duplicateSection';
    const part: LinePart = refusal.reason === 'duplicateKey' ? 'key' : section?.index === index ? 'header' : 'line';
    const cli = refusalClause(context, index, refusal, section);
    context.add(index, duplicate ? 'duplicate' : 'line', part, owner, true, {
      cli,
      said,
      message: () => l10n.t('{0}; {1}', cli, sdkView(index, refusal, section)),
      fix: () => refusalFix(refusal),
    });
  }
}

/** Why the AWS CLI refuses the whole file, one whole sentence per reason (a file may have one on each line). */
function refusalClause(context: Context, index: number, refusal: CliRefusal, section: IniSection | undefined): string {
  const { reading } = context;
  switch (refusal.reason) {
    case 'byteOrderMark':
      return l10n.t(
        'the AWS CLI refuses the whole file: the file starts with a byte order mark (BOM), which the CLI reads as text before the first section header',
      );
    case 'beforeHeader':
      return l10n.t('the AWS CLI refuses the whole file: line {0} comes before any section header', index + 1);
    case 'duplicateSection':
      return l10n.t(
        'the AWS CLI refuses the whole file: it reads [{0}] a second time (first at line {1})',
        quoted(sectionName(reading, index)),
        refusal.first + 1,
      );
    case 'duplicateKey': {
      const line = reading.lines[index];
      const key = line?.kind === 'option' ? line.key : '';
      const entry = section && entryOn(section, index);
      const mayContinueSecret = section !== undefined && secretContinuations(section, profileKeys).has(index);
      const shown = shownCliKey(key, mayContinueSecret);
      return entry && entry.name !== key
        ? context.worded('lowerCasedTwice', () =>
            l10n.t(
              'the AWS CLI refuses the whole file: it reads {0} as {1} (it lower-cases keys), which line {2} already sets in the same section',
              ...slots,
            ),
          )(shownCliKey(entry.name, mayContinueSecret), shown, refusal.first + 1)
        : context.worded('setTwice', () =>
            l10n.t('the AWS CLI refuses the whole file: it reads {0}, which line {1} already sets in the same section', ...slots),
          )(shown, refusal.first + 1);
    }
    case 'noDelimiter':
      return context.worded('noDelimiter', () => l10n.t('the AWS CLI refuses the whole file: line {0} has neither = nor :', ...slots))(
        index + 1,
      );
    case 'emptyKey':
      return context.worded('emptyKey', () =>
        l10n.t('the AWS CLI refuses the whole file: line {0} has no key before its = or :', ...slots),
      )(index + 1);
    case 'nestedWithoutEquals':
      return l10n.t(
        'the AWS CLI refuses the whole file: line {0}, indented under {1} = on line {2}, is not name = value',
        index + 1,
        shownCliKey(optionKey(reading, refusal.option)),
        refusal.option + 1,
      );
  }
}

function sdkView(index: number, refusal: CliRefusal, section: IniSection | undefined): string {
  switch (refusal.reason) {
    case 'byteOrderMark':
      return l10n.t('the AWS SDK skips the BOM');
    case 'duplicateSection':
      return l10n.t('the AWS SDK merges the two');
    case 'duplicateKey': {
      const entry = section && entryOn(section, index);
      const first = section && entryOn(section, refusal.first);
      return entry && first && entry.key === first.key
        ? l10n.t('the AWS SDK uses the later one')
        : l10n.t('the AWS SDK reads the two as different keys');
    }
    default:
      return l10n.t('the AWS SDK ignores the line');
  }
}

function refusalFix(refusal: CliRefusal): string {
  switch (refusal.reason) {
    case 'byteOrderMark':
      return l10n.t('Save the file as UTF-8 without a BOM.');
    case 'beforeHeader':
      return l10n.t('Move the line under a section header, or delete it.');
    case 'duplicateSection':
      return l10n.t('Move the settings of this section into the first one and delete this header.');
    case 'duplicateKey':
      return l10n.t('Delete the line you do not want.');
    case 'noDelimiter':
    case 'emptyKey':
      return l10n.t('Write key = value, or turn the line into a comment with #.');
    case 'nestedWithoutEquals':
      return l10n.t('Write the indented line as name = value, or remove its indentation and fix it.');
  }
}

function headerNotes(context: Context, section: IniSection, target: SectionTarget | undefined, owner: string | undefined): void {
  const { reading } = context;
  const line = reading.lines[section.index];
  const raw = quoted(section.rawName);
  if (line?.kind === 'continuation') {
    const option = reading.lines[line.option];
    const above = option?.kind === 'option' && option.header !== undefined ? sectionName(reading, option.header) : undefined;
    const key = shownCliKey(optionKey(reading, line.option));
    const cli =
      above === undefined
        ? l10n.t(
            'the AWS CLI reads this indented line as more of the value of {0} (line {1}), not as a section header',
            key,
            line.option + 1,
          )
        : l10n.t(
            'the AWS CLI reads this indented line as more of the value of {0} (line {1}), not as a section header, and files the lines below it under [{2}]',
            key,
            line.option + 1,
            quoted(above),
          );
    context.add(section.index, 'section', 'header', owner, false, {
      cli,
      message: () => l10n.t('{0}; the AWS SDK reads it as the header of [{1}]', cli, raw),
      fix: () => l10n.t('Remove the indentation before the [.'),
    });
    return;
  }
  if (line?.kind !== 'header' || line.refusal?.reason === 'duplicateSection') {
    return;
  }
  if (line.section !== section.rawName) {
    const cli = l10n.t('the AWS CLI reads the header as [{0}] (up to the last ] of the line)', quoted(line.section));
    context.add(section.index, 'section', 'header', owner, false, {
      cli,
      message: () => l10n.t('{0}, the AWS SDK as [{1}]', cli, raw),
      fix: () => l10n.t('Remove the ] from the comment after the header.'),
    });
    return;
  }
  const cliTarget = reading.targetOf(line.section);
  const sdkReads = target !== undefined && sectionsIn(context.file, target.kind, target.name).includes(section);
  if (!sameTarget(target, cliTarget)) {
    const cli =
      cliTarget === undefined
        ? l10n.t('the AWS CLI reads no profile from [{0}]', raw)
        : cliTarget.kind === 'defaults'
          ? l10n.t('the AWS CLI adds the settings of [{0}] to every section of the file', raw)
          : l10n.t('the AWS CLI reads [{0}] as {1}', raw, described(cliTarget));
    context.add(section.index, 'section', 'header', owner, false, {
      cli,
      message: () =>
        target ? l10n.t('{0}, the AWS SDK reads it as {1}', cli, described(target)) : l10n.t('{0}, the AWS SDK ignores it', cli),
      fix: () =>
        context.file.role === 'config'
          ? l10n.t(
              'Write the header as [profile NAME], [sso-session NAME] or [services NAME], with a single space and a name of letters, digits and - _ @ + . % : / only: both tools read those alike.',
            )
          : l10n.t('Write the header as [NAME], with a name of letters, digits and - _ @ + . % : / only: both tools read it alike.'),
    });
    return;
  }
  if (!target || !cliTarget || cliTarget.kind === 'defaults') {
    return;
  }
  const cliSection = reading.sectionFor(cliTarget);
  const cliReads = cliSection === line.section;
  const what = described(target);
  const keepInOne = (): string => l10n.t('Keep {0} in one section: move the settings of one into the other and delete it.', what);
  if (sdkReads && !cliReads) {
    const cli =
      cliSection === undefined
        ? l10n.t('the AWS CLI ignores this section: it reads {0} only from the later section', what)
        : l10n.t('the AWS CLI ignores this section: it reads {0} only from the later [{1}]', what, quoted(cliSection));
    context.add(section.index, 'section', 'header', owner, false, {
      cli,
      message: () => l10n.t('{0}, the AWS SDK reads this one too', cli),
      fix: keepInOne,
    });
  } else if (!sdkReads && cliReads) {
    const [read] = sectionsIn(context.file, target.kind, target.name);
    const cli = l10n.t('the AWS CLI reads {0} from this section alone, as it comes later', what);
    context.add(section.index, 'section', 'header', owner, false, {
      cli,
      message: () =>
        read
          ? l10n.t('{0}, the AWS SDK from [{1}] at line {2}', cli, quoted(read.rawName), read.index + 1)
          : l10n.t('{0}, the AWS SDK from another section', cli),
      fix: keepInOne,
    });
  } else if (!sdkReads && !cliReads) {
    context.add(section.index, 'section', 'header', owner, false, {
      cli: l10n.t('the AWS CLI ignores it too'),
      message: undefined,
      fix: () => '',
    });
  }
}

function entryNotes(
  context: Context,
  section: IniSection,
  entry: IniEntry,
  knownKeys: ReadonlySet<string>,
  owner: string | undefined,
): void {
  const { reading, file } = context;
  const line = reading.lines[entry.index];
  if (!line || line.refusal) {
    return;
  }
  const shown = (): string => shownKeyName(entry.key, entry.index + 1, secretContinuations(section, knownKeys).has(entry.index), knownKeys);
  /** A key a message may not show may be part of a secret: nor is its value shown. */
  const masked = (): boolean => shown() !== entry.key;
  switch (line.kind) {
    case 'continuation': {
      const opener = section && entryOn(section, line.option);
      if (entry.inSubSection && opener?.opensSubSection && reading.isNested(line.option) && entry.key === `${opener.name}.${entry.name}`) {
        const stripped = pyStrip(file.scan.lines[entry.index]?.text ?? '');
        const value = pyStrip(stripped.slice(stripped.indexOf('=') + 1));
        if (value !== entry.value) {
          inlineComment(context, entry, value, shown(), masked(), owner);
        }
        return;
      }
      const cli = l10n.t(
        'the AWS CLI reads this indented line as more of the value of {0} (line {1})',
        shownCliKey(optionKey(reading, line.option)),
        line.option + 1,
      );
      context.add(entry.index, 'line', 'line', owner, false, {
        cli,
        message: () => l10n.t('{0}, the AWS SDK as the key {1}', cli, shown()),
        fix: () => l10n.t('Indent the line no deeper than the key above it.'),
      });
      return;
    }
    case 'header': {
      const cli = l10n.t('the AWS CLI reads this line as the section header [{0}]', quoted(line.section));
      context.add(entry.index, 'line', 'line', owner, false, {
        cli,
        message: () => l10n.t('{0}, the AWS SDK as the key {1}', cli, shown()),
        fix: () => l10n.t('Remove the [ at the start of the line.'),
      });
      return;
    }
    case 'invalid':
      return;
    case 'option':
      break;
  }
  if (entry.inSubSection) {
    const cli = l10n.t('the AWS CLI reads it as the key {0} of the section, not of a sub-section', shownCliKey(line.key));
    context.add(entry.index, 'key', 'key', owner, false, {
      cli,
      message: () => l10n.t('{0}, the AWS SDK as {1}', cli, shown()),
      fix: () => l10n.t('Indent the lines of a sub-section deeper than the key = line that opens it.'),
    });
    return;
  }
  if (line.key !== entry.name.toLowerCase()) {
    const secret = masked() || isSecretKey(line.key) || isSecretKey(entry.key);
    const cli = secret
      ? l10n.t('the AWS CLI reads this line as the key {0} (it splits a line at its first : or =)', shownCliKey(line.key))
      : l10n.t(
          'the AWS CLI reads this line as the key {0} set to {1} (it splits a line at its first : or =)',
          shownCliKey(line.key),
          shownValue(line.key, line.ownValue),
        );
    context.add(entry.index, 'key', 'key', owner, false, {
      cli,
      message: () => l10n.t('{0}, the AWS SDK as the key {1}', cli, shown()),
      fix: () => l10n.t('Remove the : from the key name.'),
    });
    return;
  }
  if (line.key !== entry.name) {
    const cli = l10n.t('the AWS CLI reads {0} as {1} (it lower-cases keys)', shown(), shownCliKey(line.key, masked()));
    context.add(entry.index, 'key', 'key', owner, false, {
      cli,
      message: () => l10n.t('{0}, the AWS SDK as {1}, another key', cli, shown()),
      fix: () => (masked() ? l10n.t('Write the key in lower case.') : l10n.t('Write {0}.', line.key)),
    });
  }
  if (entry.opensSubSection) {
    if (reading.isNested(entry.index)) {
      return;
    }
    if (line.ownValue !== '') {
      inlineComment(context, entry, line.ownValue, shown(), masked(), owner);
      return;
    }
    if (reading.valueOf(entry.index) === '') {
      const cli = l10n.t('the AWS CLI reads {0} as an empty value', shown());
      context.add(entry.index, 'line', 'line', owner, false, {
        cli,
        message: () => l10n.t('{0}, the AWS SDK ignores the line', cli),
        fix: () => l10n.t('Give {0} a value, or delete the line.', shown()),
      });
    }
    return;
  }
  if (line.ownValue !== entry.value) {
    inlineComment(context, entry, line.ownValue, shown(), masked(), owner);
  }
}

function inlineComment(
  context: Context,
  entry: IniEntry,
  cliValue: string,
  shown: string,
  masked: boolean,
  owner: string | undefined,
): void {
  const secret = masked || isSecretKey(entry.key);
  const cli = shownValue(entry.key, cliValue);
  const message = secret
    ? l10n.t('the AWS CLI reads the comment after the value of {0} as part of the value, the AWS SDK drops it', shown)
    : entry.value === ''
      ? l10n.t(
          'the AWS CLI reads {0} as {1}, the AWS SDK as no value: the CLI keeps a # or ; comment after a value as part of it',
          shown,
          cli,
        )
      : l10n.t(
          'the AWS CLI reads {0} as {1}, the AWS SDK as {2}: the CLI keeps a # or ; comment after a value as part of it',
          shown,
          cli,
          shownValue(entry.key, entry.value),
        );
  context.inlineComment(
    owner,
    withCode(
      {
        severity: 'warning',
        message,
        fix: l10n.t('Move the comment to a line of its own above.'),
        location: lineOf(context.file, entry.index, 'value'),
      },
      'inlineComment',
    ),
  );
}

function ignoredLineNotes(
  context: Context,
  section: IniSection,
  index: number,
  knownKeys: ReadonlySet<string>,
  owner: string | undefined,
): void {
  const { reading } = context;
  const line = reading.lines[index];
  if (!line || line.refusal) {
    return;
  }
  const mayBeSecret = secretContinuations(section, knownKeys).has(index);
  let text: NoteText;
  switch (line.kind) {
    case 'continuation': {
      const cli = l10n.t(
        'the AWS CLI reads it as more of the value of {0} (line {1})',
        shownCliKey(optionKey(reading, line.option)),
        line.option + 1,
      );
      text = {
        cli,
        message: () => l10n.t('{0}, the AWS SDK ignores it', cli),
        fix: () => l10n.t('Delete the line, or join it to the value above.'),
      };
      break;
    }
    case 'option': {
      const key = shownKeyName(line.key, undefined, mayBeSecret, knownKeys);
      const secret = key !== line.key || isSecretKey(line.key);
      const cli = secret
        ? l10n.t('the AWS CLI reads it as a value of {0}', key)
        : l10n.t('the AWS CLI reads it as {0} = {1}', key, shownValue(line.key, line.ownValue));
      text = {
        cli,
        message: () => l10n.t('{0}, the AWS SDK ignores it', cli),
        fix: () => (secret ? l10n.t('Write key = value: both tools read =.') : l10n.t('Write {0} = value: both tools read =.', key)),
      };
      break;
    }
    case 'header': {
      const header = headerLineText(line.section);
      text = {
        ...header,
        message: () => l10n.t('{0}, the AWS SDK ignores it and files them under [{1}]', header.cli, quoted(section.rawName)),
      };
      break;
    }
    case 'invalid':
      return;
  }
  context.add(index, 'line', 'line', owner, false, text);
}

/** A line the SDK reads nothing from that is a section header to the CLI (`[profile a];x`), with the lines below it. */
function cliHeaderNote(context: Context, index: number): void {
  const line = context.reading.lines[index];
  if (line?.kind === 'header' && !line.refusal) {
    context.add(index, 'line', 'line', undefined, false, headerLineText(line.section));
  }
}

function headerLineText(name: string): NoteText {
  const cli = l10n.t('the AWS CLI reads it as the section header [{0}] and files the lines below it under that section', quoted(name));
  return {
    cli,
    message: () => l10n.t('{0}, the AWS SDK ignores it', cli),
    fix: () => l10n.t('Put a space between ] and a following # or ; comment.'),
  };
}

function sameTarget(sdk: SectionTarget | undefined, cli: CliTarget | undefined): boolean {
  if (sdk === undefined || cli === undefined) {
    return sdk === cli;
  }
  return cli.kind !== 'defaults' && cli.kind === sdk.kind && cli.name === sdk.name;
}

function described(target: SectionTarget | Exclude<CliTarget, { kind: 'defaults' }>): string {
  const name = quoted(target.name);
  const shown = /[\s"]/.test(name) || name === '' ? `"${name}"` : name;
  return target.kind === 'profile'
    ? l10n.t('the profile {0}', shown)
    : target.kind === 'sso-session'
      ? l10n.t('the sso-session {0}', shown)
      : l10n.t('the services section {0}', shown);
}

function sectionName(reading: CliReading, header: number): string {
  const line: CliLine | undefined = reading.lines[header];
  return line?.kind === 'header' ? line.section : '';
}

function optionKey(reading: CliReading, index: number): string {
  const line = reading.lines[index];
  return line?.kind === 'option' ? line.key : '';
}

/**
 * A key as the AWS CLI reads it, as a message may show it; `mayContinueSecret` when the key as
 * written was held back as a possible piece of a secret (see shownKeyName), which its lower-cased
 * spelling is just as much.
 */
function shownCliKey(key: string, mayContinueSecret = false): string {
  return shownKeyName(key, undefined, mayContinueSecret, profileKeys);
}

/** A value in backquotes, or what a message says in place of one it may not show. */
function shownValue(key: string, value: string): string {
  const shown = quotedValue(key, value);
  return shown === value ? `\`${value}\`` : shown;
}
