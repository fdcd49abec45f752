import { afterEach, describe, expect, test, vi } from 'vitest';
import { ClientRecords } from '../../src/pwa/sw-clients.ts';

/** Cache Storage as the worker sees it, in memory: caches by name in creation order, entries by URL. */
function fakeCacheStorage() {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    let store = stores.get(name);
    if (!store) stores.set(name, (store = new Map()));
    return {
      put: async (url: string, response: Response) => void store.set(url, response),
      match: async (url: string) => store.get(url),
      delete: async (url: string) => store.delete(url),
      keys: async () => [...store.keys()].map((url) => new Request(url)),
    };
  };
  return {
    stores,
    storage: { open, keys: async () => [...stores.keys()], delete: async (name: string) => stores.delete(name) },
  };
}

const scope = 'https://you.github.io/app/';
const prefix = `p2p-direct ${scope} `;

afterEach(() => vi.unstubAllGlobals());

describe('the service worker’s client records', () => {
  test('records live with their cache; an older version stays while its tab is open, and goes after', async () => {
    const { stores, storage } = fakeCacheStorage();
    vi.stubGlobal('caches', storage);
    await storage.open(`${prefix}v1`);
    await storage.open('another app on this origin');
    await new ClientRecords(scope, prefix, `${prefix}v1`).record(`${prefix}v1`, 'old tab');

    const records = new ClientRecords(scope, prefix, `${prefix}v2`);
    await records.record(`${prefix}v2`, 'new tab');
    expect(await records.olderCaches()).toEqual([`${prefix}v1`]);
    expect([...stores.get(`${prefix}v1`)!.keys()]).toEqual([`${scope}.p2p-clients/old%20tab`]);
    expect(records.isRecord(`${scope}.p2p-clients/old%20tab`)).toBe(true);
    expect(records.isRecord(`${scope}assets/index.js`)).toBe(false);

    await records.dropUnused(['old tab', 'new tab']);
    expect([...stores.keys()]).toEqual([`${prefix}v1`, 'another app on this origin', `${prefix}v2`]);
    await records.dropUnused(['new tab']);
    expect([...stores.keys()]).toEqual(['another app on this origin', `${prefix}v2`]);
  });

  test('a client id is written once per run of the worker, and an empty id (no client) never', async () => {
    const { stores, storage } = fakeCacheStorage();
    const open = vi.spyOn(storage, 'open');
    vi.stubGlobal('caches', storage);
    const records = new ClientRecords(scope, prefix, `${prefix}v1`);
    await records.record(`${prefix}v1`, '');
    expect(open).not.toHaveBeenCalled();
    await records.record(`${prefix}v1`, 'tab');
    await records.record(`${prefix}v1`, 'tab');
    expect(open).toHaveBeenCalledTimes(1);
    expect(stores.get(`${prefix}v1`)!.size).toBe(1);
  });

  test('an id with slashes, percent signs or quotes round-trips', async () => {
    const { storage } = fakeCacheStorage();
    vi.stubGlobal('caches', storage);
    const hostile = '../../x%2F"\n/?#';
    await new ClientRecords(scope, prefix, `${prefix}v0`).record(`${prefix}v0`, 'closed tab');
    await new ClientRecords(scope, prefix, `${prefix}v1`).record(`${prefix}v1`, hostile);
    const records = new ClientRecords(scope, prefix, `${prefix}v2`);
    // Read back wrong, the id would be a tab recorded nowhere, and every cache would stay.
    await records.dropUnused([hostile]);
    expect(await storage.keys()).toEqual([`${prefix}v1`]);
  });
});
