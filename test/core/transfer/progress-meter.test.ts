import { describe, expect, test } from 'vitest';
import { ProgressMeter } from '../../../src/core/transfer/progress-meter.ts';

describe('ProgressMeter', () => {
  test('speed and time left are unknown until time has passed', () => {
    const meter = new ProgressMeter(1000);
    expect(meter.snapshot()).toEqual({ bytesDone: 0, total: 1000, bytesPerSecond: 0, secondsLeft: undefined });
    meter.update(100, 0);
    expect(meter.snapshot().secondsLeft).toBeUndefined();
  });

  test('a steady 1 MB/s reads 1 MB/s, and time left follows', () => {
    const meter = new ProgressMeter(10_000_000);
    for (let ms = 0; ms <= 3000; ms += 250) meter.update(ms * 1000, ms);
    const { bytesPerSecond, secondsLeft, bytesDone } = meter.snapshot();
    expect(bytesDone).toBe(3_000_000);
    expect(bytesPerSecond).toBeCloseTo(1_000_000, -3);
    expect(secondsLeft).toBeCloseTo(7, 1);
  });

  test('a sudden change of speed is smoothed, then followed', () => {
    const meter = new ProgressMeter(1e12);
    let bytes = 0;
    for (let ms = 0; ms <= 10_000; ms += 200) meter.update((bytes += 200_000), ms);
    for (let ms = 10_200; ms <= 10_600; ms += 200) meter.update((bytes += 20_000), ms);
    const shortlyAfter = meter.snapshot().bytesPerSecond;
    expect(shortlyAfter).toBeGreaterThan(300_000);
    expect(shortlyAfter).toBeLessThan(1_000_000);
    // τ = 2 s: ten seconds later, e^-5 (under 1 %) of the 900 kB/s drop is left in the average.
    for (let ms = 10_800; ms <= 20_000; ms += 200) meter.update((bytes += 20_000), ms);
    expect(meter.snapshot().bytesPerSecond).toBeGreaterThan(100_000);
    expect(meter.snapshot().bytesPerSecond).toBeLessThan(100_000 + 0.01 * 900_000);
  });

  test('updates closer than 100 ms are merged instead of giving absurd speeds', () => {
    const meter = new ProgressMeter(1e9);
    meter.update(0, 0);
    meter.update(65536, 0.01);
    expect(meter.snapshot()).toMatchObject({ bytesDone: 65536, bytesPerSecond: 0 });
    meter.update(131072, 200);
    expect(meter.snapshot().bytesPerSecond).toBeCloseTo(655_360, -2);
  });

  test('a resumed transfer counts only new bytes toward speed', () => {
    const meter = new ProgressMeter(1000, 600);
    meter.update(600, 0);
    meter.update(700, 1000);
    expect(meter.snapshot()).toMatchObject({ bytesDone: 700, bytesPerSecond: 100, secondsLeft: 3 });
  });
});
