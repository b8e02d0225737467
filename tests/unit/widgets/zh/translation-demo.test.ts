// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n';
import { shiftSentence } from '../../../../src/widgets/translation-demo/caption';
import { renderTranslation } from '../../../../src/widgets/translation-demo/render';
import { shiftComparison } from '../../../../src/widgets/translation-demo/shift-comparison';
import { englishWords, expectChinese } from '../../i18n/same-in-both';

const zh = messages('zh').translationDemo;

describe('translation demo in Chinese', () => {
  it('renderTranslation(view, { messages: zh }) titles and names every panel in Chinese', () => {
    const node = renderTranslation(shiftComparison({ seed: 1, dx: 1, dy: 0 }), { messages: zh });
    expectChinese(node);
    expect([...node.querySelectorAll('.panel-title')].map((t) => t.textContent)).toEqual(['输入 (8 × 8)', '池化结果 (4 × 4)', '平移后的输入 (8 × 8)', '平移后的池化结果 (4 × 4)']);
  });

  it('shiftSentence(view, zh) says every kind of shift in Chinese, with the same counts', () => {
    for (const [dx, dy] of [[0, 0], [1, 0], [-1, 1], [2, -2], [0, -2]] as const) {
      const v = shiftComparison({ seed: 7, dx, dy });
      const sentence = shiftSentence(v, zh);
      expectChinese(sentence);
      expect(sentence).toContain(`${v.total}`);
    }
    expect(shiftSentence(shiftComparison({ seed: 7, dx: -1, dy: 2 }), zh)).toMatch(/^输入向左平移 1 像素、向下平移 2 像素：/);
  });

  it('englishWords finds a leftover English word', () => {
    expect(englishWords('输入 shifted 2 像素 (SegNet, 8 × 8 px)')).toEqual(['shifted']);
  });
});
