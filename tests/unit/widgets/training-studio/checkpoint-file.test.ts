import { describe, expect, it } from 'vitest';
import {
  decodeCheckpointFile,
  encodeCheckpointFile,
  exportFileName,
  HEADER_BYTES,
  type CheckpointFileContents,
} from '../../../../src/data/checkpoint-file';

/** A small, real-looking checkpoint: two float32 tensors (2x3 and 4). */
function contents(): CheckpointFileContents {
  const weights = new Uint8Array(new Float32Array([1, 2, 3, 4, 5, 6, 0.5, -0.5, 7, 8]).buffer);
  return {
    json: {
      modelTopology: { format: 'unpooled-segnet', version: 1, progress: { step: 12, epoch: 0, batch: 12 } },
      weightSpecs: [
        { name: 'encoder/stage1/conv1/conv/filter', shape: [2, 3], dtype: 'float32' },
        { name: 'encoder/stage1/conv1/conv/bias', shape: [4], dtype: 'float32' },
      ],
      format: 'unpooled-segnet',
      generatedBy: 'unpooled',
    },
    weights,
  };
}

const NAME = 'run.unpooled';
const decode = (bytes: Uint8Array) => () => decodeCheckpointFile(bytes, NAME);

describe('encodeCheckpointFile / decodeCheckpointFile', () => {
  it('round-trips the artifacts JSON and the weight bytes exactly', () => {
    const c = contents();
    const bytes = encodeCheckpointFile(c);
    expect(new TextDecoder().decode(bytes.subarray(0, 12))).toBe('UNPOOLEDCKPT');
    const back = decodeCheckpointFile(bytes, NAME);
    expect(back.json).toEqual(c.json);
    expect([...back.weights]).toEqual([...c.weights]);
  });

  it('refuses a file cut short, naming it and both sizes', () => {
    const bytes = encodeCheckpointFile(contents());
    const cut = bytes.subarray(0, bytes.length - 7);
    expect(decode(cut)).toThrow(`"run.unpooled" is truncated: ${cut.length} bytes, expected ${bytes.length}; nothing was changed.`);
    expect(decode(bytes.subarray(0, 20))).toThrow('"run.unpooled" is truncated: 20 bytes, shorter than the 28-byte header');
  });

  it('refuses a file with a flipped bit in the weights or the JSON (checksum)', () => {
    for (const at of [HEADER_BYTES + 3, HEADER_BYTES + 100 /* inside the JSON */, -2 /* weights */]) {
      const bytes = encodeCheckpointFile(contents());
      const i = at < 0 ? bytes.length + at : at;
      bytes[i] = bytes[i]! ^ 0x10;
      expect(decode(bytes)).toThrow('"run.unpooled" is damaged: its checksum does not match its contents');
    }
  });

  it('refuses foreign files: a PNG, a TF.js model.json, an empty file', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeCheckpointFile(png, 'street.png')).toThrow('"street.png" is not a checkpoint exported by this studio (it does not start with the Unpooled checkpoint header; expected a .unpooled file)');
    const json = new TextEncoder().encode(JSON.stringify({ modelTopology: {}, weightsManifest: [] }));
    expect(() => decodeCheckpointFile(json, 'model.json')).toThrow('"model.json" is not a checkpoint exported by this studio');
    expect(() => decodeCheckpointFile(new Uint8Array(0), 'empty.unpooled')).toThrow('"empty.unpooled" is not a checkpoint exported by this studio (it is only 0 bytes long');
  });

  it('refuses another container version and trailing bytes', () => {
    const bytes = encodeCheckpointFile(contents());
    const v2 = bytes.slice();
    new DataView(v2.buffer).setUint32(12, 2, true);
    expect(decode(v2)).toThrow('"run.unpooled" is checkpoint file version 2; this page reads version 1');
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect(decode(longer)).toThrow(`"run.unpooled" has 3 unexpected bytes after its ${bytes.length} bytes`);
  });

  it('refuses weight specs that do not account for the weight bytes, or unknown types', () => {
    const c = contents();
    c.json.weightSpecs[1]!.shape = [5];
    expect(decode(encodeCheckpointFile(c))).toThrow('"run.unpooled" lists 44 bytes of weights but holds 40');
    const d = contents();
    d.json.weightSpecs[0]!.dtype = 'complex64';
    expect(decode(encodeCheckpointFile(d))).toThrow('holds weight "encoder/stage1/conv1/conv/filter" of unsupported type complex64');
    const e = contents();
    (e.json as unknown as Record<string, unknown>).modelTopology = null;
    expect(decode(encodeCheckpointFile(e))).toThrow('"run.unpooled" holds no model description');
  });

  it('names exports after the network and step', () => {
    expect(exportFileName('basic', 'deeplab-largefov', 120)).toBe('basic-deeplab-largefov-step120.unpooled');
  });
});
