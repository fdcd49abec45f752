/**
 * The service worker: the page opens and works with no network after one visit.
 *
 * Not bundled with the app. The build (swPlugin in vite.config.ts) strips the types from this file
 * and puts two constants in front of it: PRECACHE, every file of the build relative to the worker
 * (`./` stands for index.html), and VERSION, a hash of their contents. A new deployment therefore
 * changes sw.js byte for byte, which is how the browser notices it.
 *
 * Cache-first for the whole app, one cache per version, so a page always runs one consistent
 * build. A new version installs in the background and then waits; the page tells the user, and
 * the "Reload" button sends 'skip-waiting' (src/pwa/register-sw.ts).
 *
 * Typed with small local interfaces rather than `/// <reference lib="webworker" />`: that lib
 * would redeclare DOM globals for the whole program (tsconfig includes src/ as one program).
 */

declare const PRECACHE: readonly string[];
declare const VERSION: string;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
declare const self: ServiceWorkerScope;

const scope = self.registration.scope;
// Cache Storage is per origin, and GitHub Pages puts every project of a user on one origin: the
// scope in the name keeps two apps (or two copies of this one) from deleting each other's caches.
const cachePrefix = `p2p-direct ${scope} `;
const cacheName = cachePrefix + VERSION;
const shellUrl = new URL('./', scope).href;
const precached = new Set(PRECACHE.map((path) => new URL(path, scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(dropOldVersions().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (isSkipWaiting(event.data)) event.waitUntil(self.skipWaiting());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  // Navigations to the page (…/, …/index.html, with any query; the #fragment carrying a blob never
  // reaches us) get the cached shell; anything else under the scope that is not ours goes to the
  // network untouched, so other files hosted beside the app keep working.
  const key = request.mode === 'navigate' && isShell(url.href) ? shellUrl : url.href;
  if (!precached.has(key)) return;
  event.respondWith(cachedOrNetwork(key, request));
});

async function precache(): Promise<void> {
  const cache = await caches.open(cacheName);
  await Promise.all(
    [...precached].map(async (url) => {
      // 'no-cache' revalidates with the server: a host's HTTP cache (GitHub Pages: 10 minutes) must
      // not hand us the previous index.html for the new version's cache.
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
      await cache.put(url, response.redirected ? await unredirected(response) : response);
    }),
  );
}

/** A redirected response cannot answer a navigation (its redirect mode is 'manual'): copy it. */
async function unredirected(response: Response): Promise<Response> {
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function dropOldVersions(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(cachePrefix) && name !== cacheName).map((name) => caches.delete(name)));
}

async function cachedOrNetwork(key: string, request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  // The browser may evict storage under pressure; the network is then the only way left.
  return (await cache.match(key)) ?? fetch(request);
}

function isShell(href: string): boolean {
  return href === shellUrl || href === shellUrl + 'index.html';
}

function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'skip-waiting';
}

export {};
