import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSegNet, countParameters, DECODER_KINDS, disposeActivations, weightedCrossEntropy, type SegNetModel } from '../../../src/segnet';
import { numericGradient, seededRandom, useCpu } from '../helpers';

beforeAll(useCpu);
const built: SegNetModel[] = [];
afterEach(() => built.splice(0).forEach((m) => m.dispose()));
function track(m: SegNetModel): SegNetModel {
  built.push(m);
  return m;
}

function randomImages(n: number, h: number, w: number, seed: number): tf.Tensor4D {
  const rnd = seededRandom(seed);
  return tf.tensor4d(Float32Array.from({ length: n * h * w * 3 }, rnd), [n, h, w, 3]);
}

describe('countParameters(config)', () => {
  // Conv weights + biases, batch-norm gamma + beta; moving statistics are not parameters.
  const conv = (k: number, cin: number, cout: number) => k * k * cin * cout + cout;
  const basicEncoder = conv(7, 3, 64) + 3 * conv(7, 64, 64) + 4 * 2 * 64;

  it('SegNet-Basic has the paper\'s 1.425 M parameters (exact count by hand)', () => {
    const expected = basicEncoder + 4 * conv(7, 64, 64) + 4 * 2 * 64 + conv(1, 64, 11);
    const count = countParameters({ encoder: 'basic', decoder: 'segnet', height: 360, width: 480 });
    expect(count.total).toBe(expected);
    expect(count.total / 1e6).toBeCloseTo(1.42, 2);
  });

  it('FCN-Basic and the bilinear baseline are near the paper\'s 0.65 M and 0.625 M', () => {
    const fcn = countParameters({ encoder: 'basic', decoder: 'fcn', height: 360, width: 480 });
    expect(fcn.total).toBe(basicEncoder + 4 * conv(1, 64, 11) + 4 * conv(7, 11, 11));
    expect(Math.abs(fcn.total / 0.65e6 - 1)).toBeLessThan(0.03);
    const bilinear = countParameters({ encoder: 'basic', decoder: 'bilinear', height: 360, width: 480 });
    expect(bilinear.total).toBe(basicEncoder + 4 * (49 * 64 + 64 + 2 * 64) + conv(1, 64, 11));
    expect(Math.abs(bilinear.total / 0.625e6 - 1)).toBeLessThan(0.01);
  });

  it('VGG16-SegNet at width 1 has about 29.4 M parameters, half of them in the encoder', () => {
    const count = countParameters({ encoder: 'vgg16', decoder: 'segnet', height: 360, width: 480 });
    expect(Math.abs(count.total / 29.4e6 - 1)).toBeLessThan(0.01);
    // VGG16's 13 conv layers: 14.71 M weights + biases, plus 2 x 4224 batch-norm parameters.
    expect(count.encoder).toBe(14714688 + 2 * 4224);
  });

  it('a width multiplier shrinks VGG16 roughly quadratically', () => {
    const full = countParameters({ encoder: 'vgg16', decoder: 'segnet', height: 64, width: 64 }).total;
    const quarter = countParameters({ encoder: 'vgg16', decoder: 'segnet', height: 64, width: 64, widthMultiplier: 0.25 }).total;
    expect(full / quarter).toBeGreaterThan(14);
    expect(full / quarter).toBeLessThan(17);
  });
});

