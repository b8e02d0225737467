import { expect } from 'vitest';
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core';

/** What went wrong while a page was open, collected as it happened. */
export interface PageLog {
  /** `console.error` messages and uncaught exceptions, with their source location. */
  consoleErrors: string[];
  /** Requests that failed at the network level or were answered with status 400 or above. */
  failedRequests: string[];
  /** Requests to another origin; they are blocked, so a page that needs them also fails. */
  foreignRequests: string[];
}

export interface WatchOptions {
  /** Responses that may carry an error status, such as the 404 page's own document. */
  allowStatus?: (url: string, status: number) => boolean;
}

/** Every problem in a log, one line each; empty when the page behaved. */
export function problems(log: PageLog): string[] {
  return [
    ...log.consoleErrors.map((m) => `console error: ${m}`),
    ...log.failedRequests.map((m) => `failed request: ${m}`),
    ...log.foreignRequests.map((m) => `request to another origin: ${m}`),
  ];
}

/**
 * Start collecting a page's problems. Call before navigating. Requests leaving `origin`
 * (other than `data:` and `blob:` URLs) are recorded and aborted, so tests never wait on
 * the network and a page that depends on a third party fails here rather than in the field.
 */
export async function watchPage(page: Page, origin: string, options: WatchOptions = {}): Promise<PageLog> {
  const log: PageLog = { consoleErrors: [], failedRequests: [], foreignRequests: [] };
  const allowStatus = options.allowStatus ?? (() => false);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    // Chromium reports every error response on the console too; allowed ones are not errors.
    const status = /^Failed to load resource: the server responded with a status of (\d+)/.exec(message.text());
    if (status && allowStatus(url, Number(status[1]))) return;
    log.consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => log.consoleErrors.push(`uncaught ${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => {
    log.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !allowStatus(response.url(), response.status())) {
      log.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  await page.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    async (route) => {
      log.foreignRequests.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  return log;
}

/** A page opened in its own browser context, watched from before navigation. */
export interface Visit {
  page: Page;
  log: PageLog;
  /** The main document's response. */
  response: Response | null;
  close(): Promise<void>;
}

/**
 * Open `path` of the site at `origin` in a fresh context (so no state leaks between tests),
 * watching it from the start, and wait for the `load` event.
 */
export async function visit(
  browser: Browser,
  origin: string,
  path: string,
  options: WatchOptions & { context?: BrowserContextOptions } = {},
): Promise<Visit> {
  const context = await browser.newContext(options.context);
  const page = await context.newPage();
  const log = await watchPage(page, origin, options);
  const response = await page.goto(origin + path, { waitUntil: 'load' });
  return { page, log, response, close: () => context.close() };
}

/**
 * Visits `path` (see visit), runs `check` on the page, expects the page to have logged no
 * problem, and closes the visit whatever happened.
 */
export async function checkVisit(
  browser: Browser,
  origin: string,
  path: string,
  options: WatchOptions & { context?: BrowserContextOptions },
  check: (page: Page, v: Visit) => Promise<void>,
): Promise<void> {
  const v = await visit(browser, origin, path, options);
  try {
    await check(v.page, v);
    expect(problems(v.log)).toEqual([]);
  } finally {
    await v.close();
  }
}
