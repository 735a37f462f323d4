/**
 * The one way the tests wait for something: read until the value is accepted, and on a timeout fail
 * with what was seen last, so a failure says why. No test writes a deadline loop of its own.
 */

export interface Patience {
  /** How long to keep reading. */
  readonly timeoutMs?: number;
  /** How long to wait between reads. */
  readonly intervalMs?: number;
}

/**
 * Reads until `accept` takes what `read` returned, and returns that value. After `timeoutMs` it
 * throws an error whose message is `failure(last)`, `last` being the last value read.
 */
export async function eventually<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  failure: (last: T) => string,
  { timeoutMs = 10_000, intervalMs = 100 }: Patience = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) {
      return value;
    }
    if (Date.now() >= deadline) {
      throw new Error(failure(value));
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
