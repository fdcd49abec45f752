// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-offer-age.ts';
import { getByRole, mount, settled, visibleText } from './mount.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

describe('p2p-offer-age', () => {
  test('counts the wait up once a second, in minutes after the first', async () => {
    const element = await mount('p2p-offer-age', { since: 1_000_000 - 3_000 });
    const timer = () => visibleText(getByRole(element, 'timer'));
    expect(timer()).toBe('Waiting for an answer for 3 s');
    vi.advanceTimersByTime(2000);
    await settled(element);
    expect(timer()).toBe('Waiting for an answer for 5 s');
    vi.advanceTimersByTime(60_000);
    await settled(element);
    expect(timer()).toBe('Waiting for an answer for 1 min');
  });

  test('warns from two minutes on, saying why a fresh offer helps', async () => {
    const element = await mount('p2p-offer-age', { since: 1_000_000 - 119_000 });
    expect(visibleText(element)).not.toMatch(/getting old/);
    vi.advanceTimersByTime(1000);
    await settled(element);
    expect(visibleText(element)).toMatch(/^Waiting for an answer for 2 min\s*This offer is getting old: routers forget an unused outside address/);
    expect(visibleText(element)).toMatch(/New session, then Create offer/);
  });

  test('shows nothing without a start', async () => {
    const element = await mount('p2p-offer-age', { since: undefined });
    expect(visibleText(element)).toBe('');
  });
});
