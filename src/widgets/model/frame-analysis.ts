/**
 * One forward pass of the page's model over one demo frame, with every intermediate
 * activation recorded: the prediction as plain arrays, and each layer's feature maps
 * downloaded on demand. Runs in the engine worker (model-host.ts), which hands in the engine
 * module.
 */
import type { Activation, Segmentation, SegNetModel } from '../../segnet';
import { LOGITS_LAYER } from '../../segnet/core';
import type { DemoFrame } from './demo-frames';

export { LOGITS_LAYER };

/** What of the engine a frame analysis uses. */
export type AnalysisEngine = Pick<typeof import('../../segnet'), 'imagesToTensor' | 'predictSegmentation' | 'disposeActivations'>;

/** One layer's output for one frame, in plain arrays. */
export interface LayerData {
  name: string;
  height: number;
  width: number;
  channels: number;
  /** H*W*C values, row-major, channel axis last. */
  values: Float32Array;
  /** Pooling layers: H*W*C window positions 0..3 (2*dy + dx); null otherwise. */
  indices: Int32Array | null;
}

/** A frame's forward pass: keeps its tensors until disposed. */
export class FrameAnalysis {
  private readonly tensors = new Map<string, Activation>();
  private readonly downloads = new Map<string, Promise<LayerData>>();
  private disposed = false;

  constructor(
    private readonly segnet: AnalysisEngine,
    readonly segmentation: Segmentation,
    activations: Activation[],
  ) {
    for (const a of activations) this.tensors.set(a.name, a);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** A layer's values (and pooling indices), downloaded once. */
  layer(name: string): Promise<LayerData> {
    let data = this.downloads.get(name);
    if (data) return data;
    const activation = this.tensors.get(name);
    if (!activation || this.disposed) {
      const known = [...this.tensors.keys()].join(', ');
      return Promise.reject(new Error(`FrameAnalysis.layer: no layer '${name}' (recorded: ${known || 'none, disposed'})`));
    }
    const [, height, width, channels] = activation.tensor.shape;
    const values = activation.tensor.data() as Promise<Float32Array>;
    const indices = activation.indices?.data();
    data = Promise.all([values, indices]).then(([v, i]) => ({
      name,
      height,
      width,
      channels,
      values: v instanceof Float32Array ? v : Float32Array.from(v),
      indices: i === undefined ? null : Int32Array.from(i),
    }));
    this.downloads.set(name, data);
    return data;
  }

  /** Frees the recorded tensors; downloaded layers stay readable. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.segnet.disposeActivations([...this.tensors.values()]);
  }
}

/**
 * Runs the model over a frame with every activation recorded. The logits are kept as the
 * layer LOGITS_LAYER; the engine's predictSegmentation turns them into the plain-data
 * segmentation.
 */
export async function analyseFrame(segnet: AnalysisEngine, model: SegNetModel, frame: Pick<DemoFrame, 'image'>): Promise<FrameAnalysis> {
  const { height, width } = model.config;
  const input = segnet.imagesToTensor(frame.image, 1, height, width); // [1, H, W, 3]
  const { logits, activations } = model.forward(input, { record: true });
  input.dispose();
  const [segmentation] = await segnet.predictSegmentation(logits);
  return new FrameAnalysis(segnet, segmentation!, [...activations, { name: LOGITS_LAYER, tensor: logits, indices: null }]);
}
