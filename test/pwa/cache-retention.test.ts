import { describe, expect, test } from 'vitest';
import { planCleanup, type CachedVersion } from '../../src/pwa/cache-retention.ts';

const v = (cache: string, ...clients: string[]): CachedVersion => ({ cache, clients });

describe('which older caches the service worker deletes', () => {
  test('an older cache no open tab was served from is deleted; the current one never is', () => {
    const plan = planCleanup('v3', [v('v1', 'closed-a'), v('v2', 'closed-b'), v('v3', 'tab')], ['tab']);
    expect(plan.deleteCaches).toEqual(['v1', 'v2']);
    expect(plan.forgetClients).toEqual([]);
  });

  test('an older cache stays while a tab it served is open, and forgets its closed tabs', () => {
    const plan = planCleanup('v2', [v('v1', 'old-tab', 'closed'), v('v2', 'new-tab')], ['old-tab', 'new-tab']);
    expect(plan.deleteCaches).toEqual([]);
    expect(plan.forgetClients).toEqual([{ cache: 'v1', client: 'closed' }]);
  });

  test('once that tab is gone, the next clean-up deletes the cache', () => {
    expect(planCleanup('v2', [v('v1', 'old-tab'), v('v2', 'new-tab')], ['new-tab']).deleteCaches).toEqual(['v1']);
  });

  test('a tab recorded in two caches (it fetched a file both versions share) keeps the older one', () => {
    expect(planCleanup('v2', [v('v1', 'tab'), v('v2', 'tab')], ['tab']).deleteCaches).toEqual([]);
  });

  test('an open tab recorded nowhere may run any version: every cache stays while it is open', () => {
    // The first update after a worker that kept no records, or a tab loaded from the network.
    const versions = [v('v1'), v('v2', 'closed'), v('v3')];
    expect(planCleanup('v3', versions, ['unknown']).deleteCaches).toEqual([]);
    expect(planCleanup('v3', versions, []).deleteCaches).toEqual(['v1', 'v2']);
  });

  test("the current cache's records are kept, even of clients not live yet (a page still loading)", () => {
    const plan = planCleanup('v2', [v('v1', 'gone'), v('v2', 'loading', 'gone-too')], []);
    expect(plan.deleteCaches).toEqual(['v1']);
    expect(plan.forgetClients).toEqual([]);
  });

  test('with no caches or no clients, nothing to do', () => {
    expect(planCleanup('v1', [], [])).toEqual({ deleteCaches: [], forgetClients: [] });
    expect(planCleanup('v1', [v('v1')], ['a'])).toEqual({ deleteCaches: [], forgetClients: [] });
  });
});
