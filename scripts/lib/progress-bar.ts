/**
 * A progress bar for CLIs, on stderr so stdout stays clean for results. On a terminal it
 * redraws one line; otherwise (CI logs, pipes) it prints a plain line every 10% or 5 s.
 */

/** A running progress display. */
export interface ProgressBar {
  /** Reports `done` of `total` units, with an optional note (e.g. the current split). */
  update(done: number, note?: string): void;
  /** Prints the final state and ends the line. */
  finish(): void;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
}

/** "label [####....] done/total pct rate/s ETA note" (the bar only on a terminal). */
function formatLine(label: string, done: number, total: number, note: string, elapsed: number, tty: boolean): string {
  const rate = elapsed > 0 ? done / elapsed : 0;
  const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
  const frac = total > 0 ? done / total : 1;
  const width = 24;
  const filled = Math.round(frac * width);
  const bar = tty ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
  const suffix = note ? ` ${note}` : '';
  return `${label} ${bar}${done}/${total} ${(frac * 100).toFixed(0)}% ${rate.toFixed(1)}/s ETA ${formatSeconds(eta)}${suffix}`;
}

/** Creates a progress bar for `total` units labelled `label` (e.g. "camvid-180x240"). */
export function createProgressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const start = performance.now();
  const tty = stream.isTTY === true;
  let last = { done: 0, note: '' };
  let lastDraw = 0;
  let lastDecile = -1;

  const line = (): string => formatLine(label, last.done, total, last.note, (performance.now() - start) / 1000, tty);

  return {
    update(done, note = '') {
      last = { done, note };
      const now = performance.now();
      if (tty) {
        if (now - lastDraw < 100 && done < total) return;
        stream.write(`\r${line()}\x1b[K`);
      } else {
        const decile = Math.floor((done / Math.max(total, 1)) * 10);
        if (decile === lastDecile && now - lastDraw < 5000) return;
        lastDecile = decile;
        stream.write(`${line()}\n`);
      }
      lastDraw = now;
    },
    finish() {
      const elapsed = ((performance.now() - start) / 1000).toFixed(1);
      stream.write(tty ? `\r${line()} in ${elapsed}s\x1b[K\n` : `${line()} in ${elapsed}s\n`);
    },
  };
}
