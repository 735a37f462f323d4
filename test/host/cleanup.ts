/** Stops what the test host started, whatever ends the run: success, failure, timeout or Ctrl-C. */
const cleanups: (() => Promise<void> | void)[] = [];
let installed = false;

export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
  if (!installed) {
    installed = true;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        void runCleanups().finally(() => process.exit(130));
      });
    }
  }
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await cleanup?.();
    } catch (error) {
      console.error(`cleanup failed: ${String(error)}`);
    }
  }
}
