/**
 * A value written so that a shell (or a `.env` reader) reads back exactly that value. Single quotes
 * wherever the shell has them, since nothing is expanded inside; cmd and `.env` have no quoting
 * that holds every character, so a value they cannot hold is refused, naming the character.
 */
import * as l10n from '@vscode/l10n';
import { KnownError } from '../../errors';

export class UnquotableValue extends KnownError<'unquotable'> {
  readonly reason = 'unquotable';
}

function refuse(name: string, character: string, where: 'windowsCmd' | 'dotenv'): never {
  const shown = /^[\x21-\x7e]$/.test(character)
    ? `"${character}"`
    : `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
  throw new UnquotableValue(
    where === 'windowsCmd'
      ? l10n.t('The value of {0} holds a character ({1}) that Windows cmd cannot hold exactly: choose another format.', name, shown)
      : l10n.t('The value of {0} holds a character ({1}) that a .env file cannot hold exactly: choose another format.', name, shown),
  );
}

/** bash, zsh, sh and dash: inside single quotes every character is itself; a quote is closed, escaped, reopened. */
export function posixQuoted(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** fish: inside single quotes only `\\` and `\'` are escapes. */
export function fishQuoted(value: string): string {
  return `'${value.replace(/[\\']/g, (character) => `\\${character}`)}'`;
}

/** PowerShell: inside single quotes nothing is expanded; each of its four single-quote characters is doubled. */
export function powershellQuoted(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

/**
 * Windows cmd, written `set "NAME=value"`: inside the quotes `&`, `|`, `<`, `>` and `^` are
 * themselves; a quote, `%` (expanded), `!` (expanded with delayed expansion) and line breaks are not.
 */
export function cmdAssignment(name: string, value: string): string {
  const bad = /["%!\r\n\0]/.exec(value);
  if (bad) {
    refuse(name, bad[0], 'windowsCmd');
  }
  return `set "${name}=${value}"`;
}

/**
 * A `.env` line: bare when the value is made of characters every reader (Docker's `--env-file`,
 * dotenv, python-dotenv) keeps as they are, else in single quotes, which those that unquote read
 * literally as long as the value holds no quote, backslash or line break.
 */
export function dotenvAssignment(name: string, value: string): string {
  if (/^[A-Za-z0-9+/=.,:@_-]*$/.test(value)) {
    return `${name}=${value}`;
  }
  const bad = /['\\\r\n\0]/.exec(value);
  if (bad) {
    refuse(name, bad[0], 'dotenv');
  }
  return `${name}='${value}'`;
}
