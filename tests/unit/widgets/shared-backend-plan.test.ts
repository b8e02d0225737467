/** Which backends the page tries, in which order, from the device's renderer strings. */
import { describe, expect, it } from 'vitest';
import { planBackends, softwareRenderer, type DeviceProbe } from '../../../src/widgets/shared/backend-plan';

const SWIFTSHADER_ANGLE = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const NVIDIA_ANGLE = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)';

describe('softwareRenderer(renderer)', () => {
  it.each([
    [SWIFTSHADER_ANGLE, 'SwiftShader'],
    ['Google SwiftShader', 'SwiftShader'],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', 'llvmpipe'],
    ['Mesa/X.org llvmpipe (LLVM 12.0.0, 256 bits)', 'llvmpipe'],
    ['softpipe', 'softpipe'],
    ['Software Rasterizer', 'a software rasteriser'],
    ['ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)', 'Microsoft Basic Render Driver'],
    ['Apple Software Renderer', 'Apple Software Renderer'],
    ['google swiftshader', 'SwiftShader'],
  ])('names the software rasteriser in %j', (renderer, name) => {
    expect(softwareRenderer(renderer)).toBe(name);
  });

  it.each([
    NVIDIA_ANGLE,
    'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
    'Apple M2',
    'Adreno (TM) 640',
    'Mali-G78',
    'AMD Radeon Pro 5500M OpenGL Engine',
    'WebKit WebGL',
    '',
  ])('is null for hardware (or unnamed) renderer %j', (renderer) => {
    expect(softwareRenderer(renderer)).toBeNull();
  });

  it('refuses a renderer that is not a string, naming the type', () => {
    expect(() => softwareRenderer(undefined as unknown as string)).toThrow('softwareRenderer: renderer must be a string, got undefined');
  });
});

function probe(webgl: string | null, webgpu: string | null, fallback = false): DeviceProbe {
  return {
    webgl: { context: webgl !== null, renderer: webgl ?? '' },
    webgpu: { adapter: webgpu !== null, description: webgpu ?? '', fallback },
  };
}

describe('planBackends(probe)', () => {
  it('puts wasm before software-rendered WebGL and says why; WebGPU on SwiftShader is not tried', () => {
    const plan = planBackends(probe(SWIFTSHADER_ANGLE, 'google swiftshader', true));
    expect(plan.preference).toEqual(['wasm', 'webgl', 'cpu']);
    expect(plan.reasons).toEqual({ wasm: 'WebGL here is software-rendered (SwiftShader), slower than WebAssembly' });
    expect(plan.skipped).toEqual([{ name: 'webgpu', reason: 'WebGPU here is software-rendered (SwiftShader)' }]);
  });

  it('tries a hardware WebGPU adapter, then hardware WebGL, then wasm and cpu, with no reasons to give', () => {
    const plan = planBackends(probe(NVIDIA_ANGLE, 'nvidia ampere'));
    expect(plan.preference).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(plan.reasons).toEqual({});
    expect(plan.skipped).toEqual([]);
  });

  it('leaves WebGPU out when no adapter is granted, so its package is never loaded', () => {
    const plan = planBackends(probe(NVIDIA_ANGLE, null));
    expect(plan.preference).toEqual(['webgl', 'wasm', 'cpu']);
    expect(plan.skipped).toEqual([{ name: 'webgpu', reason: 'no WebGPU adapter' }]);
  });

  it('treats a fallback adapter as software even when its description names nothing', () => {
    const plan = planBackends(probe(null, '', true));
    expect(plan.preference).toEqual(['wasm', 'cpu']);
    expect(plan.skipped).toEqual([
      { name: 'webgpu', reason: 'WebGPU here is software-rendered (a fallback adapter)' },
      { name: 'webgl', reason: 'no WebGL context' },
    ]);
    expect(plan.reasons.wasm).toBe('WebGPU here is software-rendered (a fallback adapter), slower than WebAssembly');
  });

  it('runs wasm then cpu without WebGL or WebGPU, reporting both as missing', () => {
    const plan = planBackends(probe(null, null));
    expect(plan.preference).toEqual(['wasm', 'cpu']);
    expect(plan.skipped.map((s) => s.name)).toEqual(['webgpu', 'webgl']);
    expect(plan.reasons).toEqual({});
  });
});
