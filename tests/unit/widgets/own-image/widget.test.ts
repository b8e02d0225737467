// @vitest-environment happy-dom
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cameraFailure, cameraUnavailable } from '../../../../src/widgets/own-image/camera';
import { renderEmptyStage, renderPresentLegend, renderRegion, sceneCaption } from '../../../../src/widgets/own-image/render';
import { ownImageSources } from '../../../../src/widgets/own-image/sources';
import { CAMVID_CHECKPOINT_PATH } from '../../../../src/widgets/model/sources';
import { ownImageCodec } from '../../../../src/widgets/own-image/state';
import { modelSentence, readOwnImageSources } from '../../../../src/widgets/own-image/street-model';
import { readState, withState } from '../../../../src/widgets/shared/url-state';

describe('ownImageSources (build time)', () => {
  const site = (files: string[]): string => {
    const root = mkdtempSync(join(tmpdir(), 'own-image-'));
    for (const f of files) {
      mkdirSync(join(root, 'public', f, '..'), { recursive: true });
      writeFileSync(join(root, 'public', f), '{}');
    }
    return root;
  };

  it('points at the CamVid checkpoint only when the build has it', () => {
    const withCamvid = ownImageSources('/', site([CAMVID_CHECKPOINT_PATH]));
    expect(withCamvid.camvidUrl).toBe('/models/segnet-basic-camvid-96x128/model.json');
    expect(withCamvid.page).toEqual({ checkpointUrl: null });
    const without = ownImageSources('/base', site(['models/segnet-basic-synthetic-96x128/model.json']));
    expect(without).toEqual({ camvidUrl: null, page: { checkpointUrl: '/base/models/segnet-basic-synthetic-96x128/model.json' } });
  });

  it('round-trips through the element attribute, and a malformed one is named', () => {
    const el = document.createElement('own-image');
    el.dataset.sources = JSON.stringify(ownImageSources('/', site([])));
    expect(readOwnImageSources(el)).toEqual({ camvidUrl: null, page: { checkpointUrl: null } });
    el.dataset.sources = '{"page":{}}';
    expect(() => readOwnImageSources(el)).toThrow('<own-image> has malformed data-sources: {"page":{}}');
  });
});

describe('modelSentence', () => {
  it('warns that the synthetic-trained model will do poorly on real photos', () => {
    expect(modelSentence('synthetic')).toContain('trained only on this site’s synthetic road scenes');
    expect(modelSentence('synthetic')).toContain('expect it to do poorly');
    expect(modelSentence('camvid')).toContain('trained on CamVid');
    expect(modelSentence('untrained')).toContain('untrained network');
  });
});

describe('ownImageCodec', () => {
  it('restores a link and ignores values out of range', () => {
    expect(readState('street', ownImageCodec, '?street.opacity=35&street.x=3&street.y=90')).toEqual({ opacity: 35, x: 3, y: 90, sample: 0 });
    expect(readState('street', ownImageCodec, '?street.opacity=135&street.x=128&street.y=-1')).toEqual(ownImageCodec.defaults);
    expect(withState('street', ownImageCodec, { ...ownImageCodec.defaults, opacity: 20 }, '')).toBe('?street.opacity=20');
  });
});

describe('camera messages', () => {
  it('explains a missing camera API, on secure and insecure pages', () => {
    expect(cameraUnavailable({}, true)).toBe('This browser offers no camera to web pages: choose a picture file instead.');
    expect(cameraUnavailable({ mediaDevices: {} }, false)).toContain('only to pages served over https');
    expect(cameraUnavailable({ mediaDevices: { getUserMedia: () => undefined } }, true)).toBeNull();
  });

  it('turns getUserMedia errors into advice', () => {
    const err = (name: string): DOMException => new DOMException('x', name);
    expect(cameraFailure(err('NotAllowedError'))).toContain('Camera access was denied');
    expect(cameraFailure(err('NotFoundError'))).toBe('No camera was found on this device: choose a picture file instead.');
    expect(cameraFailure(err('NotReadableError'))).toContain('busy');
    expect(cameraFailure(new Error('boom'))).toBe('The camera could not start (boom).');
  });
});

describe('renders', () => {
  it('outlines the cropped region on the preview and says which region it is', () => {
    const preview = document.createElement('canvas');
    preview.width = 320;
    preview.height = 180;
    const node = renderRegion({ name: 'wide.jpg', width: 1600, height: 900, crop: { x: 200, y: 0, width: 1200, height: 900 }, preview });
    const rect = node.querySelector('rect.region-outline')!;
    expect([rect.getAttribute('x'), rect.getAttribute('y'), rect.getAttribute('width'), rect.getAttribute('height')]).toEqual(['40', '0', '240', '180']);
    expect(node.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('“wide.jpg”, with the region the network sees outlined');
    expect(node.querySelector('figcaption')!.textContent).toContain('900 × 1200 of 900 × 1600 pixels');
  });

  it('lists only the classes present, largest first, highlighting the probed one', () => {
    const shares = [0.5, 0, 0, 0.3, 0, 0, 0, 0, 0.2, 0, 0, 0];
    const items = [...renderPresentLegend(shares, 3).querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('.legend-name')!.textContent)).toEqual(['Sky', 'Road', 'Car']);
    expect(items.map((li) => li.querySelector('.legend-share')!.textContent)).toEqual(['50%', '30%', '20%']);
    expect(items.map((li) => li.className)).toEqual(['', 'is-current', '']);
  });

  it('keeps the empty stage at the input aspect and captions each step', () => {
    expect(renderEmptyStage().getAttribute('style')).toBe('aspect-ratio: 128 / 96');
    expect(sceneCaption(null, false, 60)).toContain('never leaves this page');
    expect(sceneCaption('a.png', false, 60)).toBe('“a.png”, as the network sees it. Its labels appear once the network has run.');
    expect(sceneCaption('a.png', true, 35)).toContain('at 35% opacity');
  });
});

describe('ownImageCodec sample', () => {
  it('carries a sample seed in the link, and leaves it out when none is shown', () => {
    expect(readState('street', ownImageCodec, '?street.sample=3').sample).toBe(3);
    expect(readState('street', ownImageCodec, '?street.sample=-2').sample).toBe(0);
    expect(withState('street', ownImageCodec, { ...ownImageCodec.defaults, sample: 5 }, '')).toBe('?street.sample=5');
    expect(withState('street', ownImageCodec, { ...ownImageCodec.defaults, sample: 0 }, '?street.sample=5')).toBe('');
  });
});
