/** Starting a TF.js backend for a CLI: the first of webgpu, wasm, cpu that starts here, or the one asked for. */
import { selectBackend, type BackendChoice, type BackendName } from '../../src/segnet';
import { quietTfjs, registerNodeBackends } from './node-backends';

/** Starts `wanted` (or the best available backend) and says which one runs, and why others did not. */
export async function startBackend(wanted?: string): Promise<{ choice: BackendChoice; description: string }> {
  quietTfjs();
  const available = await registerNodeBackends();
  if (wanted !== undefined && !available.includes(wanted as BackendName)) {
    throw new Error(`--backend ${wanted} is not available here (available: ${available.join(', ')})`);
  }
  const choice = await selectBackend(wanted !== undefined ? [wanted as BackendName] : available);
  const skipped = choice.rejected.map((r) => `${r.name}: ${r.reason}`).join('; ');
  return { choice, description: `backend ${choice.name}${skipped ? ` (skipped ${skipped})` : ''}` };
}
