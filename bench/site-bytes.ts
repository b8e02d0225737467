/**
 * npm run bench:bytes -- [--dist dist] [--isolation=false] [--json]
 *
 * Bytes a reader downloads from the built site, as a static host serves it (gzip level 9 for
 * text and wasm, hashed assets cached for a year, the rest revalidated; see host-server.ts),
 * in headless Chromium with its SwiftShader WebGL: (1) the first visit to a model chapter
 * (/chapters/pixels/) before its widget is near the viewport, (2) the same visit once the
 * widget has run, (3) a later model chapter (/chapters/architecture/) run in the same browser.
 * Bytes are response bodies on the wire, by kind of file.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { parseArgs } from '../scripts/lib/args';
import { CHROMIUM_ARGS, launchChromium } from '../tests/e2e/browser';
import { startHostServer, type Sent } from './host-server';

const SPEC = {
  dist: { type: 'string', default: 'dist', help: 'the built site to serve' },
  isolation: { type: 'boolean', default: true, help: 'send COOP/COEP (--isolation=false: as the site was served before it needed them)' },
  json: { type: 'boolean', default: false, help: 'print JSON' },
} as const;

const USAGE = 'Bytes downloaded on a first and a later visit to the model chapters of the built site.';

const KINDS = ['html', 'js', 'css', 'wasm', 'weights', 'model.json', 'frames', 'other'] as const;
type Kind = (typeof KINDS)[number];

function kindOf(path: string): Kind {
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.startsWith('/models/') && path.endsWith('.bin')) return 'weights';
  if (path.startsWith('/models/') && path.endsWith('.json')) return 'model.json';
  if (path.startsWith('/data/')) return 'frames';
  return 'other';
}

export interface Phase {
  name: string;
  /** Where the widget ran ('' when it did not within the time allowed). */
  backend: string;
  bytes: Record<Kind | 'total', number>;
  requests: number;
}

function summarise(name: string, backend: string, sent: Sent[]): Phase {
  const bytes = Object.fromEntries([...KINDS, 'total'].map((k) => [k, 0])) as Phase['bytes'];
  for (const s of sent) {
    bytes[kindOf(s.path)] += s.bytes;
    bytes.total += s.bytes;
  }
  return { name, backend, bytes, requests: sent.length };
}

/** Waits until no request has been in flight for half a second (at most a minute). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
}

/** Scrolls `tag` into view and waits (up to 3 minutes) until its network has run. */
async function runWidget(page: Page, tag: string): Promise<string> {
  await page.locator(tag).first().scrollIntoViewIfNeeded();
  await page.waitForSelector(`${tag}[data-backend]`, { timeout: 180_000 }).catch(() => null);
  await settle(page);
  return (await page.locator(tag).first().getAttribute('data-backend')) ?? '';
}

export async function measureBytes(dist: string, isolation: boolean): Promise<Phase[]> {
  const server = await startHostServer(dist, { isolation });
  const browser = await launchChromium(CHROMIUM_ARGS);
  try {
    // One context: the later chapter finds what the first left in the HTTP cache and the Cache API.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/chapters/pixels/`, { waitUntil: 'load' });
    await settle(page);
    const phases = [summarise('first visit, at load', '', server.take())];
    phases.push(summarise('first visit, widget run', await runWidget(page, 'label-overlay'), server.take()));
    await page.close();
    server.take();
    const later = await context.newPage();
    await later.goto(`${server.url}/chapters/architecture/`, { waitUntil: 'load' });
    await settle(later);
    phases.push(summarise('later model chapter, widget run', await runWidget(later, 'architecture-explorer'), server.take()));
    return phases;
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (n: number) => (n / 1024).toFixed(0).padStart(6);

export function formatPhases(phases: Phase[]): string {
  const head = `${'phase'.padEnd(34)}${[...KINDS, 'total'].map((k) => k.padStart(11)).join('')}  backend`;
  const rows = phases.map((p) => `${p.name.padEnd(34)}${[...KINDS, 'total' as const].map((k) => `${kb(p.bytes[k])} KB`.padStart(11)).join('')}  ${p.backend || '(did not run)'}`);
  const first = phases[0]!.bytes.total + phases[1]!.bytes.total;
  return [head, ...rows, '', `first visit with the widget run: ${kb(first).trim()} KB; later model chapter: ${kb(phases[2]!.bytes.total).trim()} KB (response bodies, gzip)`].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  (async () => {
    const args = parseArgs(process.argv.slice(2), SPEC, USAGE);
    const phases = await measureBytes(args.dist, args.isolation);
    console.log(args.json ? JSON.stringify(phases, null, 2) : formatPhases(phases));
  })().catch((e: unknown) => {
    process.stderr.write(`bench:bytes: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