describe('SegNetModel.forward(images)', () => {
  it.each(DECODER_KINDS.flatMap((d) => [['basic', d, 21, 30], ['vgg16', d, 33, 38]] as const))(
    '%s + %s gives [N, H, W, 11] logits at odd size %ix%i',
    (encoder, decoder, height, width) => {
      const model = track(buildSegNet({ encoder, decoder, height, width, basicChannels: 4, widthMultiplier: 1 / 16 }));
      const logits = model.predict(randomImages(2, height, width, 1));
      expect(logits.shape).toEqual([2, height, width, 11]);
      expect(logits.dataSync().every(Number.isFinite)).toBe(true);
    },
  );

  it('records every stage\'s activations and its pooling indices', () => {
    const model = track(buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 24, basicChannels: 3 }));
    const { logits, activations } = model.forward(randomImages(1, 16, 24, 2), { record: true });
    const pools = activations.filter((a) => a.indices);
    expect(pools.map((a) => a.name)).toEqual([1, 2, 3, 4].map((s) => `encoder/stage${s}/pool`));
    expect(pools.map((a) => a.tensor.shape)).toEqual([[1, 8, 12, 3], [1, 4, 6, 3], [1, 2, 3, 3], [1, 1, 2, 3]]);
    expect(activations.some((a) => a.name === 'decoder/stage1/unpool')).toBe(true);
    const before = tf.memory().numTensors;
    disposeActivations(activations);
    expect(tf.memory().numTensors).toBe(before - activations.length - pools.length);
    logits.dispose();
  });

  it('records each encoder convolution before batch norm, after it, and after the ReLU, consistently', () => {
    const model = track(buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 3 }));
    const bn = model.encoder.blocks[0]![0]!.bn;
    // Statistics and scales unlike their starting values, so batch norm does something.
    bn.movingMean.assign(tf.tensor1d([0.1, -0.2, 0.3]));
    bn.movingVariance.assign(tf.tensor1d([0.5, 2, 1.5]));
    bn.gamma.assign(tf.tensor1d([1.5, 0.5, -1]));
    bn.beta.assign(tf.tensor1d([0.2, -0.1, 0]));
    const { logits, activations } = model.forward(randomImages(1, 16, 16, 4), { record: true });
    const get = (name: string) => activations.find((a) => a.name === name)!.tensor.dataSync();
    expect(activations.filter((a) => a.name.startsWith('encoder/stage1/')).map((a) => a.name)).toEqual([
      'encoder/stage1/conv1/conv',
      'encoder/stage1/conv1/bn',
      'encoder/stage1/conv1',
      'encoder/stage1/pool',
    ]);
    const z = get('encoder/stage1/conv1/conv');
    const y = get('encoder/stage1/conv1/bn');
    const r = get('encoder/stage1/conv1');
    // Inference batch norm with the moving statistics: y = γ (z − μ) / √(σ² + ε) + β per channel.
    const [gamma, beta, mean, variance] = [bn.gamma, bn.beta, bn.movingMean, bn.movingVariance].map((v) => v.dataSync()) as [Float32Array, Float32Array, Float32Array, Float32Array];
    for (let i = 0; i < z.length; i++) {
      const c = i % 3;
      expect(y[i]).toBeCloseTo((gamma[c]! * (z[i]! - mean[c]!)) / Math.sqrt(variance[c]! + 1e-5) + beta[c]!, 4);
      expect(r[i]).toBe(Math.max(0, y[i]!));
    }
    // Recording changes nothing: the same logits as a plain prediction.
    const plain = model.predict(randomImages(1, 16, 16, 4));
    expect(Array.from(plain.dataSync())).toEqual(Array.from(logits.dataSync()));
    disposeActivations(activations);
    tf.dispose([logits, plain]);
  });

  it('lets decoders sit on one shared encoder', () => {
    const base = track(buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 3 }));
    const fcn = track(buildSegNet({ encoder: 'basic', decoder: 'fcn', height: 16, width: 16, basicChannels: 3 }, { sharedEncoder: base.encoder }));
    expect(fcn.encoder.store.list()[0]!.variable).toBe(base.encoder.store.list()[0]!.variable);
    fcn.dispose();
    built.splice(built.indexOf(fcn), 1);
    expect(base.predict(randomImages(1, 16, 16, 3)).shape).toEqual([1, 16, 16, 11]);
  });

  it('leaves the encoder out of training when frozen', () => {
    const model = track(buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 3 }));
    const all = model.trainableVariables().length;
    model.freezeEncoder();
    expect(model.trainableVariables().every((v) => v.name.startsWith('decoder/'))).toBe(true);
    expect(model.trainableVariables().length).toBeLessThan(all);
  });

  it('is reproducible from its seed', () => {
    const a = track(buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 3, seed: 5 }));
    const b = track(buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 3, seed: 5 }));
    const c = track(buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 3, seed: 6 }));
    const first = (m: SegNetModel) => Array.from(m.variables()[0]!.variable.dataSync());
    expect(first(a)).toEqual(first(b));
    expect(first(a)).not.toEqual(first(c));
  });

  it('has numeric gradients through the whole network (pool, unpool, batch norm, loss)', () => {
    const model = track(buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 2 }));
    const images = randomImages(2, 16, 16, 7);
    const rnd = seededRandom(8);
    const labels = tf.tensor3d(Int32Array.from({ length: 2 * 256 }, () => Math.floor(rnd() * 12)), [2, 16, 16], 'int32');
    for (const name of ['encoder/stage1/conv1/conv/filter', 'decoder/stage4/conv1/bn/gamma', 'decoder/classifier/bias']) {
      const param = model.variables().find((v) => v.name === name)!.variable;
      const original = param.clone();
      const lossWith = (value: tf.Tensor) => {
        param.assign(value);
        return weightedCrossEntropy(model.forward(images, { training: true }).logits, labels);
      };
      const analytic = tf.variableGrads(() => weightedCrossEntropy(model.forward(images, { training: true }).logits, labels), [param]);
      const g = analytic.grads[param.name]!.dataSync();
      const every = Math.max(1, Math.floor(original.size / 12));
      // Max pooling and ReLU are piecewise linear: where two step sizes disagree, a kink lies
      // between them and no finite difference is meaningful, so that coordinate is skipped.
      const coarse = numericGradient(lossWith, original, 1e-3, every);
      const fine = numericGradient(lossWith, original, 5e-4, every);
      param.assign(original);
      const smooth = [...fine].filter(([i, v]) => Math.abs(v - coarse.get(i)!) < 2e-3 + 0.05 * Math.abs(v));
      expect(smooth.length).toBeGreaterThanOrEqual(0.6 * fine.size);
      for (const [i, v] of smooth) expect(Math.abs(g[i]! - v), `${name}[${i}]`).toBeLessThan(2e-3 + 0.05 * Math.abs(v));
    }
  });
});

