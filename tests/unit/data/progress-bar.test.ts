import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../../../scripts/lib/progress-bar';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = { isTTY, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

describe('createProgressBar (scripts/lib/progress-bar.ts)', () => {
  it('without a terminal prints plain lines with counts, percent, rate and ETA, about every 10%', () => {
    const { stream, text } = fakeStream(false);
    const bar = createProgressBar('import', 200, stream);
    for (let done = 1; done <= 200; done++) bar.update(done, 'train');
    bar.finish();
    const lines = text().trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.length).toBeLessThanOrEqual(13);
    expect(lines[0]).toMatch(/^import 1\/200 1% [\d.]+\/s ETA \S+ train$/);
    expect(lines.at(-1)).toMatch(/^import 200\/200 100% [\d.]+\/s ETA 0s train in [\d.]+s$/);
    expect(text()).not.toContain('\r');
  });

  it('on a terminal redraws one line with a bar', () => {
    const { stream, text } = fakeStream(true);
    const bar = createProgressBar('gen', 4, stream);
    bar.update(4);
    bar.finish();
    expect(text()).toMatch(/^\rgen \[#{24}\] 4\/4 100% /);
    expect(text().endsWith('\x1b[K\n')).toBe(true);
  });
});
