import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { CHAT_SEND_BURST } from '../../src/core/chat/chat-limits.ts';
import { connectedPair } from '../support/page/pair.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** What the page made of the chat: the texts shown, the elements in its shadow DOM, and the marker the payload would set. */
function chatAsRendered(page: Page) {
  return page.evaluate(() => {
    const chat = document.querySelector('p2p-app')?.shadowRoot?.querySelector('p2p-chat')?.shadowRoot;
    // Every shadow root on the page, in case markup escaped the chat somewhere else.
    const roots: ParentNode[] = [document];
    for (let i = 0; i < roots.length; i++) for (const element of roots[i]!.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    return {
      texts: [...(chat?.querySelectorAll('li .text') ?? [])].map((element) => element.textContent),
      inChat: chat?.querySelectorAll('img, script').length ?? -1,
      injected: roots.reduce((sum, root) => sum + root.querySelectorAll('img[src="x"], script:not([src])').length, 0),
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    };
  });
}

describe('chat safety', () => {
  test('an HTML and script payload is shown as text on both pages, and no element of it is created', async () => {
    const [a, b] = await connectedPair(browser(), baseUrl);
    await a.chat.send(PAYLOAD);
    await b.chat.waitFor('window.__pwned=2', 'theirs');
    await a.chat.waitFor('window.__pwned=2', 'mine');
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for an onerror to fire, if an img had been made
    for (const page of [a, b]) {
      const rendered = await chatAsRendered(page.page);
      expect(rendered.texts).toEqual([PAYLOAD]);
      expect(rendered.inChat).toBe(0);
      expect(rendered.injected).toBe(0);
      expect(rendered.pwned).toBeUndefined();
    }
  });

  test('an honest page that sends 200 messages at once paces itself: all arrive once, in order, and nothing is called a flood', async () => {
    const [a, b] = await connectedPair(browser(), baseUrl);
    const count = 4 * CHAT_SEND_BURST;
    await a.page.evaluate((count) => {
      const app = document.querySelector('p2p-app') as Element & { app: { chat: { send(text: string): unknown } } };
      for (let n = 0; n < count; n++) app.app.chat.send(`burst ${n}`);
    }, count);
    await b.chat.waitFor(`burst ${count - 1}`, 'theirs', 60_000);
    const shown = await b.page.evaluate(() =>
      [...(document.querySelector('p2p-app')?.shadowRoot?.querySelector('p2p-chat')?.shadowRoot?.querySelectorAll('li .text') ?? [])].map(
        (element) => element.textContent,
      ),
    );
    expect(shown).toEqual(Array.from({ length: count }, (_, n) => `burst ${n}`));
    expect(await b.chat.log.getByText('too fast').count()).toBe(0);
    await expect.poll(() => a.chat.log.getByText('not sent yet').count(), { timeout: 10_000 }).toBe(0);
  }, 90_000);
});
