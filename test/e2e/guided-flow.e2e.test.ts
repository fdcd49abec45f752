import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { isFocused } from '../support/page/keyboard.ts';
import { chatBothWays, openPair } from '../support/page/pair.ts';
import { waitUntilBothConnected, type PeerPage } from '../support/page/peer-page.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

/**
 * The exchange one step at a time, on the real page: what each device is shown at each step,
 * where the focus goes when the step changes, and how the conversation is laid out on a phone
 * (portrait and landscape) and a laptop.
 */

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();

const heading = (peer: PeerPage, name: string) => peer.page.getByRole('heading', { name, exact: true });

async function expectFocusOn(target: Locator): Promise<void> {
  await expect.poll(() => isFocused(target), { timeout: 5_000 }).toBe(true);
}

async function visibleCount(page: Page, role: 'button' | 'textbox', name: string): Promise<number> {
  const all = await page.getByRole(role, { name, exact: true }).all();
  const visible = await Promise.all(all.map((control) => control.isVisible()));
  return visible.filter(Boolean).length;
}

describe('the guided flow', () => {
  test('start or join; the offer with its answer box; the answer alone with its validity; focus on each step', async () => {
    const [a, b] = await openPair(browser(), baseUrl);
    for (const name of ['Start a connection', 'Join with a code']) await heading(a, name).waitFor();
    for (const control of ['Create offer', 'Scan', 'Choose image']) expect(await visibleCount(a.page, 'button', control)).toBe(1);
    expect(await a.pasteBox.isVisible()).toBe(true);

    const offer = await a.createOffer();
    await expectFocusOn(heading(a, 'Step 1 of 2: send this offer'));
    await heading(a, 'Step 2 of 2: read their answer').waitFor();
    expect(await visibleCount(a.page, 'button', 'Create offer')).toBe(0);
    expect(await visibleCount(a.page, 'button', 'Scan')).toBe(1);

    await b.paste(offer);
    const answer = await b.readBlob('Answer');
    await expectFocusOn(heading(b, 'Last step: send this answer back'));
    await b.page.getByRole('timer').filter({ hasText: /^Valid for \d+ min \d+ s more\./ }).waitFor();
    for (const control of ['Create offer', 'Scan', 'Choose image']) expect(await visibleCount(b.page, 'button', control)).toBe(0);
    expect(await visibleCount(b.page, 'button', 'Copy')).toBe(1);

    await a.paste(answer);
    await waitUntilBothConnected(a, b);
    for (const peer of [a, b]) await expectFocusOn(heading(peer, 'Conversation'));
    // Tucked away: closed, with the connection type in its summary.
    const stats = a.page.locator('p2p-stats details');
    expect(await stats.evaluate((details) => details.hasAttribute('open'))).toBe(false);
    await a.page.locator('[data-stat="connection-type"]').filter({ hasText: 'direct on LAN' }).waitFor({ timeout: 10_000 });
    await chatBothWays(a, b);
  });

  test('the conversation: stacked on a phone held upright, side by side on a laptop and a phone on its side', async () => {
    const [a, b] = await openPair(browser(), baseUrl);
    await a.connectTo(b);
    const areas = async () => {
      const call = await a.page.getByRole('region', { name: 'Video call' }).boundingBox();
      const chat = await a.page.getByRole('region', { name: 'Chat' }).boundingBox();
      if (!call || !chat) throw new Error('the call or the chat is not on the screen');
      return { call, chat };
    };
    for (const [width, height, sideBySide] of [
      [390, 844, false],
      [844, 390, true],
      [1280, 800, true],
    ] as const) {
      await a.page.setViewportSize({ width, height });
      const { call, chat } = await areas();
      const beside = chat.x >= call.x + call.width && Math.abs(chat.y - call.y) < 2;
      const below = chat.y >= call.y + call.height && Math.abs(chat.x - call.x) < 2;
      expect({ width, height, beside, below }).toEqual({ width, height, beside: sideBySide, below: !sideBySide });
      expect(call.width + (sideBySide ? chat.width : 0)).toBeLessThanOrEqual(width);
    }
  });
});
