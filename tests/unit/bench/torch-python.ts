/** Finds a python3 that can import torch, for the tests that run bench/pytorch_segnet.py. */
import { spawnSync } from 'node:child_process';

/** The first interpreter that imports torch: $PYTHON, python3 on PATH, then the system one. */
export function findTorchPython(): { python: string | null; reason: string } {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p);
  const tried: string[] = [];
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
    if (r.status === 0) return { python, reason: '' };
    tried.push(`${python}: ${r.error ? 'not found' : 'no torch'}`);
  }
  return { python: null, reason: `no python3 with torch (${tried.join('; ')})` };
}
