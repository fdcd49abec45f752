import { planCleanup, type CachedVersion } from './cache-retention.ts';

/**
 * The service worker's record of which cache served which client, kept in Cache Storage beside the
 * files (a worker is stopped when idle and loses its memory): one empty entry per client under a
 * dot-directory, which no build file can have (the build leaves dot-directories out), so a record
 * dies with its cache. See cache-retention.ts for why.
 */
export class ClientRecords {
  private readonly recordPrefix: string;
  /** What this run of the worker has written already, so a page's every file does not write again. */
  private readonly written = new Set<string>();

  constructor(
    scope: string,
    private readonly cachePrefix: string,
    private readonly currentCache: string,
  ) {
    this.recordPrefix = new URL('./.p2p-clients/', scope).href;
  }

  isRecord(url: string): boolean {
    return url.startsWith(this.recordPrefix);
  }

  async record(cacheName: string, clientId: string): Promise<void> {
    const key = `${cacheName}\n${clientId}`;
    if (!clientId || this.written.has(key)) return;
    this.written.add(key);
    await (await caches.open(cacheName)).put(this.recordPrefix + encodeURIComponent(clientId), new Response(''));
  }

  /** The caches of older versions of this app (not of other apps on the origin), newest first. */
  async olderCaches(): Promise<string[]> {
    return (await caches.keys()).filter((name) => name.startsWith(this.cachePrefix) && name !== this.currentCache).reverse();
  }

  /** Deletes the caches of versions no open tab runs (`liveClients`: the window clients now). */
  async dropUnused(liveClients: readonly string[]): Promise<void> {
    const names = (await caches.keys()).filter((name) => name.startsWith(this.cachePrefix));
    const versions: CachedVersion[] = await Promise.all(names.map(async (cache) => ({ cache, clients: await this.clientsOf(cache) })));
    const plan = planCleanup(this.currentCache, versions, liveClients);
    await Promise.all([
      ...plan.deleteCaches.map((name) => caches.delete(name)),
      ...plan.forgetClients.map(async ({ cache, client }) => (await caches.open(cache)).delete(this.recordPrefix + encodeURIComponent(client))),
    ]);
  }

  private async clientsOf(cacheName: string): Promise<string[]> {
    const requests = await (await caches.open(cacheName)).keys();
    return requests.filter((request) => this.isRecord(request.url)).map((request) => decodeURIComponent(request.url.slice(this.recordPrefix.length)));
  }
}
