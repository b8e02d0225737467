/**
 * Which of a new network's parameters can start from the pretrained checkpoint: those with the
 * same name and shape. Names are positional ("encoder/stage2/conv1/conv/filter"), and
 * convolution shapes do not depend on the frame size, so SegNet-Basic's pretrained encoder also
 * serves the other decoders and resolutions; whatever does not match starts from random values.
 */

export interface TensorShape {
  name: string;
  shape: readonly number[];
}

export interface PretrainedMatch {
  /** Parameter names taken from the checkpoint. */
  loaded: string[];
  /** Parameters left at their initial values, with why. */
  skipped: { name: string; reason: string }[];
}

/** Matches a model's parameters against a checkpoint's tensors by name and shape. */
export function matchPretrained(model: readonly TensorShape[], checkpoint: readonly TensorShape[]): PretrainedMatch {
  const saved = new Map(checkpoint.map((t) => [t.name, t.shape]));
  const loaded: string[] = [];
  const skipped: PretrainedMatch['skipped'] = [];
  for (const { name, shape } of model) {
    const other = saved.get(name);
    if (!other) skipped.push({ name, reason: 'not in the checkpoint' });
    else if (other.join() !== shape.join()) skipped.push({ name, reason: `[${other.join(', ')}] in the checkpoint, [${shape.join(', ')}] here` });
    else loaded.push(name);
  }
  return { loaded, skipped };
}

/** The part of the network a parameter belongs to: "encoder stage 2", "decoder stage 1", "classifier". */
export function parameterGroup(name: string): string {
  const [part, stage] = name.split('/');
  const m = /^stage(\d+)$/.exec(stage ?? '');
  return m ? `${part} stage ${m[1]}` : `${part}${stage ? ` ${stage}` : ''}`;
}

/** Groups in first-seen order, each with how many of its parameters were loaded. */
function groups(match: PretrainedMatch, all: readonly string[]): { group: string; loaded: number; total: number }[] {
  const loaded = new Set(match.loaded);
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
export function describeMatch(match: PretrainedMatch, all: readonly string[]): string {
  if (match.loaded.length === 0) return 'None of the pretrained weights fit this network: every weight starts from random values.';
  if (match.loaded.length === all.length) return `Every weight comes from the pretrained checkpoint (all ${all.length} tensors).`;
  const g = groups(match, all);
  const full = g.filter((x) => x.loaded === x.total).map((x) => x.group);
  const partial = g.filter((x) => x.loaded > 0 && x.loaded < x.total).map((x) => `${x.group} (${x.loaded} of ${x.total})`);
  const none = g.filter((x) => x.loaded === 0).map((x) => x.group);
  const parts = [`From the pretrained checkpoint: ${[...full, ...partial].join(', ')} (${match.loaded.length} of ${all.length} tensors).`];
  if (none.length > 0) parts.push(`Random: ${none.join(', ')}.`);
  return parts.join(' ');
}
