import { describe, expect, test } from 'vitest';
import { BoundedLog } from '../../../src/core/chat/bounded-log.ts';
import { RecentIds } from '../../../src/core/chat/recent-ids.ts';
import { TokenBucket } from '../../../src/core/util/token-bucket.ts';

describe('BoundedLog', () => {
  test('keeps the newest in order, hands back what it trims, and indexes stay valid until trimmed', () => {
    const log = new BoundedLog<string>(3);
    const evicted = ['a', 'b', 'c', 'd', 'e'].map((value) => log.push(value));
    expect(evicted).toEqual([undefined, undefined, undefined, 'a', 'b']);
    expect(log.snapshot()).toEqual(['c', 'd', 'e']);
    expect([log.length, log.removed, log.newestIndex]).toEqual([3, 2, 4]);
    expect([log.get(1), log.get(2), log.get(4), log.get(5), log.get(-1), log.get(2.5)]).toEqual([undefined, 'c', 'e', undefined, undefined, undefined]);
    log.set(1, 'too late');
    log.set(3, 'D');
    expect(log.snapshot()).toEqual(['c', 'D', 'e']);
  });

  test('the snapshot is one frozen array until the log changes', () => {
    const log = new BoundedLog<number>(2);
    log.push(1);
    const first = log.snapshot();
    expect(log.snapshot()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    log.push(2);
    expect(log.snapshot()).not.toBe(first);
    log.clear();
    expect([log.snapshot(), log.removed, log.length]).toEqual([[], 0, 0]);
  });

  test('a capacity that is not a positive integer is refused', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) expect(() => new BoundedLog(capacity)).toThrow(RangeError);
  });
});

describe('RecentIds', () => {
  test('forgets the oldest first and never holds more than its capacity', () => {
    const ids = new RecentIds(3);
    for (const id of ['a', 'b', 'a', 'c', 'd']) ids.add(id);
    expect([ids.has('a'), ids.has('b'), ids.has('c'), ids.has('d'), ids.size]).toEqual([false, true, true, true, 3]);
  });
});

describe('TokenBucket', () => {
  test('a burst at once, then the rate; a clock set back takes nothing away and adds nothing', () => {
    let clock = 1_000;
    const bucket = new TokenBucket(10, 5, () => clock);
    expect(Array.from({ length: 6 }, () => bucket.take())).toEqual([true, true, true, true, true, false]);
    clock += 100;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    clock -= 10_000;
    expect(bucket.take()).toBe(false);
    clock += 10_000_000; // a day later: still only the burst
    expect(Array.from({ length: 6 }, () => bucket.take()).filter(Boolean)).toHaveLength(5);
  });
});
