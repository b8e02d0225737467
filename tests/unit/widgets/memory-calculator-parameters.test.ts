import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { countParameters, DECODER_KINDS, memoryReport, memoryReportWith } from '../../../src/segnet';
import { parameterTable, parseParameterTable, tableCounter, tableKey } from '../../../src/widgets/memory-calculator/parameter-table';
import { ENCODERS, MULTIPLIERS, reportOptions, type MemoryState } from '../../../src/widgets/memory-calculator/state';

const table = parameterTable((options) => countParameters(options).total);

describe('parameterTable(count): the counts the build hands the page', () => {
  it('gives memoryReportWith(options, tableCounter(table)) the report memoryReport(options) computes, at any size', () => {
    for (const encoder of ENCODERS)
      for (const multiplier of MULTIPLIERS)
        for (const [height, width] of [[360, 480], [32, 32], [97, 131], [1024, 768]] as const) {
          const options = reportOptions({ encoder, multiplier, height, width } satisfies MemoryState);
          expect(memoryReportWith(options, tableCounter(table)), `${encoder} × ${multiplier} at ${height} × ${width}`).toEqual(memoryReport(options));
        }
  });

  it('has one whole count per encoder, width multiplier and decoder', () => {
    expect(Object.keys(table)).toHaveLength(ENCODERS.length * MULTIPLIERS.length);
    expect(table[tableKey('vgg16', 1)]!.segnet).toBe(countParameters({ encoder: 'vgg16', decoder: 'segnet', widthMultiplier: 1, height: 360, width: 480 }).total);
    expect(Object.keys(table[tableKey('basic', 0.5)]!).sort()).toEqual([...DECODER_KINDS].sort());
  });

  it('parseParameterTable(json) reads the table back, and names data-parameters when it cannot', () => {
    expect(parseParameterTable(JSON.stringify(table))).toEqual(table);
    expect(() => parseParameterTable(undefined)).toThrow('memory-calculator: data-parameters is missing or not JSON');
    const { [tableKey('basic', 1)]: _dropped, ...short } = table;
    expect(() => parseParameterTable(JSON.stringify(short))).toThrow('memory-calculator: data-parameters needs a whole count for every encoder, width multiplier and decoder');
    expect(() => tableCounter({})({ ...reportOptions({ encoder: 'basic', multiplier: '1', height: 32, width: 32 }), numClasses: 11 } as never)).toThrow(
      'memory-calculator: no parameter count for basic × 1 with the segnet decoder',
    );
  });
});

describe('module boundary', () => {
  it('src/widgets/memory-calculator/element.ts reaches no TF.js, even through dynamic import()', async () => {
    const entry = 'src/widgets/memory-calculator/element.ts';
    const { metafile } = await build({ entryPoints: [entry], bundle: true, splitting: true, format: 'esm', platform: 'browser', outdir: 'unused', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.values(metafile.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.some((f) => f.includes(entry))).toBe(true);
    expect(inputs.filter((f) => f.includes('@tensorflow'))).toEqual([]);
  });
});
