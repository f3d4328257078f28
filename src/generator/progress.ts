// Progress of a large generation on stderr: a bar on a terminal, a line per 10 % otherwise.
import type { GenerateProgress } from './generate-options.js';

/** Below this many pupils a run is quick and says nothing while it works. */
export const PROGRESS_THRESHOLD = 10_000;

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const WIDTH = 30;

function format(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A progress callback for {@link generateDataset}, or undefined when `total` is at most {@link PROGRESS_THRESHOLD}.
 * @example generateDataset({ ..., onProgress: createProgressReporter(process.stderr, 100_000) })
 */
export function createProgressReporter(
  stream: ProgressStream,
  total: number,
): ((progress: GenerateProgress) => void) | undefined {
  if (total <= PROGRESS_THRESHOLD) return undefined;
  let lastTenth = 0;
  let finished = false;
  return ({ done }) => {
    if (finished) return;
    const share = Math.min(1, done / total);
    if (stream.isTTY) {
      const filled = Math.round(share * WIDTH);
      stream.write(
        `\rpupils [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${format(done)}/${format(total)}`,
      );
      if (done >= total) stream.write('\n');
    } else {
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`generate: ${tenth * 10}% (${format(done)}/${format(total)} pupils)\n`);
      }
    }
    finished = done >= total;
  };
}
