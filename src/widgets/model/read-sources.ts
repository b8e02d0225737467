/** Reads the build-time sources (see sources.ts) that a widget's shell wrote into `data-sources`. */
import type { WidgetSources } from './sources';

export function readSources(root: HTMLElement): WidgetSources {
  const text = root.dataset.sources;
  if (!text) throw new Error(`<${root.localName}> has no data-sources`);
  const parsed = JSON.parse(text) as Partial<WidgetSources>;
  if (typeof parsed.dataUrl !== 'string' || !parsed.model || !('checkpointUrl' in parsed.model)) {
    throw new Error(`<${root.localName}> has malformed data-sources: ${text}`);
  }
  return parsed as WidgetSources;
}
