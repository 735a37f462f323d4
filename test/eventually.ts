/**
 * The one way the tests wait for something: read until the value is accepted. `eventually` fails
 * on a timeout with what was seen last, so a failure says why; `lastWithin` hands back what was
 * seen last instead, for waits whose caller decides what a timeout means. No test writes a deadline
 * loop of its own.
 */

export interface Patience {
  /** How long to keep reading. */
  readonly timeoutMs?: number;
  /** How long to wait between reads. */
  readonly intervalMs?: number;
}

/** Reads until `accept` takes what `read` returned, or the time is up; returns the last value read. */
export async function lastWithin<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 10_000, intervalMs = 100 }: Patience = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() >= deadline) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Reads until `accept` takes what `read` returned, and returns it; after the timeout, throws `failure(last)`. */
export async function eventually<T, Accepted extends T>(
  read: () => T | Promise<T>,
  accept: (value: T) => value is Accepted,
  failure: (last: T) => string,
  patience?: Patience,
): Promise<Accepted>;
export async function eventually<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  failure: (last: T) => string,
  patience?: Patience,
): Promise<T>;
export async function eventually<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  failure: (last: T) => string,
  patience: Patience = {},
): Promise<T> {
  const value = await lastWithin(read, accept, patience);
  if (!accept(value)) {
    throw new Error(failure(value));
  }
  return value;
}
