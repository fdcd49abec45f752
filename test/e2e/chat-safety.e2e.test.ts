import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
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
});
