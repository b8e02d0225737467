/**
 * One forward pass of the page's model over one demo frame, with every intermediate
 * activation recorded: the prediction as plain arrays, and each layer's feature maps
 * downloaded on demand. Runs only inside the lazily loaded engine chunk's callers.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Activation, Segmentation, SegNetModel } from '../../segnet';
import type { DemoFrame } from './demo-frames';

/** Name under which the classifier's output (the logits) is kept alongside the recorded layers. */
export const LOGITS_LAYER = 'decoder/classifier';

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

/** Shape of a recorded layer, known without downloading it. */
export interface LayerShape {
  name: string;
  height: number;
  width: number;
  channels: number;
  hasIndices: boolean;
}

/** A frame's forward pass: keeps its tensors until disposed. */
export class FrameAnalysis {
  readonly segmentation: Segmentation;
  readonly layers: LayerShape[];
  private readonly tensors = new Map<string, Activation>();
  private readonly downloads = new Map<string, Promise<LayerData>>();
  private disposed = false;

  constructor(
    private readonly tf: typeof tfjs,
    segmentation: Segmentation,
    activations: Activation[],
  ) {
    this.segmentation = segmentation;
    for (const a of activations) this.tensors.set(a.name, a);
    this.layers = activations.map(({ name, tensor, indices }) => {
      const [, height, width, channels] = tensor.shape;
      return { name, height, width, channels, hasIndices: indices !== null };
    });
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
    for (const a of this.tensors.values()) this.tf.dispose([a.tensor, ...(a.indices ? [a.indices] : [])]);
  }
}

/** Image bytes [H*W*3] -> [1, H, W, 3] float32 in [0, 1]. */
export function frameTensor(tf: typeof tfjs, frame: DemoFrame, height: number, width: number): tfjs.Tensor4D {
  return tf.tensor4d(Float32Array.from(frame.image, (v) => v / 255), [1, height, width, 3]);
}

/**
 * Runs the model over a frame with every activation recorded. The logits are kept as the
 * layer LOGITS_LAYER; the softmax and argmax become the plain-data segmentation.
 */
export async function analyseFrame(
  tf: typeof tfjs,
  model: SegNetModel,
  frame: DemoFrame,
): Promise<FrameAnalysis> {
  const { height, width, numClasses } = model.config;
  const input = frameTensor(tf, frame, height, width);
  const { logits, activations } = model.forward(input, { record: true });
  input.dispose();
  const probs = tf.softmax(logits);
  const labels = tf.argMax(probs, -1);
  const [p, l] = await Promise.all([probs.data() as Promise<Float32Array>, labels.data()]);
  tf.dispose([probs, labels]);
  const segmentation: Segmentation = {
    height,
    width,
    numClasses,
    labels: Uint8Array.from(l),
    probabilities: p,
  };
  return new FrameAnalysis(tf, segmentation, [...activations, { name: LOGITS_LAYER, tensor: logits, indices: null }]);
}
