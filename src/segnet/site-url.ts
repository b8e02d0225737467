/**
 * Site paths ('/models/x/model.json', './data/', 'models/x/model.json') resolved against the
 * page's address, which TF.js's http handler and fetch need; outside a page (Node), and for
 * anything with a scheme ('indexeddb://', 'https://'), the path is returned as it is.
 */
export function siteUrl(path: string): string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  return new URL(path, base).href;
}
