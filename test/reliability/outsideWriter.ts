/**
 * The child process of the race suite: another program writing the shared files, as editors and
 * scripts do. Each stdin line is a JSON order; it waits the order's delay (busy, to the
 * microsecond), writes, and prints `ok`.
 *   inPlace: opens the file and rewrites it (truncate, write), as most editors save.
 *   rename:  writes a copy and renames it over the file, as atomic savers do.
 *   append:  appends, as `echo >> file` does.
 *   chunks:  rewrites the file in place in pieces with pauses in between, as a slow program does.
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';

export interface WriteOrder {
  readonly how: 'inPlace' | 'rename' | 'append' | 'chunks';
  readonly file: string;
  readonly text: string;
  readonly delayMs: number;
  /** For chunks: the pause after each piece. */
  readonly pausesMs?: readonly number[];
}

function waitBusy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Timers cannot wait a fraction of a millisecond.
  }
}

async function write(order: WriteOrder): Promise<void> {
  waitBusy(order.delayMs);
  switch (order.how) {
    case 'inPlace':
      fs.writeFileSync(order.file, order.text);
      return;
    case 'rename':
      fs.writeFileSync(`${order.file}.outside`, order.text);
      fs.renameSync(`${order.file}.outside`, order.file);
      return;
    case 'append':
      fs.appendFileSync(order.file, order.text);
      return;
    case 'chunks': {
      const pauses = order.pausesMs ?? [];
      const descriptor = fs.openSync(order.file, 'w');
      const size = Math.ceil(order.text.length / (pauses.length + 1));
      for (let piece = 0; piece <= pauses.length; piece++) {
        fs.writeSync(descriptor, order.text.slice(piece * size, (piece + 1) * size));
        await new Promise((resolve) => setTimeout(resolve, pauses[piece] ?? 0));
      }
      fs.closeSync(descriptor);
    }
  }
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  void write(JSON.parse(line) as WriteOrder).then(() => process.stdout.write('ok\n'));
});
