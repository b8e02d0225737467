/**
 * Whether this browser can run the network on a graphics card, asked without loading TF.js:
 * a WebGL context on a throwaway canvas, else a WebGPU adapter. Without either, TF.js would
 * fall back to the CPU, and the model widgets show their precomputed figures instead of
 * starting the network by themselves. Probed once per page.
 */

/** The graphics APIs a probe may find; both absent means the CPU backends only. */
export interface GpuApis {
  webgl: boolean;
  webgpu: boolean;
}

function hasWebGl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // give the context back at once
    return true;
  } catch {
    return false;
  }
}

async function hasWebGpu(): Promise<boolean> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) != null;
  } catch {
    return false;
  }
}

let probe: Promise<GpuApis> | null = null;

/** What this page's browser offers (WebGPU is only asked when WebGL is missing). */
export function probeGpu(): Promise<GpuApis> {
  probe ??= (async () => {
    const webgl = hasWebGl();
    return { webgl, webgpu: webgl ? false : await hasWebGpu() };
  })();
  return probe;
}

/** True when either API is there. */
export const hasGpu = (apis: GpuApis): boolean => apis.webgl || apis.webgpu;
