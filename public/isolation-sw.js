/*
 * Cross-origin isolation for static hosts that cannot set response headers. Pages and worker
 * scripts of this site are answered with COOP `same-origin` and COEP `require-corp` added,
 * which makes the page cross-origin isolated: SharedArrayBuffer exists, and TF.js's wasm
 * backend runs on every core. Everything else passes through untouched. Registered by
 * src/layouts/BaseLayout.astro only when the page is not isolated already; a host that sends
 * the headers itself never installs it, and a worker installed before the host began to send
 * them removes itself at the first page it sees arrive with them.
 */
const ISOLATED_DESTINATIONS = new Set(['document', 'iframe', 'worker', 'sharedworker']);

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode !== 'navigate' && !ISOLATED_DESTINATIONS.has(request.destination)) return;
  event.respondWith(
    fetch(request).then((response) => {
      if (request.mode === 'navigate' && response.headers.get('Cross-Origin-Embedder-Policy') === 'require-corp') {
        self.registration.unregister(); // the host isolates the site now: this worker is not needed
        return response;
      }
      return isolated(response);
    }),
  );
});

/** The response with the isolation headers added (redirects and opaque responses as they are). */
function isolated(response) {
  if (response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
