import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSegNet, loadMatchingWeights, type SegNetModel } from '../../../src/segnet';
import { useCpu } from '../helpers';

beforeAll(useCpu);

const tiny = { height: 16, width: 16, basicChannels: 4 };
const values = (m: SegNetModel) => new Map(m.variables().map((v) => [v.name, Array.from(v.variable.dataSync())]));
const tensorsOf = (m: SegNetModel): tf.NamedTensorMap => Object.fromEntries(m.variables().map((v) => [v.name, v.variable]));

/** A trained SegNet-Basic (the source) and a fresh network with `decoder` (the target), freed after `check`. */
function withPair(decoder: 'segnet' | 'fcn', check: (source: SegNetModel, target: SegNetModel) => void): void {
  const source = buildSegNet({ encoder: 'basic', decoder: 'segnet', ...tiny, seed: 7 });
  const target = buildSegNet({ encoder: 'basic', decoder, ...tiny, seed: 8 });
  try {
    check(source, target);
  } finally {
    source.dispose();
    target.dispose();
  }
}

describe('loadMatchingWeights(model, source, { only, strict })', () => {
  it('copies what matches by name and shape and reports every other variable with why', () => {
    withPair('fcn', (source, target) => {
      const tensors = tensorsOf(source);
      // One encoder tensor of another shape: it must be skipped, not copied.
      const odd = 'encoder/stage2/conv1/conv/bias';
      tensors[odd] = tf.zeros([5]);
      const before = values(target);
      const report = loadMatchingWeights(target, tensors);
      const encoderNames = target.encoder.store.list().map((v) => v.name);
      expect(report.copied).toEqual(encoderNames.filter((n) => n !== odd));
      expect(report.skipped).toContainEqual({ name: odd, reason: '[5] in the checkpoint, [4] here' });
      const decoderNames = target.decoder.store.list().map((v) => v.name);
      expect(report.skipped.filter((s) => s.reason === 'not in the checkpoint').map((s) => s.name)).toEqual(decoderNames);
      expect(report.copied.length + report.skipped.length).toBe(target.variables().length);
      const after = values(target);
      const from = values(source);
      for (const name of report.copied) expect(after.get(name)).toEqual(from.get(name));
      for (const { name } of report.skipped) expect(after.get(name)).toEqual(before.get(name));
      tf.dispose(tensors[odd]);
    });
  });

  it("with only: 'encoder', leaves the decoder out even where it would match", () => {
    withPair('segnet', (source, target) => {
      const report = loadMatchingWeights(target, { tensors: tensorsOf(source) }, { only: 'encoder' });
      expect(report.copied).toEqual(target.encoder.store.list().map((v) => v.name));
      expect(report.skipped.map((s) => s.name)).toEqual(target.decoder.store.list().map((v) => v.name));
      expect(new Set(report.skipped.map((s) => s.reason))).toEqual(new Set(['not asked for']));
      expect(values(target).get(report.skipped[0]!.name)).not.toEqual(values(source).get(report.skipped[0]!.name));
    });
  });

  it('with strict, throws naming the first missing or misshapen variable and copies nothing', () => {
    withPair('fcn', (source, target) => {
      const before = values(target);
      const first = target.decoder.store.list()[0]!.name;
      expect(() => loadMatchingWeights(target, tensorsOf(source), { strict: true })).toThrow(`the checkpoint has no value for '${first}'`);
      expect(values(target)).toEqual(before);
      const tensors = { ...tensorsOf(source), 'encoder/stage1/conv1/conv/bias': tf.zeros([2]) };
      expect(() => loadMatchingWeights(target, tensors, { only: 'encoder', strict: true })).toThrow(
        "'encoder/stage1/conv1/conv/bias' is [2] in the checkpoint but [4] in the model",
      );
      expect(values(target)).toEqual(before);
      tf.dispose(tensors['encoder/stage1/conv1/conv/bias']);
    });
  });
});
