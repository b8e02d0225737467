/**
 * What the chapters and the home page say, checked against the engine and the shipped files:
 * the numbers they quote are computed here, and the claims that once contradicted the site
 * (an untrained network, DeconvNet's missing bottleneck, 2-bit indices held as int32) stay fixed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAMVID_SIZE, millions, pooledGrid, vgg16Parameters } from '../../../src/facts';
import { PAPER_TABLE_3 } from '../../../src/data/paper-results';
import { memoryReport } from '../../../src/segnet';
import { CHECKPOINT_PATH, publicFile } from '../../../src/widgets/model/sources';
import { stampView } from '../../../src/widgets/transposed-conv-stepper/stamps';
import { transposedConvCodec } from '../../../src/widgets/transposed-conv-stepper/state';
import { resultsCodecFor } from '../../../src/widgets/results-table/state';
import { OWN_DATA_MAX_ROWS } from '../../../src/widgets/decoder-comparison/state';
import { SCORED_FRAMES } from '../../../src/widgets/decoder-comparison/frames';

const DIR = 'content/chapters';
/** Chapter prose by file name prefix ("01", "02", ...), front matter and imports removed, lines joined. */
const chapters = new Map(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = readFileSync(join(DIR, f), 'utf8')
        .replace(/^---[\s\S]*?---/, '')
        .replace(/^import .*$/gm, '');
      return [f.slice(0, 2), text.replace(/\s+/g, ' ')] as const;
    }),
);
const chapter = (n: string): string => chapters.get(n) ?? '';
const home = readFileSync('src/pages/index.astro', 'utf8').replace(/\s+/g, ' ');
const zhHome = readFileSync('src/pages/zh/index.astro', 'utf8').replace(/\s+/g, ' ');
const everyPage = (): Array<[string, string]> => [...chapters.entries(), ['home', home]];

describe('the trained network', () => {
  it('ships, so no chapter calls it untrained or its output noise', () => {
    expect(existsSync(publicFile(CHECKPOINT_PATH))).toBe(true);
    for (const n of ['01', '07']) {
      expect(chapter(n), `chapter ${n}`).not.toMatch(/untrained/i);
      expect(chapter(n), `chapter ${n}`).not.toMatch(/label map is noise|boundaries are noise/i);
    }
    expect(chapter('01')).toContain('weights trained beforehand on these synthetic scenes');
  });

  it('chapter 8 says the own-image widget runs the CamVid model when the site has one', () => {
    expect(existsSync(publicFile('models/segnet-basic-camvid-96x128/model.json'))).toBe(true);
    expect(chapter('08')).not.toContain('trained only on this site’s synthetic scenes');
    expect(chapter('08')).not.toContain("trained only on this site's synthetic scenes");
    expect(chapter('08')).toContain("SegNet-Basic trained on CamVid's real street scenes when this site ships that checkpoint");
  });

  it('chapter 1 does not credit annotators with the synthetic frames', () => {
    expect(chapter('01')).toContain('Nobody annotated these synthetic frames');
    expect(chapter('01')).not.toContain('the part of the frame nobody labelled');
  });
});

