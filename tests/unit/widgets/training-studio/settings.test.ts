import { describe, expect, it } from 'vitest';
import { trainingSize } from '../../../../src/segnet/core';
import { en } from '../../../../src/i18n/en';
import { zh } from '../../../../src/i18n/zh';
import { readState, withState } from '../../../../src/widgets/shared/url-state';
import {
  checkSettings,
  dataOptionLabel,
  DEFAULT_SETTINGS,
  sameRun,
  settingsFromExtra,
  studioCodec,
  type DatasetOption,
  type StudioSettings,
} from '../../../../src/widgets/training-studio/settings';
import { pretrainedFor } from '../../../../src/widgets/training-studio/session';
import { fineTuneNote, storedDatasetOption, withDataDefaults } from '../../../../src/widgets/training-studio/stored-settings';

const synthetic: DatasetOption = { name: 'synthetic-96x128', url: '/data/synthetic-96x128/', height: 96, width: 128, trainCount: 64 };

describe('studioCodec', () => {
  it('round-trips every field through the URL as <id>.<field>', () => {
    const s: StudioSettings = { ...DEFAULT_SETTINGS, encoder: 'vgg16', width: '0.125', decoder: 'deeplab-largefov', res: 'full', batch: 3, lr: 0.0005, opt: 'adam', weights: 'median', init: 'scratch', freeze: true, epochs: 7, every: 3, backend: 'wasm' };
    const search = withState('studio', studioCodec, s, '?other=1');
    expect(search).toContain('studio.encoder=vgg16');
    expect(search).toContain('studio.freeze=yes');
    expect(search).toContain('other=1');
    expect(readState('studio', studioCodec, search)).toEqual(s);
  });

  it('leaves defaults out of the URL', () => {
    expect(withState('studio', studioCodec, DEFAULT_SETTINGS, '')).toBe('');
  });

  it('ignores malformed or out-of-range values field by field', () => {
    const parsed = studioCodec.parse({ encoder: 'resnet', batch: '0', lr: '5', epochs: '2.5', every: '-1', data: '../etc', freeze: 'maybe', backend: 'metal', decoder: 'fcn' });
    expect(parsed).toEqual({ decoder: 'fcn' });
  });

  it('accepts CamVid folder names and numbers within range', () => {
    expect(studioCodec.parse({ data: 'camvid-180x240', batch: '16', lr: '1e-6' })).toEqual({ data: 'camvid-180x240', batch: 16, lr: 1e-6 });
  });
});

describe('checkSettings(settings, datasets)', () => {
  it('accepts the defaults', () => {
    expect(checkSettings(DEFAULT_SETTINGS, [synthetic])).toEqual({ errors: [], warnings: [] });
  });

  it('names a dataset the site does not have', () => {
    const { errors } = checkSettings({ ...DEFAULT_SETTINGS, data: 'camvid-360x480' }, [synthetic]);
    expect(errors).toEqual(['Data: "camvid-360x480" is not part of this site (available: synthetic-96x128).']);
  });

  it('refuses a batch larger than the training split and a size below the encoder’s minimum', () => {
    const tiny: DatasetOption = { ...synthetic, name: 'synthetic-40x40', height: 40, width: 40, trainCount: 4 };
    const { errors } = checkSettings({ ...DEFAULT_SETTINGS, data: tiny.name, encoder: 'vgg16', batch: 5 }, [tiny]);
    expect(errors).toEqual([
      'Resolution: 20 × 20 is too small for VGG16 × 0.25 (at least 32 × 32).',
      'Batch size: 5 is more than the 4 training images of synthetic-40x40.',
    ]);
  });

  it('warns that VGG16 gets nothing from the SegNet-Basic checkpoint', () => {
    const { warnings } = checkSettings({ ...DEFAULT_SETTINGS, encoder: 'vgg16', freeze: true }, [synthetic]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('none of its weights fit VGG16');
    expect(warnings[1]).toContain('frozen at random weights');
  });
});

describe('dataOptionLabel(option, form): the data menu names what a dataset is', () => {
  it('says "synthetic scenes" or "CamVid" with the size in both editions, never the folder id, and other folders by name', () => {
    const camvid = { name: 'camvid-180x240', height: 180, width: 240, trainCount: 367 };
    expect(dataOptionLabel(synthetic, en.trainingStudio.form)).toBe('Synthetic scenes, 96 x 128 (64 training images)');
    expect(dataOptionLabel(synthetic, zh.trainingStudio.form)).toBe('合成场景，96 × 128（64 张训练图像）');
    expect(dataOptionLabel(camvid, en.trainingStudio.form)).toBe('CamVid, 180 x 240 (367 training images)');
    expect(dataOptionLabel(camvid, zh.trainingStudio.form)).toBe('CamVid，180 × 240（367 张训练图像）');
    expect(dataOptionLabel({ ...camvid, name: 'camvid-extra' }, zh.trainingStudio.form)).toBe('camvid-extra（367 张训练图像）');
  });
});

describe('trainingSize, sameRun, settingsFromExtra', () => {
  it('halves the data size (rounding down) for res=half', () => {
    expect(trainingSize('half', { height: 96, width: 128 })).toEqual({ height: 48, width: 64 });
    expect(trainingSize('half', { height: 45, width: 61 })).toEqual({ height: 22, width: 30 });
    expect(trainingSize('full', { height: 45, width: 61 })).toEqual({ height: 45, width: 61 });
  });

  it('treats schedule and backend changes as the same run, anything else as a new one', () => {
    expect(sameRun(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, lr: 0.1, epochs: 9, every: 2, backend: 'cpu' })).toBe(true);
    expect(sameRun(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, decoder: 'fcn' })).toBe(false);
    expect(sameRun(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, batch: 1 })).toBe(false);
  });

  it('reads settings back from a checkpoint only when every field is valid', () => {
    const s = { ...DEFAULT_SETTINGS, decoder: 'bilinear' as const };
    expect(settingsFromExtra({ settings: studioCodec.serialize(s) })).toEqual(s);
    expect(settingsFromExtra({ settings: { ...studioCodec.serialize(s), batch: 'many' } })).toBeNull();
    expect(settingsFromExtra(null)).toBeNull();
    expect(settingsFromExtra('basic')).toBeNull();
  });
});

