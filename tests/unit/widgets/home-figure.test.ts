import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { liveAlt, liveCaption } from '../../../src/widgets/home-figure/caption';

const frame = { index: 2, count: 6, accuracy: 0.8349, backend: 'wasm', ms: 412.6 };

describe('home figure captions', () => {
  it('say, in English, that the labels were computed here, on which frame, how well and how fast', () => {
    expect(liveCaption(messages('en').homeFigure, frame)).toBe(
      'Labelled just now in your browser (wasm, 413 ms): road frame 3 of 6. It matches the ground truth on 83% of the labelled pixels.',
    );
    expect(liveAlt(messages('en').homeFigure, frame)).toBe('Road frame 3 with the network’s predicted classes laid over it.');
  });

  it('say the same in Chinese, with the same numbers', () => {
    const zh = liveCaption(messages('zh').homeFigure, frame);
    expect(zh).toContain('道路画面 3（共 6 帧）');
    expect(zh).toContain('83%');
    expect(zh).toContain('413 毫秒');
    expect(zh).not.toMatch(/road|frame|pixels/i);
  });
});
