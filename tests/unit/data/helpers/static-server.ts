/** A static file server on 127.0.0.1 for loader and importer tests, with request counting and stalls. */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

/** A running server. */
export interface StaticServer {
  /** Base URL, ending in "/". */
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Options: `stall(path)` true leaves that request unanswered (to test interruption). */
export interface StaticServerOptions {
  stall?: (path: string) => boolean;
  /** Rewrites a file's bytes before sending (to simulate truncation in transit). */
  transform?: (path: string, bytes: Buffer) => Buffer;
}

/** Serves `root` until closed. */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const requests: string[] = [];
  const pending = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (options.stall?.(path)) {
      pending.add(res);
      return;
    }
    readFile(join(root, normalize(path)))
      .then((bytes) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(options.transform ? options.transform(path, bytes) : bytes);
      })
      .catch(() => {
        res.writeHead(404);
        res.end('not found');
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of pending) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
