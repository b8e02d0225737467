// @vitest-environment happy-dom
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { LOCALES, messages } from '../../../src/i18n';
import { DEFAULT_CONFIG, encoderPlan } from '../../../src/segnet';
import { INDEX_COLOURS } from '../../../src/widgets/architecture-explorer/feature-maps';
import { architectureLayers } from '../../../src/widgets/architecture-explorer/layers';
import { architectureCodec } from '../../../src/widgets/architecture-explorer/state';
import { PAGE_MODEL_CONFIG } from '../../../src/widgets/model/page-model';
import { fallbackImage, FALLBACK_WIDGETS, parseFallbackManifest } from '../../../src/widgets/model/fallbacks';
import { renderModelStatus } from '../../../src/widgets/model/model-status';
import { FALLBACK_SENTENCE, HOLD_MESSAGES, holdReason, holdView, type RunEnvironment } from '../../../src/widgets/model/run-policy';

const desktop: RunEnvironment = { viewportWidth: 1280, saveData: false, deviceMemoryGb: 8, gpu: true };

describe('holdView(env, hasFallback): the fallback decision', () => {
  it('runs at once on a desktop with a graphics API, or when the probe has not answered', () => {
    expect(holdView(desktop, true)).toBeNull();
    expect(holdView({ ...desktop, gpu: undefined }, true)).toBeNull();
  });

  it('holds without WebGL and WebGPU, showing the precomputed figure and offering the live run', () => {
    expect(holdView({ ...desktop, gpu: false }, true)).toEqual({
      reason: 'no-gpu',
      message: HOLD_MESSAGES['no-gpu'],
      note: FALLBACK_SENTENCE,
      action: 'Run the live network anyway',
      showFallback: true,
    });
  });

  it('holds on a small screen, save-data or little memory, with or without a figure', () => {
    for (const env of [{ ...desktop, viewportWidth: 400 }, { ...desktop, saveData: true }, { ...desktop, deviceMemoryGb: 1 }]) {
      const reason = holdReason(env)!;
      expect(holdView(env, true)).toMatchObject({ reason, showFallback: true, action: 'Run the live network anyway' });
      expect(holdView(env, false)).toEqual({ reason, message: HOLD_MESSAGES[reason], action: 'Run the network', showFallback: false });
    }
  });

  it('names the first reason when several apply (save-data before a small screen before no GPU)', () => {
    expect(holdReason({ viewportWidth: 320, saveData: true, deviceMemoryGb: 1, gpu: false })).toBe('save-data');
    expect(holdReason({ viewportWidth: 320, saveData: false, deviceMemoryGb: 8, gpu: false })).toBe('small-screen');
  });

  it('labels the status line’s run button with the action', () => {
    const node = renderModelStatus({ state: 'held', message: 'm', action: 'Run the live network anyway' });
    expect(node.querySelector('[data-action="run"]')!.textContent).toBe('Run the live network anyway');
    expect(renderModelStatus({ state: 'held', message: 'm' }).querySelector('[data-action="run"]')!.textContent).toBe('Run the network');
    // The sentence about the figure is a part of its own, before the button, so a widget can hide it with the figure.
    const withNote = renderModelStatus({ state: 'held', message: 'm', note: FALLBACK_SENTENCE });
    expect(withNote.querySelector('.model-status-figure-note')!.textContent).toBe(`${FALLBACK_SENTENCE} `);
    expect(withNote.textContent).toBe(`m ${FALLBACK_SENTENCE} Run the network`);
  });
});

