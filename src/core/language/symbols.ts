/**
 * The outline of a shared file: one symbol per section, in file order, with one child per key
 * line. A symbol never holds a secret: the value of a secret key, a value shaped like a secret
 * and a line that may continue a secret (a token copied with a line break) are masked.
 */
import * as l10n from '@vscode/l10n';
import type { IniEntry, IniSection } from '../ini/scan';
import { profileKeys, ssoSessionKeys } from '../profiles/knownKeys';
import { sectionsIn, type SharedFile } from '../profiles/read';
import { hasSecretShape, isSecretKey, maskedSecret } from '../secrets';
import { closestMatch } from '../validation/didYouMean';
import { secretContinuations } from '../validation/rules/keys';
import { headerNameRange, sectionLastLine } from './sectionPlaces';
import { partRange, type Range } from './text';

/**
 * What a section is to the SDK; `ignored`: a section it reads nothing from (`[dev]` or `[foo bar]`
 * in the config file, a `[default]` that `[profile default]` hides). For VS Code's SymbolKind, the
 * provider picks one per kind.
 */
export type SectionSymbolKind = 'profile' | 'sso-session' | 'services' | 'ignored';

/** A key line, as a VS Code DocumentSymbol (a SymbolKind.Property, say). */
export interface KeySymbol {
  /** The key as written; masked when the line may be a piece of a secret. */
  readonly name: string;
  /** The value; masked for a secret key or a value shaped like a secret; empty for `key =`. */
  readonly detail: string;
  /** The line without its comment; for `key =`, down to the last line of its sub-section. */
  readonly range: Range;
  /** The key. */
  readonly selectionRange: Range;
  /** The lines of the sub-section a `key =` line opens, named without the parent's prefix. */
  readonly children: readonly KeySymbol[];
}

/** A section, as a VS Code DocumentSymbol. */
export interface SectionSymbol {
  /** The name the SDK reads (`dev`, `default`, `profile.dev` in the credentials file), or the header's text when it reads none. */
  readonly name: string;
  readonly detail: string;
  readonly kind: SectionSymbolKind;
  /** From the header to the section's last line (see sectionLastLine). */
  readonly range: Range;
  /** The name inside the header (see headerNameRange). */
  readonly selectionRange: Range;
  readonly children: readonly KeySymbol[];
}

/** A symbol's detail: its kind, as the headers of the config file write it (a keyword, never translated), or why the SDK skips it. */
function kindDetail(kind: SectionSymbolKind): string {
  return kind === 'ignored' ? l10n.t('ignored by the AWS SDK') : kind;
}

const noLines: ReadonlySet<number> = new Set();

/**
 * A file of more sections is outlined by its first 2,000, without their keys: the window takes in
 * the outline when a file opens and after every keystroke, about 5 ms per 1,000 symbols (measured
 * by npm run bench), which 10,000 profiles and their 40,000 keys would make a second's work. VS
 * Code's own JSON outline stops at 5,000 items for the same reason.
 */
export const outlineLimit = 2_000;

/**
 * One symbol per section of the file, in file order, with its keys (up to outlineLimit sections,
 * see there); linear in the file.
 */
export function documentSymbols(file: SharedFile): SectionSymbol[] {
  const withKeys = file.scan.sections.length <= outlineLimit;
  const { role, scan, index } = file;
  const { lines } = scan;
  return scan.sections.slice(0, outlineLimit).map((section, position) => {
    const target = index.targets[position];
    // Only the default profile has sections the index leaves out (see indexSections).
    const read =
      target !== undefined &&
      (target.kind !== 'profile' || target.name !== 'default' || sectionsIn(file, 'profile', 'default').includes(section));
    const kind: SectionSymbolKind = read ? target.kind : 'ignored';
    const name = target?.name ?? section.rawName;
    const last = sectionLastLine(scan, position);
    return {
      name: name.trim() === '' ? `[${section.rawName}]` : name,
      detail: kindDetail(kind),
      kind,
      range: { start: { line: section.index, character: 0 }, end: { line: last, character: lines[last]?.text.length ?? 0 } },
      selectionRange: headerNameRange(role, scan, section, target),
      children: withKeys ? keySymbols(file, section, target?.kind === 'sso-session' ? ssoSessionKeys : profileKeys) : [],
    };
  });
}

function keySymbols(file: SharedFile, section: IniSection, knownKeys: ReadonlySet<string>): KeySymbol[] {
  const continuations = section.entries.some((entry) => isSecretKey(entry.key)) ? secretContinuations(section, knownKeys) : noLines;
  const symbol = (entry: IniEntry): KeySymbol => {
    const continuesSecret = continuations.has(entry.index);
    const pieceOfSecret = continuesSecret && !knownKeys.has(entry.key) && closestMatch(entry.key, knownKeys) === undefined;
    const secretValue = continuesSecret || isSecretKey(entry.key) || hasSecretShape(entry.value);
    return {
      name: pieceOfSecret || hasSecretShape(entry.name) ? maskedSecret : entry.name,
      detail: secretValue && entry.value !== '' ? maskedSecret : entry.value,
      range: partRange(file.scan, entry.index, 'line'),
      selectionRange: partRange(file.scan, entry.index, 'key'),
      children: [],
    };
  };
  const result: KeySymbol[] = [];
  let parent: KeySymbol | undefined;
  let members: KeySymbol[] = [];
  const closeParent = (): void => {
    const lastMember = members.at(-1);
    if (parent) {
      result.push(lastMember ? { ...parent, range: { start: parent.range.start, end: lastMember.range.end }, children: members } : parent);
    }
    parent = undefined;
    members = [];
  };
  for (const entry of section.entries) {
    if (entry.inSubSection && parent) {
      members.push(symbol(entry));
      continue;
    }
    closeParent();
    if (entry.opensSubSection) {
      parent = symbol(entry);
    } else {
      result.push(symbol(entry));
    }
  }
  closeParent();
  return result;
}
