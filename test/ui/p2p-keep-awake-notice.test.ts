// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { TypedEventTarget } from '../../src/core/events/typed-event-target.ts';
import '../../src/ui/components/p2p-keep-awake-notice.ts';
import { button, mount, settled, visibleText } from './mount.ts';

/** The part of KeepAwake the notice reads: whether a transfer or a call runs. */
class FakeKeepAwake extends TypedEventTarget<{ change: Event }> {
  busy = false;
  set(busy: boolean): void {
    this.busy = busy;
    this.notify('change');
  }
}

function pretendPhone(phone: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: phone && query === '(pointer: coarse)', media: query }));
}

function setVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** A notice on a busy page that went to the background and came back. */
async function backFromBackgroundWhileBusy({ phone }: { phone: boolean }): Promise<HTMLElement> {
  pretendPhone(phone);
  const keepAwake = new FakeKeepAwake();
  keepAwake.busy = true;
  const notice = await mount('p2p-keep-awake-notice', { keepAwake });
  setVisibility('hidden');
  setVisibility('visible');
  await settled(notice);
  return notice;
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('p2p-keep-awake-notice', () => {
  test('on a phone, asks to keep the page in front while something runs, and says nothing after', async () => {
    pretendPhone(true);
    const keepAwake = new FakeKeepAwake();
    const notice = await mount('p2p-keep-awake-notice', { keepAwake });
    expect(visibleText(notice)).toBe('');
    keepAwake.set(true);
    await settled(notice);
    expect(visibleText(notice)).toMatch(/^Keep this page open and in front until it ends/);
    keepAwake.set(false);
    await settled(notice);
    expect(visibleText(notice)).toBe('');
  });

  test('coming back from the background mid-transfer shows a warning until dismissed', async () => {
    const notice = await backFromBackgroundWhileBusy({ phone: true });
    expect(visibleText(notice)).toMatch(/was in the background while a transfer or a call ran/);
    button(notice, 'Dismiss').click();
    await settled(notice);
    expect(visibleText(notice)).toMatch(/^Keep this page open/);
  });

  test('a laptop gets neither: its pages keep running in the background', async () => {
    const notice = await backFromBackgroundWhileBusy({ phone: false });
    expect(visibleText(notice)).toBe('');
  });
});
