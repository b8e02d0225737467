import { describe, expect, it } from 'vitest';
import { matchWeights } from '../../../../src/segnet/core';
import { describeMatch, parameterGroup } from '../../../../src/widgets/training-studio/pretrained-match';

const conv = (prefix: string, cin: number, cout: number) => [
  { name: `${prefix}/filter`, shape: [7, 7, cin, cout] },
  { name: `${prefix}/bias`, shape: [cout] },
];
/** SegNet-Basic's names (two stages, for brevity) as the pretrained checkpoint holds them. */
const checkpoint = [...conv('encoder/stage1/conv1/conv', 3, 64), ...conv('encoder/stage2/conv1/conv', 64, 64), ...conv('decoder/stage1/conv1', 64, 64), { name: 'decoder/classifier/filter', shape: [1, 1, 64, 11] }];

describe('matchWeights(model, checkpoint)', () => {
  it('loads every tensor with the same name and shape, and says why the others are skipped', () => {
    const model = [...conv('encoder/stage1/conv1/conv', 3, 64), ...conv('encoder/stage2/conv1/conv', 64, 64), { name: 'decoder/fc/filter', shape: [3, 3, 64, 11] }, { name: 'decoder/classifier/filter', shape: [1, 1, 32, 11] }];
    const match = matchWeights(model, checkpoint);
    expect(match.copied).toEqual(['encoder/stage1/conv1/conv/filter', 'encoder/stage1/conv1/conv/bias', 'encoder/stage2/conv1/conv/filter', 'encoder/stage2/conv1/conv/bias']);
    expect(match.skipped).toEqual([
      { name: 'decoder/fc/filter', reason: 'not in the checkpoint' },
      { name: 'decoder/classifier/filter', reason: '[1, 1, 64, 11] in the checkpoint, [1, 1, 32, 11] here' },
    ]);
    expect(describeMatch(match, model.map((m) => m.name))).toBe(
      'From the pretrained checkpoint: encoder stage 1, encoder stage 2 (4 of 6 tensors). Random: decoder fc, decoder classifier.',
    );
  });

  it('says when nothing fits (VGG16 against SegNet-Basic)', () => {
    const model = conv('encoder/stage1/conv1/conv', 3, 16);
    const match = matchWeights(model, checkpoint);
    expect(match.copied).toEqual([]);
    expect(describeMatch(match, model.map((m) => m.name))).toBe('None of the pretrained weights fit this network: every weight starts from random values.');
  });

  it('says so in one phrase when every tensor fits (SegNet-Basic with the SegNet decoder)', () => {
    const match = matchWeights(checkpoint, checkpoint);
    expect(match.skipped).toEqual([]);
    expect(describeMatch(match, checkpoint.map((m) => m.name))).toBe('Every weight comes from the pretrained checkpoint (all 7 tensors).');
  });

  it('reports a part loaded in part', () => {
    const model = [...conv('decoder/stage1/conv1', 64, 64), { name: 'decoder/stage1/conv2/filter', shape: [7, 7, 64, 64] }];
    expect(describeMatch(matchWeights(model, checkpoint), model.map((m) => m.name))).toBe('From the pretrained checkpoint: decoder stage 1 (2 of 3) (2 of 3 tensors).');
  });

  it('groups names by part and stage', () => {
    expect(parameterGroup('encoder/stage3/conv1/bn/gamma')).toBe('encoder stage 3');
    expect(parameterGroup('decoder/classifier/bias')).toBe('decoder classifier');
  });
});