describe('numbers quoted in the prose', () => {
  it('every "R × C positions" after five poolings of a CamVid frame is the engine’s grid', () => {
    const [rows, cols] = pooledGrid(CAMVID_SIZE.height, CAMVID_SIZE.width, 5);
    expect([rows, cols]).toEqual([12, 15]);
    const quoted = [...chapters.values()].flatMap((t) => [...t.matchAll(/(\d+) × (\d+) (?:positions|score vectors)/g)]);
    expect(quoted.length).toBeGreaterThanOrEqual(2);
    for (const m of quoted) expect(`${m[1]} × ${m[2]}`).toBe(`${rows} × ${cols}`);
    // The home pages of both editions compute their grid instead of quoting one.
    for (const page of [home, zhHome]) {
      expect(page).toContain('pooledGrid(CAMVID_SIZE.height, CAMVID_SIZE.width, 5)');
      expect(page).not.toMatch(/\d+&nbsp;×&nbsp;15/);
    }
  });

  it('VGG16’s counts: 138 M with its 1,000-way output layer, 134 M without, 14.7 M in its convolutions', () => {
    const p = vgg16Parameters();
    expect([millions(p.total), millions(p.withoutOutputLayer), millions(p.convolutions, 1)]).toEqual(['138 million', '134 million', '14.7 million']);
    expect([millions(p.fc6, 1), millions(p.fullyConnected)]).toEqual(['102.8 million', '124 million']);
    for (const n of ['02', '03']) {
      // Both chapters give both counts and say which one counts the output layer.
      expect(chapter(n), `chapter ${n}`).toContain(millions(p.total));
      expect(chapter(n), `chapter ${n}`).toContain(millions(p.withoutOutputLayer));
      expect(chapter(n), `chapter ${n}`).toMatch(/1,000-way ImageNet/);
    }
    expect(chapter('02')).toContain(`≈ ${millions(p.fc6, 1)} weights`);
    expect(chapter('02')).toContain(`about ${millions(p.fullyConnected)} of VGG16's ${millions(p.total)}`);
    expect(chapter('03')).toContain(`to the ${millions(p.convolutions, 1)} of its thirteen convolutions`);
  });

  it('chapter 6 quotes the calculator’s activations for DeepLab-LargeFOV and SegNet, and the paper’s measured memory', () => {
    const report = memoryReport({ encoder: 'vgg16', decoder: 'segnet', height: CAMVID_SIZE.height, width: CAMVID_SIZE.width, widthMultiplier: 1 });
    const mb = (d: string) => Math.round(report.decoders.find((x) => x.decoder === d)!.activationBytes / 1e6);
    expect(mb('deeplab-largefov')).toBeLessThan(mb('segnet'));
    expect(chapter('06')).toContain(`about ${mb('deeplab-largefov')} MB against ${mb('segnet')} MB for SegNet`);
    // The paper's Table 6, from the one place the site keeps it: [model MB, inference memory MB, forward ms].
    const row = (decoder: string) => PAPER_TABLE_3.rows.find((r) => r.decoder === decoder)!.costs;
    const [segnet, deeplab, deconvnet] = [row('segnet'), row('deeplab-largefov'), row('deconvnet')];
    const n = (v: number) => v.toLocaleString('en-US');
    expect(chapter('06')).toContain(`${n(deeplab[1]!)} MB against SegNet's ${n(segnet[1]!)} MB`);
    expect(chapter('06')).toContain(`(${deeplab[2]!.toFixed(1)} ms per image against ${segnet[2]!.toFixed(1)} ms for SegNet)`);
    expect(chapter('06')).toContain(`the slowest of the four (${deconvnet[2]!.toFixed(1)} ms per image)`);
    expect(chapter('06')).toContain(`the smallest model (${deeplab[0]} MB)`);
    expect(chapter('06')).toContain(`${deconvnet[0]} MB of weights in the SegNet paper's table, against ${segnet[0]} MB`);
    expect(chapter('06')).not.toContain('because its feature maps stay large');
  });

  it('chapter 6’s link to the stepper at kernel 3, stride 1 describes what that 3 × 3 input shows', () => {
    const link = chapter('06').match(/\(\/chapters\/fully-convolutional\/\?([^)]+)\)/);
    expect(link).not.toBeNull();
    const state = { ...transposedConvCodec.defaults, ...transposedConvCodec.parse(fieldsOf(link![1]!)) };
    expect([state.kernel, state.stride]).toEqual([3, 1]);
    const view = stampView({ ...state, step: 9 });
    expect(view.overlaps[0]).toEqual([1, 2, 3, 2, 1]);
    expect(view.overlaps.flat().filter((c) => c === 9)).toHaveLength(1);
    expect(chapter('06')).toContain('only the centre output cell is far enough from the border to collect all nine stamps');
    expect(chapter('06')).toContain('1, 2, 3, 2, 1');
  });

  it('chapter 7 quotes this site’s runs as results.json holds them, and names the run the per-class chart opens on, in both editions', () => {
    type Run = { name: string; dataset: string; meanIoU: number; boundaryF1: number };
    const results = JSON.parse(readFileSync(publicFile('models/results.json'), 'utf8')) as { runs: Run[] };
    const pct = (v: number): string => (v * 100).toFixed(1);
    const run = (name: string, dataset: string): Run => {
      const found = results.runs.find((r) => r.name === name && r.dataset === dataset);
      expect(found, `${name} on ${dataset} in results.json`).toBeDefined();
      return found!;
    };
    const zh = readFileSync('content/zh/chapters/07-why-it-matters.mdx', 'utf8').replace(/\s+/g, ' ');
    const camvid = run('SegNet-Basic', 'camvid-96x128');
    expect(chapter('07')).toContain(`SegNet-Basic trained end to end for ten epochs is the strongest of those (mIoU ${pct(camvid.meanIoU)})`);
    expect(zh).toContain(`SegNet-Basic 最强（mIoU ${pct(camvid.meanIoU)}）`);
    // The synthetic decoders: every BF and mIoU quoted is the engine's on the synthetic test scenes.
    const synthetic = (decoder: string): Run => run(`${decoder}, decoder only`, 'synthetic-180x240');
    const segnet = synthetic('SegNet-Basic');
    const fcn = synthetic('FCN-Basic');
    const deeplab = synthetic('DeepLab-LargeFOV-Basic');
    const bilinear = synthetic('Bilinear-Interpolation-Basic');
    const deconvnet = synthetic('DeconvNet-Basic');
    expect(chapter('07')).toContain(`SegNet's decoder reaches a BF of ${pct(segnet.boundaryF1)}, DeconvNet's ${pct(deconvnet.boundaryF1)} and FCN's ${pct(fcn.boundaryF1)}`);
    expect(chapter('07')).toContain(`DeepLab-LargeFOV (${pct(deeplab.boundaryF1)}) and the bilinear baseline (${pct(bilinear.boundaryF1)})`);
    expect(chapter('07')).toContain(
      `(mIoU ${pct(segnet.meanIoU)} for SegNet, ${pct(deconvnet.meanIoU)} for DeconvNet, ${pct(fcn.meanIoU)} for FCN, ${pct(deeplab.meanIoU)} for DeepLab-LargeFOV, ${pct(bilinear.meanIoU)} for bilinear)`,
    );
    expect(zh).toContain(`SegNet 解码器的 BF 达到 ${pct(segnet.boundaryF1)}，DeconvNet 为 ${pct(deconvnet.boundaryF1)}，FCN 为 ${pct(fcn.boundaryF1)}`);
    expect(zh).toContain(`DeepLab-LargeFOV（${pct(deeplab.boundaryF1)}）和双线性基线（${pct(bilinear.boundaryF1)}）`);
    expect(zh).toContain(
      `（mIoU：SegNet ${pct(segnet.meanIoU)}，DeconvNet ${pct(deconvnet.meanIoU)}，FCN ${pct(fcn.meanIoU)}，DeepLab-LargeFOV ${pct(deeplab.meanIoU)}，双线性 ${pct(bilinear.meanIoU)}）`,
    );
    // DeconvNet edges SegNet on both scores by less than two points, as both editions say.
    for (const k of ['meanIoU', 'boundaryF1'] as const) {
      expect(deconvnet[k] - segnet[k]).toBeGreaterThan(0);
      expect(deconvnet[k] - segnet[k]).toBeLessThan(0.02);
    }
    expect(chapter('07')).toContain("edges SegNet's decoder on both scores, by less than two points");
    expect(zh).toContain('在两项分数上都略胜 SegNet 解码器，差距不到两个点');
    // The ordering the prose states holds in the file.
    expect(Math.min(segnet.boundaryF1, deconvnet.boundaryF1, fcn.boundaryF1)).toBeGreaterThan(Math.max(deeplab.boundaryF1, bilinear.boundaryF1));
    // The chart opens on the best run by mIoU, and the chapter names it.
    const best = results.runs[resultsCodecFor(results.runs).defaults.run]!;
    expect(best.dataset).toBe('synthetic-180x240');
    expect(chapter('07')).toContain(`opens on the best of this site's runs by mIoU, ${BEST_EN[best.name]} (${pct(best.meanIoU)})`);
    expect(zh).toContain(`默认显示本站各行中 mIoU 最高的一行，${BEST_ZH[best.name]}（${pct(best.meanIoU)}）`);
  });
});

