/** Test helpers for the editor features: both files from texts, and a position found by the text at it. */
import type { Position } from '../../../src/core/language/text';
import { sharedFile, type SharedFiles } from '../../../src/core/profiles/read';

export function filesOf(config: string | undefined, credentials: string | undefined): SharedFiles {
  return {
    config: sharedFile('config', '/aws/config', { text: config, readError: undefined }),
    credentials: sharedFile('credentials', '/aws/credentials', { text: credentials, readError: undefined }),
  };
}

/** `offset` characters into the first `needle` on the `occurrence`-th (0-based) line of `text` holding it. */
export function positionOf(text: string, needle: string, offset = 0, occurrence = 0): Position {
  let seen = 0;
  const lines = text.split(/\r?\n/);
  for (let line = 0; line < lines.length; line++) {
    const character = lines[line]?.indexOf(needle) ?? -1;
    if (character !== -1 && seen++ === occurrence) {
      return { line, character: character + offset };
    }
  }
  throw new Error(`no line holds ${needle}`);
}
