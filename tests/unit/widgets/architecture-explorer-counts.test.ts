import { describe, expect, it } from 'vitest';
import { countParameters, DEFAULT_CONFIG, encoderPlan, type SegNetOptions } from '../../../src/segnet';
import { architectureData, networkSummary } from '../../../src/widgets/architecture-explorer/architecture-data';
import { architectureLayers, partTotals } from '../../../src/widgets/architecture-explorer/layers';

const configs: [string, SegNetOptions][] = [
  ['SegNet-Basic', { encoder: 'basic', decoder: 'segnet', height: 96, width: 128 }],
  ['VGG16-SegNet', { encoder: 'vgg16', decoder: 'segnet', height: 360, width: 480 }],
  ['VGG16-SegNet at width 1/4', { encoder: 'vgg16', decoder: 'segnet', height: 45, width: 61, widthMultiplier: 0.25 }],
  ['SegNet-Basic with 16 channels', { encoder: 'basic', decoder: 'segnet', height: 33, width: 17, basicChannels: 16 }],
];

describe('architectureLayers(plan, height, width, numClasses)', () => {
  it.each(configs)('sums to countParameters for %s, per part', (_, options) => {
    const config = { ...DEFAULT_CONFIG, ...options };
    const layers = architectureLayers(encoderPlan(config), config.height, config.width, config.numClasses);
    expect(partTotals(layers)).toEqual(countParameters(options));
  });

  it('lists SegNet-Basic input to classifier with the recorded activation names and shapes', () => {
    const config = { ...DEFAULT_CONFIG, encoder: 'basic' as const, decoder: 'segnet' as const, height: 96, width: 128 };
    const layers = architectureLayers(encoderPlan(config), 96, 128, 11);
    expect(layers.map((l) => l.id)).toEqual([
      'input',
      ...[1, 2, 3, 4].flatMap((s) => [`encoder/stage${s}/conv1`, `encoder/stage${s}/pool`]),
      ...[4, 3, 2, 1].flatMap((s) => [`decoder/stage${s}/unpool`, `decoder/stage${s}/layer1`]),
      'decoder/classifier',
    ]);
    const byId = new Map(layers.map((l) => [l.id, l]));
    expect(byId.get('encoder/stage2/pool')!.shape).toEqual([24, 32, 64]);
    expect(byId.get('decoder/stage4/unpool')!.shape).toEqual([12, 16, 64]);
    expect(byId.get('decoder/stage4/unpool')!.indicesFrom).toBe('encoder/stage4/pool');
    expect(byId.get('encoder/stage1/conv1')!.params).toBe(7 * 7 * 3 * 64 + 64 + 128);
    expect(byId.get('decoder/classifier')!.shape).toEqual([96, 128, 11]);
  });

  it('pools odd sizes in ceil mode, as the engine does', () => {
    const config = { ...DEFAULT_CONFIG, encoder: 'basic' as const, decoder: 'segnet' as const, height: 45, width: 33 };
    const pools = architectureLayers(encoderPlan(config), 45, 33, 11).filter((l) => l.kind === 'pool');
    expect(pools.map((l) => l.shape.slice(0, 2))).toEqual([[23, 17], [12, 9], [6, 5], [3, 3]]);
  });
});

describe('architectureData()', () => {
  it('gives both networks with the engine counts and the paper figures', () => {
    const data = architectureData();
    expect(data.basic.counts.total).toBe(1_416_587);
    expect(data.basic.paper.total).toBe(1.425e6);
    expect(data.vgg16.layers.filter((l) => l.kind === 'conv')).toHaveLength(13);
    expect(data.vgg16.layers.filter((l) => l.kind === 'unpool')).toHaveLength(5);
    expect(Math.abs(data.vgg16.counts.total - 29.4e6) / 29.4e6).toBeLessThan(0.01);
    expect(JSON.parse(JSON.stringify(networkSummary('basic')))).toEqual(data.basic);
  });
});
