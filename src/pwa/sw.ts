/**
 * The service worker: the page opens and works with no network after one visit.
 *
 * Not bundled with the app: the build (serviceWorker() in vite.config.ts) bundles it on its own and
 * puts two constants in front: PRECACHE, every file of the build relative to the worker (`./` is
 * index.html) with its SHA-256, and VERSION, a hash of them all and of this worker. A new
 * deployment therefore changes sw.js byte for byte, which is how the browser notices it.
 *
 * Cache-first for the whole app, one cache per version, so a page always runs one consistent
 * build. A new version installs in the background and then waits; the page tells the user, and
 * the "Reload" button sends 'skip-waiting' (src/pwa/register-sw.ts). Install checks every file
 * against its hash: a host caught halfway through a deployment (a new sw.js, some old files) fails
 * the install, the running version stays, and the next visit tries again. An older version's cache
 * stays while a tab still runs that version (cache-retention.ts).
 *
 * Typed with small local interfaces rather than `/// <reference lib="webworker" />`: that lib
 * would redeclare DOM globals for the whole program (tsconfig includes src/ as one program).
 */
import { ClientRecords } from './sw-clients.ts';

/** Path (relative to the worker) → SHA-256 of the file's bytes, lowercase hex. */
declare const PRECACHE: Readonly<Record<string, string>>;
declare const VERSION: string;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  readonly clientId: string;
  readonly resultingClientId: string;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void>; matchAll(options: { type: 'window' }): Promise<readonly { id: string }[]> };
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
const expectedHashes = new Map(Object.entries(PRECACHE).map(([path, sha256]) => [new URL(path, scope).href, sha256]));
const records = new ClientRecords(scope, cachePrefix, cacheName);

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  // Before claim(): the tabs that claim() takes over were loaded from the network, that is from
  // this version, so they keep no older cache.
  event.waitUntil(dropUnusedVersions().then(() => self.clients.claim()));
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
  // reaches us) get the cached shell. Other navigations under the scope go to the network untouched,
  // and other files after a look in the older versions' caches, so whatever else is hosted beside
  // the app keeps working.
  const navigation = request.mode === 'navigate';
  const key = navigation && isShell(url.href) ? shellUrl : url.href;
  if (expectedHashes.has(key)) {
    event.respondWith(cachedOrNetwork(key, request));
    const client = navigation ? event.resultingClientId : event.clientId;
    // A record or a clean-up that fails (storage full) costs only storage: the page is answered anyway.
    const bookkeeping = records.record(cacheName, client).then(() => (navigation ? dropUnusedVersions() : undefined));
    event.waitUntil(bookkeeping.catch(() => undefined));
  } else if (!navigation && key.startsWith(scope) && !records.isRecord(key)) {
    // Not a file of this version: perhaps one of the version an open tab still runs.
    event.respondWith(olderVersionOrNetwork(key, request, event));
  }
});

async function precache(): Promise<void> {
  const cache = await caches.open(cacheName);
  try {
    await Promise.all([...expectedHashes].map(([url, sha256]) => precacheOne(cache, url, sha256)));
  } catch (error) {
    // A failed install must leave nothing behind that a retry could take for a complete version.
    await caches.delete(cacheName);
    throw error;
  }
}

async function precacheOne(cache: Cache, url: string, sha256: string): Promise<void> {
  // 'no-cache' revalidates with the server: a host's HTTP cache (GitHub Pages: 10 minutes) must
  // not hand us the previous index.html for the new version's cache.
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
  const bytes = await response.clone().arrayBuffer();
  if ((await sha256Hex(bytes)) !== sha256) throw new Error(`precache ${url}: not the file this version was built with`);
  // A redirected response cannot answer a navigation (its redirect mode is 'manual'): copy it.
  const copy = response.redirected ? new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers }) : response;
  await cache.put(url, copy);
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function dropUnusedVersions(): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window' });
  await records.dropUnused(windows.map((client) => client.id));
}

async function olderVersionOrNetwork(url: string, request: Request, event: FetchEvent): Promise<Response> {
  for (const name of await records.olderCaches()) {
    const response = await (await caches.open(name)).match(url);
    if (!response) continue;
    // The tab asking runs that version: its cache must outlive this worker's next clean-up.
    event.waitUntil(records.record(name, event.clientId).catch(() => undefined));
    return response;
  }
  return fetch(request);
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
