/**
 * What the reader is told about a pretrained start: which parts of the network the engine's
 * loadMatchingWeights filled from the checkpoint (same name and shape) and which start from
 * random values, grouped by part and stage.
 */
import { parseLayerName, type WeightCopyReport } from '../../segnet/core';
import { pageMessages, type Messages } from '../../i18n';

type Words = Messages['trainingStudio']['origin'];

/** The part of the network a parameter belongs to: "encoder stage 2", "decoder stage 1", "classifier". */
export function parameterGroup(name: string, m: Words = pageMessages().trainingStudio.origin): string {
  const { part: engineName, stage, rest } = parseLayerName(name);
  const part = m.parts[engineName] ?? engineName;
  if (stage !== null) return m.stage(part, stage);
  const layer = rest.split('/')[0];
  return layer ? m.layer(part, layer) : part;
}

/** Groups in first-seen order, each with how many of its parameters were loaded. */
function groups(match: WeightCopyReport, all: readonly string[], m: Words): { group: string; loaded: number; total: number }[] {
  const loaded = new Set(match.copied);
  const out = new Map<string, { group: string; loaded: number; total: number }>();
  for (const name of all) {
    const group = parameterGroup(name, m);
    const g = out.get(group) ?? { group, loaded: 0, total: 0 };
    g.total += 1;
    if (loaded.has(name)) g.loaded += 1;
    out.set(group, g);
  }
  return [...out.values()];
}

/** One sentence on where the weights came from, naming the parts that are pretrained. */
export function describeMatch(match: WeightCopyReport, all: readonly string[], m: Words = pageMessages().trainingStudio.origin): string {
  if (match.copied.length === 0) return m.noneFit;
  if (match.copied.length === all.length) return m.allFit(all.length);
  const g = groups(match, all, m);
  const full = g.filter((x) => x.loaded === x.total).map((x) => x.group);
  const partial = g.filter((x) => x.loaded > 0 && x.loaded < x.total).map((x) => m.partial(x.group, x.loaded, x.total));
  const none = g.filter((x) => x.loaded === 0).map((x) => x.group);
  const parts = [m.someFit([...full, ...partial], match.copied.length, all.length)];
  if (none.length > 0) parts.push(m.random(none));
  return parts.join(' ');
}
