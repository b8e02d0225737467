import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { visit } from './page-log';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

// The model's widgets run TF.js on WebGL or WebGPU. These tests pin down that the browser the
// suite drives offers both on a machine without a GPU, through SwiftShader.
describe('graphics in headless Chromium', () => {
  it('creates a WebGL2 context rendered by SwiftShader', async () => {
    const { page, close } = await visit(browser, origin, '/');
    try {
      const renderer = await page.evaluate(() => {
        const gl = document.createElement('canvas').getContext('webgl2');
        if (!gl) return null;
        const info = gl.getExtension('WEBGL_debug_renderer_info');
        return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      });
      expect(renderer).toMatch(/SwiftShader/);
    } finally {
      await close();
    }
  });

  it('runs a WebGPU compute shader', async () => {
    const { page, close } = await visit(browser, origin, '/');
    try {
      const doubled = await page.evaluate(async () => {
        const adapter = await navigator.gpu?.requestAdapter();
        if (!adapter) return 'no WebGPU adapter';
        const device = await adapter.requestDevice();
        const module = device.createShaderModule({
          code: `@group(0) @binding(0) var<storage, read_write> v: array<f32>;
            @compute @workgroup_size(4) fn main(@builtin(global_invocation_id) i: vec3u) { v[i.x] = 2.0 * v[i.x]; }`,
        });
        const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
        const usage = GPUBufferUsage;
        const data = device.createBuffer({ size: 16, usage: usage.STORAGE | usage.COPY_SRC | usage.COPY_DST });
        const readback = device.createBuffer({ size: 16, usage: usage.MAP_READ | usage.COPY_DST });
        device.queue.writeBuffer(data, 0, new Float32Array([1, 2, 3, 4]));
        const bindGroup = device.createBindGroup({
          layout: pipeline.getBindGroupLayout(0),
          entries: [{ binding: 0, resource: { buffer: data } }],
        });
        const encoder = device.createCommandEncoder();
        const pass = encoder.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(1);
        pass.end();
        encoder.copyBufferToBuffer(data, 0, readback, 0, 16);
        device.queue.submit([encoder.finish()]);
        await readback.mapAsync(GPUMapMode.READ);
        const result = Array.from(new Float32Array(readback.getMappedRange()));
        device.destroy();
        return result;
      });
      expect(doubled).toEqual([2, 4, 6, 8]);
    } finally {
      await close();
    }
  });
});
