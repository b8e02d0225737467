/**
 * The layers of a SegNet (SegNet-Basic or VGG16-SegNet) in the order data flows through them,
 * with shapes and parameter counts, from the encoder's plan alone: no weights are built.
 * Layer ids are the names under which the model records activations ('encoder/stage2/conv1',
 * 'encoder/stage2/pool', 'decoder/stage2/unpool', 'decoder/stage2/layer1'), plus 'input' and
 * 'decoder/classifier'.
 *
 * Parameters: a k x k convolution from Cin to Cout channels has k*k*Cin*Cout weights and Cout
 * biases; its batch norm adds a scale and an offset per channel (2*Cout; the moving statistics
 * are not learnt). Pooling and unpooling have none.
 */
import { messages, type Messages } from '../../i18n';
import { layerName, LOGITS_LAYER, mirroredStage, stageSizes, type EncoderPlan } from '../../segnet/core';

type Words = Messages['architectureExplorer'];
const ENGLISH: Words = messages('en').architectureExplorer;

export type LayerKind = 'input' | 'conv' | 'pool' | 'unpool' | 'decoder-conv' | 'classifier';
export type LayerPart = 'input' | 'encoder' | 'decoder' | 'classifier';

export interface ArchLayer {
  id: string;
  kind: LayerKind;
  part: LayerPart;
  /** Stage, 1-based (0 for the input and the classifier). */
  stage: number;
  /** e.g. "Encoder stage 2 · convolution 1". */
  title: string;
  /** e.g. "conv 2.1", written under its block in the diagram. */
  short: string;
  /** e.g. "7×7 convolution, 64 → 64 channels, batch norm, ReLU". */
  operation: string;
  /** Output [height, width, channels]. */
  shape: [number, number, number];
  params: number;
  /** Unpooling: the pooling layer whose indices it uses. */
  indicesFrom?: string;
}

const convParams = (k: number, cin: number, cout: number, batchNorm: boolean): number =>
  k * k * cin * cout + cout + (batchNorm ? 2 * cout : 0);

/** Convolution `index` of a stage: "encoder/stage2/conv1" or "decoder/stage2/layer1". */
function convLayer(
  part: 'encoder' | 'decoder',
  stage: number,
  index: number,
  operation: string,
  shape: ArchLayer['shape'],
  params: number,
  t: Words,
): ArchLayer {
  const encoder = part === 'encoder';
  const title = t.convTitle(part, stage, index);
  const short = t.convShort(part, stage, index);
  return { id: layerName(part, stage, `${encoder ? 'conv' : 'layer'}${index}`), kind: encoder ? 'conv' : 'decoder-conv', part, stage, title, short, operation, shape, params };
}

/** The network's layers, input to classifier; `numClasses` real classes (CamVid: 11). Titles and operations in the words of `t`. */
export function architectureLayers(plan: EncoderPlan, height: number, width: number, numClasses: number, t: Words = ENGLISH): ArchLayer[] {
  const k = plan.kernel;
  const sizes = stageSizes(height, width, plan.stages.length); // [H, W] entering each stage, then the output
  const layers: ArchLayer[] = [
    { id: 'input', kind: 'input', part: 'input', stage: 0, title: t.inputTitle, short: t.inputShort, operation: plan.kind === 'basic' ? t.inputBasic : t.inputVgg, shape: [height, width, 3], params: 0 },
  ];
  plan.stages.forEach((stage, s) => {
    const [h, w] = sizes[s]!;
    stage.forEach((c, i) => {
      layers.push(convLayer('encoder', s + 1, i + 1, t.conv(k, c.cin, c.cout, true), [h, w, c.cout], convParams(c.kernel, c.cin, c.cout, true), t));
    });
    const [ph, pw] = sizes[s + 1]!;
    layers.push({
      id: layerName('encoder', s + 1, 'pool'),
      kind: 'pool',
      part: 'encoder',
      stage: s + 1,
      title: t.poolTitle(s + 1),
      short: t.poolShort(s + 1),
      operation: t.pool,
      shape: [ph, pw, plan.channels[s]!],
      params: 0,
    });
  });
  for (let s = plan.stages.length - 1; s >= 0; s--) {
    const [h, w] = sizes[s]!;
    const c = plan.channels[s]!;
    layers.push({
      id: layerName('decoder', s + 1, 'unpool'),
      kind: 'unpool',
      part: 'decoder',
      stage: s + 1,
      title: t.unpoolTitle(s + 1),
      short: t.unpoolShort(s + 1),
      operation: t.unpool(s + 1),
      shape: [h, w, c],
      params: 0,
      indicesFrom: layerName('encoder', s + 1, 'pool'),
    });
    const convs = mirroredStage(plan, s);
    const relu = plan.kind !== 'basic';
    for (let i = 0; i < convs.length; i++) {
      const cout = convs[i]!.cout;
      layers.push(convLayer('decoder', s + 1, i + 1, t.conv(k, c, cout, relu), [h, w, cout], convParams(k, c, cout, true), t));
    }
  }
  const ck = plan.kind === 'basic' ? 1 : 3;
  layers.push({
    id: LOGITS_LAYER,
    kind: 'classifier',
    part: 'classifier',
    stage: 0,
    title: t.classifierTitle,
    short: t.classifierShort,
    operation: t.classifier(ck, plan.channels[0]!, numClasses),
    shape: [height, width, numClasses],
    params: convParams(ck, plan.channels[0]!, numClasses, false),
  });
  return layers;
}

/** Parameters per part, summed from the layers (the classifier counts with the decoder, as the engine does). */
export function partTotals(layers: readonly ArchLayer[]): { encoder: number; decoder: number; total: number } {
  let encoder = 0;
  let decoder = 0;
  for (const l of layers) {
    if (l.part === 'encoder') encoder += l.params;
    else decoder += l.params;
  }
  return { encoder, decoder, total: encoder + decoder };
}