/** How chapter 7 names the run its per-class chart opens on, by its name in results.json. */
const BEST_EN: Record<string, string> = {
  'SegNet-Basic, decoder only': 'the SegNet decoder on the synthetic scenes',
  'DeconvNet-Basic, decoder only': 'the DeconvNet decoder on the synthetic scenes',
  'SegNet-Basic': 'SegNet-Basic trained end to end on the synthetic scenes',
};
const BEST_ZH: Record<string, string> = {
  'SegNet-Basic, decoder only': '合成场景上的 SegNet 解码器',
  'DeconvNet-Basic, decoder only': '合成场景上的 DeconvNet 解码器',
  'SegNet-Basic': '在合成场景上端到端训练的 SegNet-Basic',
};

/** The `tc.` fields of a query string, without the prefix. */
function fieldsOf(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) if (k.startsWith('tc.')) out[k.slice(3)] = v;
  return out;
}

describe('claims made wherever a subject comes up', () => {
  it('every page that mentions DeconvNet numbers of this site says its bottleneck is left out', () => {
    for (const [name, text] of everyPage()) {
      if (!/DeconvNet/.test(text)) continue;
      expect(text, name).toMatch(/bottleneck/);
    }
  });

  it('every page that gives SegNet’s indices 2 bits also says they are held as 32-bit integers', () => {
    for (const [name, text] of everyPage()) {
      const body = name === '04' ? text.replace(/^.*?summary:[^\n]*/, '') : text;
      if (!/(2|two) bits|2-bit/.test(body)) continue;
      expect(body, name).toMatch(/32-bit integer/);
    }
  });

  it('chapter 7’s finding on the bilinear baseline does not say that upsampling must be learnt', () => {
    expect(chapter('07')).not.toContain('Learning to upsample matters');
    expect(chapter('07')).toContain('**Upsampling alone is not enough.**');
  });
  it('chapter 8 says what the race does with the reader’s data as the race does it (rows, scored frames), in both editions', () => {
    const zh8 = readFileSync('content/zh/chapters/08-train-it-yourself.mdx', 'utf8').replace(/\s+/g, ' ');
    const words = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    const zhWords = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
    expect(chapter('08')).toContain(`brought to ${OWN_DATA_MAX_ROWS} rows or fewer where their full, half or quarter size allows it`);
    expect(chapter('08')).toContain(`scores the first ${words[SCORED_FRAMES.length]} of their validation frames`);
    expect(zh8).toContain(`取高度不超过 ${OWN_DATA_MAX_ROWS} 行的最大尺寸`);
    expect(zh8).toContain(`用其中前${zhWords[SCORED_FRAMES.length]}个验证帧打分（不足${zhWords[SCORED_FRAMES.length]}个就全部用上）`);
  });
});
