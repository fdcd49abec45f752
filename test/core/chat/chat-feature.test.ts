import { describe, expect, onTestFinished, test, vi } from 'vitest';
import type { ControlMessage, UncheckedMessage } from '../../../src/core/channel/control-messages.ts';
import { ChatFeature } from '../../../src/core/chat/chat-feature.ts';
import { CHAT_RETRY_MS } from '../../../src/core/chat/chat-limits.ts';
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

/** Hands what one side sent to the other, as the control channel would. */
function deliver(from: { sent: ControlMessage[] }, to: ChatFeature): void {
  for (const message of from.sent.splice(0)) to.handle(message as UncheckedMessage);
}

const deliveries = (chat: ChatFeature) => chat.entries.map((entry) => `${entry.text}:${entry.delivery ?? entry.from}`);

describe('ChatFeature', () => {
  test('sends trimmed text on the link; the other side logs it, acknowledges it, and it shows as delivered', () => {
    const [a, b] = [new ChatFeature(() => 'id-1'), new ChatFeature()];
    const [toB, toA] = [fakeLink({ connected: true, open: true }), fakeLink({ connected: true, open: true })];
    a.attach(toB);
    b.attach(toA);
    let changes = 0;
    a.addEventListener('change', () => changes++);
    const sent = a.send('  hello  ');
    expect(sent.ok && sent.value).toMatchObject({ id: 'id-1', from: 'mine', text: 'hello', delivery: 'sent' });
    expect(toB.sent).toEqual([{ type: 'chat', id: 'id-1', text: 'hello', sentAt: expect.any(Number) }]);
    deliver(toB, b);
    expect(b.entries.map((entry) => [entry.from, entry.text])).toEqual([['theirs', 'hello']]);
    expect(toA.sent).toEqual([{ type: 'chat-ack', id: 'id-1' }]);
    deliver(toA, a);
    expect(deliveries(a)).toEqual(['hello:delivered']);
    expect(changes).toBe(2);
  });

  test('refuses empty and over-long text, and anything before the first link or after New session', () => {
    const chat = new ChatFeature();
    expect(chat.send('before the link')).toEqual({ ok: false, error: 'not-connected' });
    chat.attach(fakeLink({ connected: true, open: true }));
    expect(chat.send('   ')).toEqual({ ok: false, error: 'empty' });
    expect(chat.send('x'.repeat(MAX_CHAT_CHARS + 1))).toEqual({ ok: false, error: 'too-long' });
    chat.reset();
    expect(chat.send('after New session')).toEqual({ ok: false, error: 'not-connected' });
    expect(chat.entries).toEqual([]);
  });

  test('while the link is interrupted or gone, messages are kept as not sent yet, and go once it works again', () => {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const state = { connected: false, open: true };
    const chat = new ChatFeature();
    const link = fakeLink(state);
    chat.attach(link);
    chat.resume('first');
    chat.send('during the outage'); // an interrupted link may deliver late, all at once, or never: it waits
    expect(link.sent).toHaveLength(0);
    state.connected = true;
    vi.advanceTimersByTime(CHAT_RETRY_MS);
    expect(link.sent.map((message) => (message as UncheckedMessage)['text'])).toEqual(['during the outage']);
    expect(deliveries(chat)).toEqual(['during the outage:sent']);
    state.open = false;
    chat.send('channel gone');
    chat.detach();
    let changes = 0;
    chat.addEventListener('change', () => changes++);
    chat.send('after the link');
    expect(changes).toBe(1);
    expect(deliveries(chat)).toEqual(['during the outage:queued', 'channel gone:queued', 'after the link:queued']);
    expect(link.sent).toHaveLength(1);
  });

  test('a reconnect of the same conversation sends again what was not acknowledged, and each arrives once', () => {
    const [a, b] = [new ChatFeature(), new ChatFeature()];
    const first = { toB: fakeLink({ connected: true, open: true }), toA: fakeLink({ connected: true, open: true }) };
    a.attach(first.toB);
    b.attach(first.toA);
    a.send('arrived, ack lost');
    deliver(first.toB, b);
    first.toA.sent.splice(0); // the acknowledgement dies with the link
    a.send('lost with the link');
    first.toB.sent.splice(0);
    a.detach();
    b.detach();
    a.send('typed while down');
    expect(deliveries(a)).toEqual(['arrived, ack lost:queued', 'lost with the link:queued', 'typed while down:queued']);

    const second = { toB: fakeLink({ connected: true, open: true }), toA: fakeLink({ connected: true, open: true }) };
    a.attach(second.toB);
    b.attach(second.toA);
    a.resume('continued');
    b.resume('continued');
    expect(second.toB.sent.map((message) => (message as UncheckedMessage)['text'])).toEqual([
      'arrived, ack lost',
      'lost with the link',
      'typed while down',
    ]);
    deliver(second.toB, b);
    deliver(second.toA, a);
    expect(b.entries.map((entry) => entry.text)).toEqual(['arrived, ack lost', 'lost with the link', 'typed while down']);
    expect(deliveries(a)).toEqual(['arrived, ack lost:delivered', 'lost with the link:delivered', 'typed while down:delivered']);
  });

  test('a first link sends nothing again; malformed messages are dropped; the log outlives the link until reset', () => {
    const chat = new ChatFeature();
    const link = fakeLink({ connected: true, open: true });
    chat.attach(link);
    chat.resume('first');
    expect(link.sent).toEqual([]);
    chat.handle({ type: 'chat', id: '', text: 'no id', sentAt: 1 });
    chat.handle({ type: 'chat-ack', id: 7 });
    chat.handle({ type: 'chat', id: 'a', text: 'ok', sentAt: 1 });
    chat.detach();
    expect(chat.entries.map((entry) => entry.text)).toEqual(['ok']);
    chat.reset();
    expect(chat.entries).toEqual([]);
  });
});
