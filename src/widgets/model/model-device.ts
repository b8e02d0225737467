/**
 * The model widgets' networks when the GPU goes away under them (a lost WebGL context or WebGPU
 * device; see ../shared/device-watch.ts): the weights they held on the device are gone. In the
 * engine worker, the networks are dropped, the engine moves to WebAssembly, and the switch is
 * announced with the loss as its reason, so every widget's status line says what happened and
 * where its network runs now (the page words the reason, run-policy.ts). The next question a
 * widget asks opens its network afresh there (its weights come from the Cache API).
 */
import type { BackendChoice } from '../../segnet';
import { messages } from '../../i18n';
import { watchEngineDevice } from '../shared/device-watch';
import { setEngineBackend } from '../shared/backend-sharing';
import { activateEngineBackend, type Engine } from '../shared/engine';

/** Where the networks go after a loss: the CPU backend that every browser runs. */
export const AFTER_LOSS = 'wasm';

export interface DeviceLossDeps {
  /** Activates the backend that takes over (default: the engine's own activation of wasm). */
  activate(engine: Engine): Promise<BackendChoice>;
  /** Announces the switch to every listener of the engine (default: setEngineBackend). */
  announce(engine: Engine, backend: BackendChoice): void;
}

const ENGINE_DEPS: DeviceLossDeps = {
  activate: (engine) => activateEngineBackend(engine.segnet, AFTER_LOSS),
  announce: setEngineBackend,
};

/**
 * Watches the engine's device for the model widgets: on a loss, activates WebAssembly and
 * announces it with the loss as its reason, in English (the reason is a fact for logs and the
 * page; the page words it), and calls `drop` at once with that switch under way (forget every
 * network, whose tensors are gone, and open none before the switch settles). A failed switch
 * is reported to `onError`. Returns a function that stops watching.
 */
export function recoverModelsOnDeviceLoss(
  engine: Engine,
  drop: (switched: Promise<void>) => void,
  onError: (error: unknown) => void = () => undefined,
  deps: DeviceLossDeps = ENGINE_DEPS,
): () => void {
  return watchEngineDevice(
    engine,
    (reason) => {
      const switched = deps.activate(engine).then(
        (backend) => deps.announce(engine, { ...backend, reason }),
        (error: unknown) => onError(error),
      );
      drop(switched);
    },
    messages('en').widgetRuntime,
  );
}
