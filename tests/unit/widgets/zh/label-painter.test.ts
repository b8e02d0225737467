/**
 * The label painter's sentences in the Chinese edition: no split names left in English, and
 * sizes written as the Chinese pages write them (height × width).
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n';
import { expectChinese } from '../../i18n/same-in-both';

const t = messages('zh').labelPainter;

describe('label painter in Chinese', () => {
  it('says where “Add to my data” put the photo without the words train and val', () => {
    for (const created of [true, false]) expectChinese(t.added('own-my-photos', 2, 1, created).replaceAll('own-my-photos', ''));
    expect(t.added('own-my-photos', 1, 1, true)).toContain('训练集和验证集');
  });

  it('gives the exported label PNG’s size as height × width', () => {
    const text = t.exported('street_label.png', 128, 96);
    expect(text).toContain('96 × 128 像素');
    expect(text).not.toContain('128 x 96');
    expectChinese(text.replace('street_label.png', ''), ['PNG', 'SegNet', 'Tutorial']);
  });

  it('shows the brush size in Chinese units', () => {
    expect(t.sizeValue(4)).toBe('4 像素');
  });
});
