import { describe, expect, test } from 'vitest';
import { createMemoryChannelPair } from '../../helpers/memory-channel.ts';
import { sleep } from './fixtures.ts';

function opened(label = 'x', options = {}) {
  const pair = createMemoryChannelPair(label, options);
  return new Promise<typeof pair>((resolve) => pair[0].addEventListener('open', () => resolve(pair)));
}

describe('MemoryChannel (test helper)', () => {
  test('delivers in order, later than send, as ArrayBuffer or Blob per binaryType', async () => {
    const [a, b] = await opened();
    const got: unknown[] = [];
    b.addEventListener('message', (event) => got.push((event as MessageEvent).data));
    b.binaryType = 'arraybuffer';
    const bytes = new Uint8Array([1, 2, 3]);
    a.send('one');
    a.send(bytes);
    bytes[0] = 9; // send() copied it, as browsers do
    expect(got).toEqual([]);
    await sleep(10);
    expect(got).toEqual(['one', new Uint8Array([1, 2, 3]).buffer]);
    b.binaryType = 'blob';
    a.send(new Uint8Array([4]));
    await sleep(10);
    expect(got[2]).toBeInstanceOf(Blob);
  });

  test('bufferedAmount rises on send, drains at the set rate, and bufferedamountlow fires on crossing', async () => {
    const [a] = await opened('x', { drainBytesPerTick: 100, drainIntervalMs: 1 });
    a.bufferedAmountLowThreshold = 150;
    let lows = 0;
    a.addEventListener('bufferedamountlow', () => lows++);
    for (let i = 0; i < 5; i++) a.send(new Uint8Array(100));
    expect(a.bufferedAmount).toBe(500);
    // Five ticks of 1 ms, however late a loaded machine runs them.
    for (const started = Date.now(); a.bufferedAmount > 0 && Date.now() - started < 5_000; ) await sleep(5);
    expect(a.bufferedAmount).toBe(0);
    expect(lows).toBe(1);
    expect(a.maxBufferedAmount).toBe(500);
  });

  test('close from either end closes both; send then throws', async () => {
    for (const closer of [0, 1]) {
      const pair = await opened();
      const closes: string[] = [];
      pair.forEach((end, i) => end.addEventListener('close', () => closes.push(String(i))));
      pair[closer]!.close();
      await sleep(5);
      expect(closes.sort()).toEqual(['0', '1']);
      expect(() => pair[1 - closer]!.send('late')).toThrow(/closed/);
    }
  });
});
