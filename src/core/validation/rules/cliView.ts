/**
 * What the AWS CLI reads on a line, as a note a rule adds to its own problem of that line (see
 * portability, which finds the notes, and reports on their own those no rule took).
 */
import type { LinePart } from '../../profiles/model';
import { copyOf, type Problem } from '../problems';

/**
 * What a note is about, so that a rule takes only the notes that belong with its problem: a
 * section or key defined twice, what a section is, what a line is, how a key is spelt.
 */
export type NoteTopic = 'duplicate' | 'section' | 'line' | 'key';

export interface CliNote {
  readonly topic: NoteTopic;
  /** 0-based index of the line. */
  readonly index: number;
  readonly part: LinePart;
  /** The profile the line belongs to, or undefined for the file. */
  readonly owner: string | undefined;
  /** The AWS CLI refuses the whole file because of this line: every CLI command fails. */
  readonly refuses: boolean;
  /** What the AWS CLI reads, a clause to follow another problem's message. */
  readonly cli: string;
  /** The same, shorter, for a problem that already says what the note is about (a section defined twice). */
  readonly said: string | undefined;
  /**
   * Both tools' views, for a problem of its own; undefined when the CLI agrees with the problem it
   * belongs to. Worded when asked, as the fix is: a rule takes the clause alone, and a file the CLI
   * refuses line by line has a note on each of its lines.
   */
  readonly message: (() => string) | undefined;
  readonly fix: () => string;
}

/** The notes of one file. */
export interface CliNotes {
  /** The note of a topic on a line, for the caller to say in its own problem (see withCliView); given once. */
  take(index: number, topic: NoteTopic): CliNote | undefined;
  /** The notes nobody took, each a problem of its own, and every inline comment. */
  rest(): readonly { readonly owner: string | undefined; readonly problem: Problem }[];
}

/** A problem that also says what the AWS CLI reads on its line: an error when the CLI refuses the file. */
export function withCliView(problem: Problem, notes: readonly (CliNote | undefined)[], alreadySaid = false): Problem {
  let message = problem.message;
  let refuses = false;
  let taken = false;
  // A loop, not a filter: a file can have a note on each of 100,000 lines.
  for (const note of notes) {
    if (note === undefined) {
      continue;
    }
    taken = true;
    refuses ||= note.refuses;
    const clause = alreadySaid ? (note.said ?? note.cli) : note.cli;
    // After a question ("did you mean region?") the clause is a sentence of its own.
    message = /[?.!]$/.test(message) ? `${message} ${clause.charAt(0).toUpperCase()}${clause.slice(1)}` : `${message}; ${clause}`;
  }
  return taken ? copyOf(problem, refuses ? 'error' : problem.severity, message) : problem;
}
