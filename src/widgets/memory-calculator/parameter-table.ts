/**
 * The parameter counts of every network the calculator can show, counted at build time (the
 * shell's front matter runs the engine's countParameters) and handed to the page as JSON, so the
 * page does its arithmetic without loading TF.js. A convolution's parameters do not depend on
 * the input size, so one count per encoder, width multiplier and decoder covers every size.
 */
import { DECODER_KINDS, type DecoderKind, type ParameterCounter, type SegNetOptions } from '../../segnet/core';
import { ENCODERS, memoryCodec, MULTIPLIERS, type EncoderChoice } from './state';

/** Counts by `encoder@multiplier` (tableKey), then by decoder. */
export type ParameterTable = Record<string, Record<DecoderKind, number>>;

export const tableKey = (encoder: EncoderChoice, widthMultiplier: number): string => `${encoder}@${widthMultiplier}`;

/** The table, from a counter such as `(o) => countParameters(o).total` (build time). */
export function parameterTable(count: (options: SegNetOptions) => number): ParameterTable {
  const { height, width } = memoryCodec.defaults; // any size: the counts do not depend on it
  const table: ParameterTable = {};
  for (const encoder of ENCODERS) {
    for (const m of MULTIPLIERS) {
      const widthMultiplier = Number(m);
      const row = {} as Record<DecoderKind, number>;
      for (const decoder of DECODER_KINDS) row[decoder] = count({ encoder, decoder, widthMultiplier, height, width });
      table[tableKey(encoder, widthMultiplier)] = row;
    }
  }
  return table;
}

/** The table read from the element's `data-parameters`; throws naming the attribute when it is not one. */
export function parseParameterTable(json: string | undefined): ParameterTable {
  let value: unknown;
  try {
    value = JSON.parse(json ?? '');
  } catch {
    throw new Error('memory-calculator: data-parameters is missing or not JSON');
  }
  const ok =
    typeof value === 'object' &&
    value !== null &&
    ENCODERS.every((e) => MULTIPLIERS.every((m) => DECODER_KINDS.every((d) => Number.isInteger((value as ParameterTable)[tableKey(e, Number(m))]?.[d]))));
  if (!ok) throw new Error('memory-calculator: data-parameters needs a whole count for every encoder, width multiplier and decoder');
  return value as ParameterTable;
}

/** A ParameterCounter (src/segnet/memory.ts) that looks the count up in `table`. */
export function tableCounter(table: ParameterTable): ParameterCounter {
  return (config) => {
    const count = table[tableKey(config.encoder, config.widthMultiplier)]?.[config.decoder];
    if (count === undefined) throw new Error(`memory-calculator: no parameter count for ${config.encoder} × ${config.widthMultiplier} with the ${config.decoder} decoder`);
    return count;
  };
}
