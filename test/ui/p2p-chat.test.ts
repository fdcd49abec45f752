// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import '../../src/ui/components/p2p-chat.ts';
import type { ChatEntry } from '../../src/core/chat/chat-feature.ts';
import { allByRole, button, getByRole, mount, recordEvents, settled, type, visibleText } from './mount.ts';

const AT = Date.UTC(2025, 0, 1, 12, 0, 0);
const entries: ChatEntry[] = [
  { id: '1', from: 'mine', text: 'hello there', at: AT },
  { id: '1', from: 'theirs', text: 'hi back', at: AT + 1000 },
];

function compose(chat: HTMLElement, text: string): void {
  type(getByRole(chat, 'textbox', 'Message') as HTMLInputElement, text);
  button(chat, 'Send').click();
}

describe('p2p-chat', () => {
  test('an empty log says so, and the composer is ready', async () => {
    const chat = await mount('p2p-chat');
    expect(visibleText(getByRole(chat, 'log', 'Chat messages'))).toBe('No messages yet.');
    expect((getByRole(chat, 'textbox', 'Message') as HTMLInputElement).disabled).toBe(false);
    expect(button(chat, 'Send').disabled).toBe(false);
  });

  test('lists each message with who sent it, in order', async () => {
    const chat = await mount('p2p-chat', { entries });
    const items = allByRole(getByRole(chat, 'log', 'Chat messages'), 'listitem').map(visibleText);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^You · .+ hello there$/);
    expect(items[1]).toMatch(/^Them · .+ hi back$/);
    expect(visibleText(chat)).not.toContain('No messages yet.');
  });

  test('an own message not sent yet says so; sent and delivered ones carry no mark', async () => {
    const pending: ChatEntry[] = [
      { id: 'a', from: 'mine', text: 'queued one', at: AT, delivery: 'queued' },
      { id: 'b', from: 'mine', text: 'on its way', at: AT, delivery: 'sent' },
      { id: 'c', from: 'mine', text: 'arrived', at: AT, delivery: 'delivered' },
    ];
    const chat = await mount('p2p-chat', { entries: pending });
    const items = allByRole(getByRole(chat, 'log', 'Chat messages'), 'listitem').map(visibleText);
    expect(items[0]).toMatch(/^You · .+ · not sent yet queued one$/);
    expect(items.slice(1).some((item) => item.includes('not sent yet'))).toBe(false);
  });

  test('Send fires p2p-chat-send with the typed text and empties the box', async () => {
    const sent = recordEvents('p2p-chat-send');
    const chat = await mount('p2p-chat');
    compose(chat, 'see you at 5');
    expect(sent).toEqual([{ text: 'see you at 5' }]);
    expect((getByRole(chat, 'textbox', 'Message') as HTMLInputElement).value).toBe('');
  });

  test('blank text is not sent', async () => {
    const sent = recordEvents('p2p-chat-send');
    const chat = await mount('p2p-chat');
    compose(chat, '   ');
    expect(sent).toEqual([]);
  });

  test('a new entries list re-renders the log', async () => {
    const chat = await mount('p2p-chat', { entries: entries.slice(0, 1) });
    chat.entries = entries;
    await settled(chat);
    expect(allByRole(chat, 'listitem').map(visibleText).at(-1)).toMatch(/hi back$/);
  });

  test('disabled: neither the box nor Send can be used', async () => {
    const chat = await mount('p2p-chat', { disabled: true });
    expect((getByRole(chat, 'textbox', 'Message') as HTMLInputElement).disabled).toBe(true);
    expect(button(chat, 'Send').disabled).toBe(true);
  });
});
