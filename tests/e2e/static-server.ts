import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** A running static file server. */
export interface StaticServer {
  /** Origin without a trailing slash, such as `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

/** The headers that make a page cross-origin isolated, as `npm run preview` sends them. */
export const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
};

export interface StaticServerOptions {
  /**
   * Send COOP/COEP (ISOLATION_HEADERS) with every response, as a well-configured host does;
   * true unless set. False is a plain host, where the site's service worker supplies them.
   */
  isolation?: boolean;
}

/**
 * Serve the built site in `root` the way a static host does: `/dir/` serves `dir/index.html`,
 * `/dir` redirects to `/dir/`, and anything missing gets `404.html` with status 404 (under
 * `/zh/`, the Chinese edition's `zh/404.html`).
 * Listens on a free port of 127.0.0.1 (a secure context, so WebGPU is exposed to pages).
 */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const isolation = options.isolation ?? true;
  const base = resolve(root);
  const notFound = join(base, '404.html');
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    let file = resolve(base, `.${decodeURIComponent(pathname)}`);
    const inside = file === base || file.startsWith(base + sep);
    if (inside && existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const found = inside && existsSync(file) && statSync(file).isFile();
    const editionNotFound = join(base, 'zh', '404.html');
    const served = found ? file : pathname.startsWith('/zh/') && existsSync(editionNotFound) ? editionNotFound : notFound;
    const status = found ? 200 : 404;
    if (!existsSync(served)) {
      response.writeHead(status, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(status, {
      'content-type': CONTENT_TYPES[extname(served)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(isolation ? ISOLATION_HEADERS : {}),
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(served).pipe(response);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
