/**
 * Which versions' caches the service worker may delete. Pure, so it is unit-tested in Node.
 *
 * A tab keeps running the version it was loaded with until it reloads, and its lazy chunks (the
 * call, files and stats views, the QR scanner, the Korean catalogue) have content-hashed names that
 * only that version's cache holds once the host serves a newer build. So an older cache stays while
 * a tab that it served is open. The worker writes down which clients each cache served (sw-clients.ts)
 * rather than asking the tabs: a background tab may be frozen and never answer, and a tab does not
 * know which build it runs. Reloading such tabs instead would end their connection, which the
 * update notice promises never to do without the user.
 */

/** One version's cache and the ids of the clients it served a page or a file to. */
export interface CachedVersion {
  readonly cache: string;
  readonly clients: readonly string[];
}

export interface CleanupPlan {
  /** Caches of older versions that no open tab runs. */
  readonly deleteCaches: string[];
  /** Records of clients that are gone, in the older caches that stay. */
  readonly forgetClients: { cache: string; client: string }[];
}

/**
 * `current` is never deleted. `liveClients` are the window clients the worker controls now. A live
 * client recorded nowhere (a tab served by a worker that kept no records, or loaded from the network
 * before a worker took it over) may run any older version: while one is open, every cache stays.
 * The current cache's records are left alone: a page being loaded is recorded before it counts as
 * live, and the records are sorted out once that cache is an older one.
 */
export function planCleanup(current: string, versions: readonly CachedVersion[], liveClients: readonly string[]): CleanupPlan {
  const live = new Set(liveClients);
  const recorded = new Set(versions.flatMap((version) => version.clients));
  const unknownVersionOpen = liveClients.some((client) => !recorded.has(client));
  const deleteCaches: string[] = [];
  const forgetClients: { cache: string; client: string }[] = [];
  for (const { cache, clients } of versions) {
    if (cache === current) continue;
    if (!unknownVersionOpen && !clients.some((client) => live.has(client))) {
      deleteCaches.push(cache);
      continue;
    }
    for (const client of clients) if (!live.has(client)) forgetClients.push({ cache, client });
  }
  return { deleteCaches, forgetClients };
}
