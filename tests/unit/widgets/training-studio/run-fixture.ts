/** What the studio's tests share: a network and optimizer that look trained (one Adam update of all-ones gradients). */
import * as tf from '@tensorflow/tfjs';
import * as segnet from '../../../../src/segnet';
import { networkConfig, type RunData } from '../../../../src/widgets/training-studio/run';
import type { StudioSettings } from '../../../../src/widgets/training-studio/settings';

export function onceUpdated(settings: StudioSettings, data: RunData): { model: segnet.SegNetModel; optimizer: segnet.Optimizer } {
  const model = segnet.buildSegNet(networkConfig(settings, data.manifest));
  const optimizer = new segnet.Optimizer({ kind: 'adam' });
  const params = model.trainableVariables();
  const grads = new Map(params.map((p) => [p.name, tf.onesLike(p.variable) as tf.Tensor]));
  optimizer.apply(params, grads, 0.01);
  tf.dispose([...grads.values()]);
  return { model, optimizer };
}