describe('buildSegNet(config) validation', () => {
  it('names the bad field and value', () => {
    const base = { encoder: 'basic', decoder: 'segnet', height: 32, width: 32 } as const;
    expect(() => buildSegNet({ ...base, encoder: 'resnet' as never })).toThrow(/config.encoder must be one of basic, vgg16, got 'resnet'/);
    expect(() => buildSegNet({ ...base, decoder: 'unet' as never })).toThrow(/config.decoder must be one of .*got 'unet'/);
    expect(() => buildSegNet({ ...base, height: 0 })).toThrow(/config.height must be a positive integer, got 0/);
    expect(() => buildSegNet({ ...base, numClasses: 2.5 })).toThrow(/config.numClasses must be a positive integer, got 2.5/);
    expect(() => buildSegNet({ ...base, encoder: 'vgg16', height: 24 })).toThrow(/input 24x32 is too small for the vgg16 encoder/);
    expect(() => buildSegNet({ ...base, widthMultiplier: 0 })).toThrow(/widthMultiplier must be in \(0, 4\], got 0/);
  });

  it('refuses images of another size than the model was built for', () => {
    const model = track(buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 2 }));
    expect(() => model.predict(tf.zeros([1, 16, 20, 3]) as tf.Tensor4D)).toThrow(/images are 16x20 but the model was built for 16x16/);
    expect(() => model.predict(tf.zeros([1, 16, 16, 1]) as tf.Tensor4D)).toThrow(/images must be \[N, H, W, 3\], got \[1, 16, 16, 1\]/);
  });
});
