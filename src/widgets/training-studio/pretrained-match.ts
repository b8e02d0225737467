/**
 * What the reader is told about a pretrained start: which parts of the network the engine's
 * loadMatchingWeights filled from the checkpoint (same name and shape) and which start from
 * random values, grouped by part and stage.
 */
import { parseLayerName, type WeightCopyReport } from '../../segnet/core';

/** The part of the network a parameter belongs to: "encoder stage 2", "decoder stage 1", "classifier". */
export function parameterGroup(name: string): string {
  const { part, stage, rest } = parseLayerName(name);
  if (stage !== null) return `${part} stage ${stage}`;
  const layer = rest.split('/')[0];
  return layer ? `${part} ${layer}` : part;
}

/** Groups in first-seen order, each with how many of its parameters were loaded. */
function groups(match: WeightCopyReport, all: readonly string[]): { group: string; loaded: number; total: number }[] {
  const loaded = new Set(match.copied);
  const out = new Map<string, { group: string; loaded: number; total: number }>();
  for (const name of all) {
    const group = parameterGroup(name);
    const g = out.get(group) ?? { group, loaded: 0, total: 0 };
    g.total += 1;
    if (loaded.has(name)) g.loaded += 1;
    out.set(group, g);
  }
  return [...out.values()];
}

/** One sentence on where the weights came from, naming the parts that are pretrained. */
export function describeMatch(match: WeightCopyReport, all: readonly string[]): string {
  if (match.copied.length === 0) return 'None of the pretrained weights fit this network: every weight starts from random values.';
  if (match.copied.length === all.length) return `Every weight comes from the pretrained checkpoint (all ${all.length} tensors).`;
  const g = groups(match, all);
  const full = g.filter((x) => x.loaded === x.total).map((x) => x.group);
  const partial = g.filter((x) => x.loaded > 0 && x.loaded < x.total).map((x) => `${x.group} (${x.loaded} of ${x.total})`);
  const none = g.filter((x) => x.loaded === 0).map((x) => x.group);
  const parts = [`From the pretrained checkpoint: ${[...full, ...partial].join(', ')} (${match.copied.length} of ${all.length} tensors).`];
  if (none.length > 0) parts.push(`Random: ${none.join(', ')}.`);
  return parts.join(' ');
}
