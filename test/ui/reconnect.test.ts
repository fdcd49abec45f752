// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { P2pApp } from '../../src/ui/p2p-app.ts';
import type { LinkedPeerConnection } from '../helpers/linked-peer-connection.ts';
import { codeShown, connectTwoPages, paste, status, until } from './app-page.ts';
import { allByRole, button, buttonNames, getByRole, pressEnter, type, visibleText } from './mount.ts';

/** A lost link is not a lost conversation: both pages offer Reconnect, and one exchange continues it. */

const messages = (page: HTMLElement) => allByRole(getByRole(page, 'log', 'Chat messages'), 'listitem').map(visibleText);
const texts = (page: HTMLElement) =>
  allByRole(getByRole(page, 'log', 'Chat messages'), 'listitem').map((item) => item.querySelector('.text')?.textContent);
const messageBox = (page: HTMLElement) => getByRole(page, 'textbox', 'Message') as HTMLInputElement;

function say(page: HTMLElement, text: string): void {
  type(messageBox(page), text);
  pressEnter(messageBox(page));
}

/** The network drops for good on both sides, as ICE reports after a long outage. */
async function loseLink(...pages: HTMLElement[]): Promise<void> {
  for (const page of pages) ((page as P2pApp).app!.session.connection as unknown as LinkedPeerConnection).network('failed');
  for (const page of pages) await until(page, () => expect(status(page)).toMatch(/^Connection failed/));
}

describe('reconnect', () => {
  test('both pages offer Reconnect and keep the chat writable; the message typed meanwhile arrives once', async () => {
    const { a, b } = await connectTwoPages();
    say(a, 'before the outage');
    await until(b, () => expect(messages(b)).toHaveLength(1));
    await loseLink(a, b);
    for (const page of [a, b]) {
      expect(buttonNames(page)).toContain('Reconnect');
      expect(buttonNames(page)).not.toContain('Create offer');
      expect(messageBox(page).disabled).toBe(false);
    }
    say(a, 'typed while down');
    await until(a, () => expect(messages(a)[1]).toMatch(/· not sent yet typed while down$/)); // rendered at the next frame

    button(b, 'Reconnect').click();
    await until(b, () => expect(status(b)).toMatch(/^Offer ready\./));
    await paste(a, codeShown(b, 'Offer'));
    await until(a, () => expect(status(a)).toMatch(/^Answer ready\./));
    await paste(b, codeShown(a, 'Answer'));
    await until(b, () => expect([status(a), status(b)]).toEqual(['Connected', 'Connected']));
    await until(b, () => expect(messages(b)).toHaveLength(2));
    expect(texts(b)).toEqual(['before the outage', 'typed while down']);
    await until(a, () => expect(messages(a).some((item) => item.includes('not sent yet'))).toBe(false));
    for (const page of [a, b]) expect(visibleText(page)).toContain('Reconnected: the conversation goes on where it stopped.');
  });

  test('after New session on one page, the other page’s Reconnect starts a new conversation', async () => {
    const { a, b } = await connectTwoPages();
    say(a, 'old conversation');
    await until(b, () => expect(messages(b)).toHaveLength(1));
    await loseLink(a, b);
    button(b, 'New session').click();
    await until(b, () => expect(status(b)).toMatch(/^Ready\./));
    button(a, 'Reconnect').click();
    await until(a, () => expect(status(a)).toMatch(/^Offer ready\./));
    await paste(b, codeShown(a, 'Offer'));
    await until(b, () => expect(status(b)).toMatch(/^Answer ready\./));
    await paste(a, codeShown(b, 'Answer'));
    await until(a, () => expect([status(a), status(b)]).toEqual(['Connected', 'Connected']));
    await until(a, () => expect(visibleText(getByRole(a, 'log', 'Chat messages'))).toBe('No messages yet.'));
    expect(visibleText(a)).not.toContain('Reconnected');
  });
});
