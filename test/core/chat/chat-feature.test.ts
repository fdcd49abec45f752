import { describe, expect, test } from 'vitest';
import type { ControlMessage } from '../../../src/core/channel/control-messages.ts';
import { ChatFeature } from '../../../src/core/chat/chat-feature.ts';
import { MAX_CHAT_CHARS } from '../../../src/core/chat/chat-messages.ts';
import type { FeatureLink } from '../../../src/core/session/feature.ts';

function fakeLink(state: { connected: boolean; open: boolean }): FeatureLink & { sent: ControlMessage[] } {
  const sent: ControlMessage[] = [];
  return {
    pc: {} as RTCPeerConnection,
    polite: false,
    sent,
    connected: () => state.connected,
    send: (message) => state.open && sent.push(message) > 0,
  };
}

describe('ChatFeature', () => {
  test('sends trimmed text on the link and logs it as mine; what arrives is logged as theirs', () => {
    const chat = new ChatFeature(() => 'id-1');
    const link = fakeLink({ connected: true, open: true });
    let changes = 0;
    chat.addEventListener('change', () => changes++);
    chat.attach(link);
    const sent = chat.send('  hello  ');
    expect(sent.ok && sent.value).toMatchObject({ id: 'id-1', from: 'mine', text: 'hello' });
    expect(link.sent).toEqual([{ type: 'chat', id: 'id-1', text: 'hello', sentAt: expect.any(Number) }]);
    chat.handle({ type: 'chat', id: 'x', text: 'hi back', sentAt: 1 });
    expect(chat.entries.map((entry) => [entry.from, entry.text])).toEqual([
      ['mine', 'hello'],
      ['theirs', 'hi back'],
    ]);
    expect(changes).toBe(2);
  });

  test('refuses what it cannot send, and logs nothing then', () => {
    const state = { connected: true, open: true };
    const chat = new ChatFeature();
    expect(chat.send('before the link')).toEqual({ ok: false, error: 'not-connected' });
    chat.attach(fakeLink(state));
    expect(chat.send('   ')).toEqual({ ok: false, error: 'empty' });
    expect(chat.send('x'.repeat(MAX_CHAT_CHARS + 1))).toEqual({ ok: false, error: 'too-long' });
    state.connected = false; // interrupted: the channel is open, but the message might never arrive
    expect(chat.send('during the outage')).toEqual({ ok: false, error: 'not-connected' });
    state.connected = true;
    state.open = false;
    expect(chat.send('channel gone')).toEqual({ ok: false, error: 'not-connected' });
    chat.detach();
    expect(chat.send('after the link')).toEqual({ ok: false, error: 'not-connected' });
    expect(chat.entries).toEqual([]);
  });

  test('malformed messages from the peer are dropped; the log outlives the link until reset', () => {
    const chat = new ChatFeature();
    chat.attach(fakeLink({ connected: true, open: true }));
    chat.handle({ type: 'chat', id: '', text: 'no id', sentAt: 1 });
    chat.handle({ type: 'chat', id: 'a', text: 'ok', sentAt: 1 });
    chat.detach();
    expect(chat.entries.map((entry) => entry.text)).toEqual(['ok']);
    chat.reset();
    expect(chat.entries).toEqual([]);
  });
});
