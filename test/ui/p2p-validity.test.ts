// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-validity.ts';
import { getByRole, mount, settled, visibleText } from './mount.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

describe('p2p-validity', () => {
  test('counts down once a second, and asks for haste in the last minute', async () => {
    const element = await mount('p2p-validity', { until: 1_000_000 + 61_000 });
    const timer = () => getByRole(element, 'timer');
    expect(visibleText(timer())).toBe('Valid for 1 min 1 s more. After that, make a new answer from their offer.');
    expect(timer().className).toBe('');
    vi.advanceTimersByTime(2000);
    await settled(element);
    expect(visibleText(timer())).toBe('Valid for 59 s more. After that, make a new answer from their offer.');
    expect(timer().className).toBe('hurry');
    vi.advanceTimersByTime(120_000);
    await settled(element);
    expect(visibleText(timer())).toMatch(/^Valid for 0 s more\./);
  });

  test('shows nothing without a deadline', async () => {
    const element = await mount('p2p-validity', { until: undefined });
    expect(visibleText(element)).toBe('');
  });
});
