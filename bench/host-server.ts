/**
 * The built site served as a typical static host serves it, for the site benchmarks: gzip
 * (level 9, as precompressed files) for text and wasm, none for binary data; hashed assets
 * (/_astro/) cached for a year, everything else revalidated by ETag (304 without a body);
 * optionally the COOP/COEP headers. Counts the bytes of every response body it sends.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};
/** What hosts compress (Netlify, Cloudflare, nginx with gzip_types set for wasm). */
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.svg', '.wasm', '.txt']);

/** One response: path, status and body bytes on the wire. */
export interface Sent {
  path: string;
  status: number;
  bytes: number;
}

export interface HostServer {
  url: string;
  /** Responses since the last `take()`, which empties the list. */
  take(): Sent[];
  close(): Promise<void>;
}

export async function startHostServer(root: string, options: { isolation: boolean }): Promise<HostServer> {
  const base = resolve(root);
  const bodies = new Map<string, { gz: Buffer | null; raw: Buffer; etag: string }>();
  let sent: Sent[] = [];
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    let file = resolve(base, `.${decodeURIComponent(pathname)}`);
    if (!(file === base || file.startsWith(base + sep))) file = join(base, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile();
    const served = found ? file : join(base, '404.html');
    let body = bodies.get(served);
    if (!body) {
      const raw = readFileSync(served);
      body = { raw, gz: COMPRESSED.has(extname(served)) ? gzipSync(raw, { level: 9 }) : null, etag: `"${createHash('sha1').update(raw).digest('hex').slice(0, 16)}"` };
      bodies.set(served, body);
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
      'cache-control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: body.etag,
      ...(options.isolation ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cross-origin-resource-policy': 'same-origin' } : {}),
    };
    if (found && request.headers['if-none-match'] === body.etag) {
      response.writeHead(304, headers).end();
      sent.push({ path: pathname, status: 304, bytes: 0 });
      return;
    }
    const gzip = body.gz !== null && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const bytes = gzip ? body.gz! : body.raw;
    response.writeHead(found ? 200 : 404, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(bytes.length) });
    response.end(request.method === 'HEAD' ? undefined : bytes);
    sent.push({ path: pathname, status: found ? 200 : 404, bytes: bytes.length });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take: () => {
      const out = sent;
      sent = [];
      return out;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
