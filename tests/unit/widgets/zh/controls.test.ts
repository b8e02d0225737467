import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n';
import { stepAxis } from '../../../../src/widgets/shared/step-axis';
import { expectChinese } from '../../i18n/same-in-both';

describe('shared controls in Chinese', () => {
  it('every control word of the zh catalogue is Chinese', () => {
    const zh = messages('zh').controls;
    for (const text of [zh.back, zh.play, zh.next, zh.scrub, zh.stepOf(3, 9), zh.exampleSeed, zh.size, zh.stepAxis]) expectChinese(text);
  });

  it('stepAxis(last, ticks, label) names the axis in the language given, English by default outside a page', () => {
    expect(stepAxis(5).label).toBe('step');
    expect(stepAxis(5, 8, messages('zh').controls.stepAxis).label).toBe('训练步数');
  });
});
