import type { Locator, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { focusIndicator, isFocused, isVisibleOutline, tabTo } from '../support/page/keyboard.ts';
import { waitUntilBothConnected, type PeerPage } from '../support/page/peer-page.ts';
import { openPair } from '../support/page/pair.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();

/** Tabs to the control, checks that it shows its focus, and presses the key on it. */
async function pressOn(page: Page, control: Locator, key: 'Enter' | 'Space'): Promise<void> {
  await tabTo(page, control);
  const indicator = await focusIndicator(control);
  expect(isVisibleOutline(indicator), `focus on ${control} is not visible: ${JSON.stringify(indicator)}`).toBe(true);
  await page.keyboard.press(key);
}

/** Tabs into the paste box and pastes the clipboard there with Ctrl+V. */
async function pasteWithKeyboard(peer: PeerPage): Promise<void> {
  await tabTo(peer.page, peer.pasteBox);
  await peer.page.keyboard.press('Control+V');
}

function messageBox(peer: PeerPage): Locator {
  return peer.page.getByRole('textbox', { name: 'Message', exact: true });
}

test('two devices connect and chat with Tab, Shift+Tab, Enter, Space and typing only', async () => {
  const [a, b] = await openPair(browser(), baseUrl, { clipboard: true });

  await pressOn(a.page, a.button('Create offer'), 'Enter');
  await a.blobBox('Offer').waitFor();
  await pressOn(a.page, a.button('Copy'), 'Enter');
  await a.page.getByText('Copied to the clipboard.').waitFor();

  await pasteWithKeyboard(b);
  await b.blobBox('Answer').waitFor();
  await pressOn(b.page, b.button('Copy'), 'Space');
  await b.page.getByText('Copied to the clipboard.').waitFor();

  await pasteWithKeyboard(a);
  await waitUntilBothConnected(a, b);

  await tabTo(a.page, messageBox(a));
  await a.page.keyboard.type('typed on A');
  await a.page.keyboard.press('Enter');
  await b.chat.waitFor('typed on A', 'theirs');
  await a.chat.waitFor('typed on A', 'mine');

  await tabTo(b.page, messageBox(b));
  await b.page.keyboard.type('typed on B');
  await pressOn(b.page, b.button('Send'), 'Space');
  await a.chat.waitFor('typed on B', 'theirs');
  // After sending, the focus is back in the box for the next message, whichever way it was sent.
  expect(await isFocused(messageBox(b))).toBe(true);

  await b.page.keyboard.press('Tab');
  expect(await isFocused(b.button('Send'))).toBe(true);
  await tabTo(b.page, messageBox(b), { backwards: true, maxPresses: 1 });
  await b.page.keyboard.type('and again');
  await b.page.keyboard.press('Enter');
  await a.chat.waitFor('and again', 'theirs');
  expect(await a.chat.log.locator('li').count()).toBe(3);
});
