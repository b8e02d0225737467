/**
 * The PyTorch yardstick must be the same network: its learnt-parameter counts (encoder,
 * decoder, total) must equal countParameters of src/segnet. Needs a python3 with torch,
 * which CI machines lack: then the test is skipped and says why.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { countParameters } from '../../../src/segnet';
import { findTorchPython } from './torch-python';

const SCRIPT = 'bench/pytorch_segnet.py';

const { python, reason } = findTorchPython();
if (!python) console.warn(`tests/unit/bench/pytorch-params: skipped, ${reason}`);

interface Counts {
  model: string;
  encoder: number;
  decoder: number;
  total: number;
}

describe.skipIf(!python)('pytorch_segnet.py --check-params', () => {
  it.each([
    ['basic', 1],
    ['vgg16', 0.25],
    ['vgg16', 1],
  ] as const)('%s at width %s has the parameter counts of src/segnet', (encoder, width) => {
    const r = spawnSync(python!, [SCRIPT, '--check-params', '--json', '--models', encoder, '--vgg-width', String(width)], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [got] = (JSON.parse(r.stdout) as { counts: Counts[] }).counts;
    const want = countParameters({ encoder, decoder: 'segnet', height: 96, width: 128, widthMultiplier: width });
    expect({ encoder: got!.encoder, decoder: got!.decoder, total: got!.total }).toEqual(want);
    if (encoder === 'basic') expect(got!.total).toBe(1_416_587);
  });
});
