/**
 * Numbers the prose states, computed from the engine instead of typed twice: the home page
 * renders them, and tests/unit/content checks that every chapter that quotes one quotes it
 * right. Build-time and test-time only (it imports the engine's shape code).
 */
import { DEFAULT_CONFIG, encoderPlan, stageSizes } from '../segnet';

/** The frame size of CamVid as the SegNet paper uses it. */
export const CAMVID_SIZE = { height: 360, width: 480 } as const;

/** Size [rows, columns] of the map left after `poolings` 2 × 2 poolings, in ceil mode as SegNet pools (45 rows -> 23). */
export function pooledGrid(height: number, width: number, poolings: number): [number, number] {
  return stageSizes(height, width, poolings).at(-1)!;
}

/** VGG16's fully connected layers as trained on ImageNet: inputs and outputs of fc6, fc7, fc8. */
const VGG16_FULLY_CONNECTED = [
  { name: 'fc6', inputs: 7 * 7 * 512, outputs: 4096 },
  { name: 'fc7', inputs: 4096, outputs: 4096 },
  { name: 'fc8', inputs: 4096, outputs: 1000 },
] as const;

export interface Vgg16Parameters {
  /** The 13 convolutions (weights and biases): what SegNet's encoder keeps. */
  convolutions: number;
  /** fc6, fc7 and fc8 (weights and biases). */
  fullyConnected: number;
  /** fc6 alone: 25,088 inputs times 4,096 outputs, plus biases. */
  fc6: number;
  /** The whole ImageNet classifier, 1,000-way output layer included (the usual "138 M"). */
  total: number;
  /** Without the 1,000-way output layer fc8 (the SegNet paper's "134 M"). */
  withoutOutputLayer: number;
}

/** VGG16's parameters, counted from its layer shapes (the conv part from the engine's encoder plan). */
export function vgg16Parameters(): Vgg16Parameters {
  const plan = encoderPlan({ ...DEFAULT_CONFIG, encoder: 'vgg16', decoder: 'segnet', height: 224, width: 224 });
  const convolutions = plan.stages.flat().reduce((t, c) => t + c.kernel * c.kernel * c.cin * c.cout + c.cout, 0);
  const dense = VGG16_FULLY_CONNECTED.map((l) => l.inputs * l.outputs + l.outputs);
  const fullyConnected = dense.reduce((a, b) => a + b, 0);
  return {
    convolutions,
    fullyConnected,
    fc6: dense[0]!,
    total: convolutions + fullyConnected,
    withoutOutputLayer: convolutions + fullyConnected - dense[2]!,
  };
}

/** A count in millions as the prose writes it: "138 million", "14.7 million", "102.8 million". */
export function millions(n: number, digits = 0): string {
  return `${(n / 1e6).toFixed(digits)} million`;
}
