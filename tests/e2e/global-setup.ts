import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertChromiumInstalled } from './browser';
import { DIST_DIR } from './site';
import { startStaticServer } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the static server that serves dist/, such as `http://127.0.0.1:41234`. */
    origin: string;
  }
}

/** Check the prerequisites loudly, then serve dist/ for every browser test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromiumInstalled();
  if (!existsSync(join(DIST_DIR, 'index.html'))) {
    throw new Error(`${DIST_DIR}/index.html is missing: run \`npm run build\` before the browser tests.`);
  }
  const server = await startStaticServer(DIST_DIR);
  project.provide('origin', server.url);
  return () => server.close();
}
