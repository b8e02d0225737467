import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Chromium to drive: `CHROMIUM_PATH`, or Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a quiet, offline, headless Chromium whose WebGL and WebGPU run on SwiftShader,
 * the CPU implementation of Vulkan, so GPU-backed widgets work on machines without a GPU.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--enable-unsafe-webgpu',
];

/**
 * The same flags minus SwiftShader and WebGPU, with the GPU process off: no WebGL and no WebGPU,
 * as on a machine without graphics acceleration, so TF.js runs on wasm.
 */
export const NO_GPU_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS.filter((a) => !/swiftshader|webgpu|use-angle/.test(a)),
  '--disable-gpu',
  '--disable-software-rasterizer',
];

/** Throws, with the command that fixes it, when Chromium is not installed. */
export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests need it: ` +
        'install it with `apt-get install -y chromium` (as root), or set CHROMIUM_PATH.',
    );
  }
}

/** Launch headless Chromium with the flags above (or others, such as NO_GPU_CHROMIUM_ARGS). */
export async function launchChromium(args: readonly string[] = CHROMIUM_ARGS): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...args] });
}
