// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n';
import { patternSentence, stepSentence } from '../../../../src/widgets/transposed-conv-stepper/caption';
import { renderTransposedConv } from '../../../../src/widgets/transposed-conv-stepper/render';
import { stampView } from '../../../../src/widgets/transposed-conv-stepper/stamps';
import { expectChinese } from '../../i18n/same-in-both';

const zh = messages('zh').transposedConv;

describe('transposed-convolution stepper in Chinese', () => {
  it('renderTransposedConv(view, { messages: zh }) titles and names every panel in Chinese', () => {
    const node = renderTransposedConv(stampView({ kernel: 3, stride: 2, input: 'ramp', step: 5 }), { messages: zh });
    expectChinese(node);
    expect([...node.querySelectorAll('.panel-title')].map((t) => t.textContent)).toEqual(['输入 (3 × 3)', '全 1 卷积核 (3 × 3)', '输出 (7 × 7)', '每格叠加次数 (7 × 7)']);
  });

  it('patternSentence and stepSentence say every pattern and step in Chinese', () => {
    const cases = [
      { kernel: 1, stride: 3, step: 9 },
      { kernel: 3, stride: 2, step: 0 },
      { kernel: 2, stride: 1, step: 4 },
      { kernel: 4, stride: 2, step: 1 },
      { kernel: 2, stride: 2, step: 9 },
    ];
    const patterns = new Set<string>();
    for (const c of cases) {
      const view = stampView({ ...c, input: 'ones' });
      patterns.add(view.pattern);
      expectChinese(patternSentence(view, zh));
      expectChinese(stepSentence(view, zh));
    }
    expect([...patterns].sort()).toEqual(['even', 'gaps', 'uneven']);
    expect(stepSentence(stampView({ kernel: 3, stride: 2, input: 'ramp', step: 5 }), zh)).toBe(
      '第 5 步（共 9 步）：输入格（第 1 行，第 1 列）的值是 5，于是把 5 × 卷积核加到输出的第 2–4 行、第 2–4 列。',
    );
  });
});