describe("the reader's stored datasets in the studio", () => {
  const stored = storedDatasetOption({ name: 'own-my-streets', height: 96, width: 128, counts: { train: 3, val: 2 }, savedAt: 42 });
  const big = storedDatasetOption({ name: 'own-big', height: 180, width: 240, counts: { train: 9, val: 3 }, savedAt: 7 });

  it('storedDatasetOption(info) is an option whose URL changes with every re-import', () => {
    expect(stored).toEqual({ name: 'own-my-streets', url: 'stored:own-my-streets@42', height: 96, width: 128, trainCount: 3, stored: { valCount: 2 } });
  });

  it('studioCodec takes own-... names from the URL, and checkSettings knows them once listed', () => {
    expect(readState('studio', studioCodec, '?studio.data=own-my-streets').data).toBe('own-my-streets');
    expect(readState('studio', studioCodec, '?studio.data=own-../x').data).toBe(DEFAULT_SETTINGS.data);
    expect(checkSettings({ ...DEFAULT_SETTINGS, data: 'own-my-streets' }, [synthetic, stored]).errors).toEqual([]);
  });

  it('withDataDefaults(patch) picks a resolution near the CamVid checkpoint for stored data only', () => {
    expect(withDataDefaults({ data: 'own-my-streets' }, [synthetic, stored])).toEqual({ data: 'own-my-streets', res: 'full' });
    expect(withDataDefaults({ data: 'own-big' }, [synthetic, big])).toEqual({ data: 'own-big', res: 'half' });
    expect(withDataDefaults({ data: 'synthetic-96x128' }, [synthetic, stored])).toEqual({ data: 'synthetic-96x128' });
  });

  it('fineTuneNote says what to expect for stored data from the CamVid-trained SegNet-Basic, and nothing otherwise', () => {
    const s = { ...DEFAULT_SETTINGS, data: 'own-my-streets' };
    expect(fineTuneNote(s, [synthetic, stored], true)).toMatch(/expect the loss to start low/);
    expect(fineTuneNote(s, [synthetic, stored], false)).toBeNull();
    expect(fineTuneNote({ ...s, init: 'scratch' }, [synthetic, stored], true)).toBeNull();
    expect(fineTuneNote({ ...DEFAULT_SETTINGS }, [synthetic, stored], true)).toBeNull();
  });

  it('pretrainedFor(option) starts stored data from the CamVid checkpoint where the build has one', () => {
    const sources = { datasets: [synthetic, stored], pretrainedUrl: '/models/syn/model.json', camvidPretrainedUrl: '/models/camvid/model.json' };
    expect(pretrainedFor(stored, sources)).toBe('/models/camvid/model.json');
    expect(pretrainedFor(synthetic, sources)).toBe('/models/syn/model.json');
    expect(pretrainedFor(stored, { ...sources, camvidPretrainedUrl: null })).toBe('/models/syn/model.json');
  });
});
