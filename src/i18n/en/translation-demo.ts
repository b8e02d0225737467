/** The translation demo (max pooling and a shifted input): panel titles and the live caption. */
const pixels = (n: number): string => `${n} pixel${n === 1 ? '' : 's'}`;

export const translationDemo = {
  input: 'Input',
  pooled: 'Pooled',
  shiftedInput: 'Shifted input',
  pooledAfterShift: 'Pooled after shift',
  /** Accessible name of the last panel: its size, then how many of its values changed. */
  pooledAfterShiftLabel: (size: string, changed: number, total: number) => `Pooled after shift (${size}): ${changed} of ${total} values changed`,
  noShift: (total: number) => `No shift: both inputs are the same, so both pooled maps are the same, ${total} of ${total}.`,
  /** dx > 0 is right, dy > 0 is down; at least one is not 0. */
  shifted: (dx: number, dy: number, unchanged: number, total: number) => {
    const parts = [dx !== 0 ? `${pixels(Math.abs(dx))} ${dx > 0 ? 'right' : 'left'}` : '', dy !== 0 ? `${pixels(Math.abs(dy))} ${dy > 0 ? 'down' : 'up'}` : ''];
    return `Input shifted ${parts.filter(Boolean).join(' and ')}: ${unchanged} of ${total} pooled values stay the same in place; ${total - unchanged} changed (marked).`;
  },
  movedByWindows: (matching: number, comparable: number) =>
    ` A shift by whole windows moves the pooled map with it: ${matching} of the ${comparable} pooled cells whose window is still in view equal the original's value one window back.`,
  smallShift: ` Where a window's maximum stays inside the window after the shift, its pooled value does not move.`,
  shiftRight: 'Shift right',
  shiftDown: 'Shift down',
  reset: 'No shift',
  seed: 'Example seed',
};