describe('fallback manifest (build time)', () => {
  const image = { file: 'label-overlay.webp', width: 128, height: 96, alt: 'a frame', caption: 'computed ahead of time' };
  const site = (manifest: unknown, files: string[]): string => {
    const root = mkdtempSync(join(tmpdir(), 'fallbacks-'));
    mkdirSync(join(root, 'public/fallbacks'), { recursive: true });
    writeFileSync(join(root, 'public/fallbacks/manifest.json'), JSON.stringify(manifest));
    for (const f of files) writeFileSync(join(root, 'public/fallbacks', f), 'x');
    return root;
  };

  it('gives a widget its figure with the site URL, size and words', () => {
    const root = site({ model: 'm', images: { 'label-overlay': image } }, ['label-overlay.webp']);
    expect(fallbackImage('label-overlay', '/base', root)).toEqual({ ...image, src: '/base/fallbacks/label-overlay.webp' });
    expect(fallbackImage('boundary-f1-demo', '/', root)).toBeNull();
  });

  it('gives nothing when the manifest or the file is missing', () => {
    expect(fallbackImage('label-overlay', '/', mkdtempSync(join(tmpdir(), 'none-')))).toBeNull();
    expect(fallbackImage('label-overlay', '/', site({ model: 'm', images: { 'label-overlay': image } }, []))).toBeNull();
  });

  it('names what is wrong in a malformed manifest', () => {
    expect(() => parseFallbackManifest({ images: {} })).toThrow('fallbacks/manifest.json: expected { model, images }');
    expect(() => parseFallbackManifest({ model: 'm', images: { 'pooling-stepper': image } })).toThrow('unknown widget "pooling-stepper"');
    expect(() => parseFallbackManifest({ model: 'm', images: { 'label-overlay': { ...image, width: 1.5 } } })).toThrow(
      'images["label-overlay"] needs file, integer width and height, alt and caption',
    );
    expect(() => parseFallbackManifest({ model: 'm', images: { 'label-overlay': { ...image, file: '../x.webp' } } })).toThrow('label-overlay');
  });

  it('the committed manifest lists a figure for every widget, each a WebP of the stated size', () => {
    const manifest = parseFallbackManifest(JSON.parse(readFileSync('public/fallbacks/manifest.json', 'utf8')));
    expect(Object.keys(manifest.images).sort()).toEqual([...FALLBACK_WIDGETS].sort());
    for (const img of Object.values(manifest.images)) {
      const bytes = readFileSync(join('public/fallbacks', img.file));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
      expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
      expect(bytes.length).toBeLessThan(64 * 1024);
      // VP8L (lossless) header: 14-bit width - 1 and height - 1 after the 0x2f signature byte
      expect(bytes.subarray(12, 16).toString('latin1')).toBe('VP8L');
      const b = bytes.subarray(21, 25);
      expect(1 + (((b[1]! & 0x3f) << 8) | b[0]!)).toBe(img.width);
      expect(1 + (((b[3]! & 0x0f) << 10) | (b[2]! << 2) | ((b[1]! & 0xc0) >> 6))).toBe(img.height);
    }
  });

  it('the architecture explorer’s figure pairs each pooled map with its index map and names the layer as the explorer does', async () => {
    const manifest = parseFallbackManifest(JSON.parse(readFileSync('public/fallbacks/manifest.json', 'utf8')));
    const image = manifest.images['architecture-explorer']!;
    const { data } = await sharp(join('public/fallbacks', image.file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    // Every window position's colour (the live widget's index maps) covers part of the picture.
    for (const [r, g, b] of INDEX_COLOURS) {
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
      expect(n / (image.width * image.height), `rgb(${r}, ${g}, ${b})`).toBeGreaterThan(0.01);
    }
    const layer = architectureCodec.defaults.layer;
    for (const locale of LOCALES) {
      const words = locale === 'en' ? image : image.translations![locale as Exclude<typeof locale, 'en'>]!;
      const t = messages(locale).architectureExplorer;
      const title = architectureLayers(encoderPlan({ ...DEFAULT_CONFIG, ...PAGE_MODEL_CONFIG }), 96, 128, 11, t).find((l) => l.id === layer)!.title;
      for (const text of [words.alt, words.caption]) {
        expect(text).toContain(title);
        expect(text).not.toContain(layer);
      }
    }
  });
});
