import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ControlMessage, UncheckedMessage } from '../../../src/core/channel/control-messages.ts';
import { ChatFeature } from '../../../src/core/chat/chat-feature.ts';
import {
  CHAT_HISTORY_CAP,
  CHAT_PEER_BURST,
  CHAT_PEER_RATE_PER_SECOND,
  CHAT_RESEND_AFTER_MS,
} from '../../../src/core/chat/chat-limits.ts';
import type { FeatureLink } from '../../../src/core/session/feature.ts';

beforeEach(() => void vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) }));
afterEach(() => void vi.useRealTimers());

type Wire = FeatureLink & { sent: ControlMessage[]; up: boolean };

function wire(): Wire {
  const sent: ControlMessage[] = [];
  const link: Wire = {
    pc: {} as RTCPeerConnection,
    polite: false,
    sent,
    up: true,
    connected: () => link.up,
    send: (message) => link.up && sent.push(message) > 0,
  };
  return link;
}

let ids = 0;
const chat = () => new ChatFeature(() => `id-${++ids}`, () => Date.now());

/** Two chats on one link; `run` lets time pass in 50 ms steps, delivering what each side sent. */
function pair(a = chat(), b = chat()) {
  const toB = wire();
  const toA = wire();
  const link = (outcome: 'first' | 'continued') => {
    a.attach(toB);
    b.attach(toA);
    a.resume(outcome);
    b.resume(outcome);
  };
  const pump = () => {
    while (toB.sent.length + toA.sent.length > 0) {
      for (const message of toB.sent.splice(0)) b.handle(message as UncheckedMessage);
      for (const message of toA.sent.splice(0)) a.handle(message as UncheckedMessage);
    }
  };
  const run = (ms: number) => {
    pump();
    for (let t = 0; t < ms; t += 50) {
      vi.advanceTimersByTime(50);
      pump();
    }
  };
  link('first');
  return { a, b, toA, toB, link, pump, run };
}

/** A raw message from a peer page that does not run our code. */
const raw = (id: string, text = `message ${id}`): UncheckedMessage => ({ type: 'chat', id, text, sentAt: Date.now() });
const texts = (feature: ChatFeature) => feature.entries.map((entry) => entry.text);

describe('chat history bound', () => {
  test('60,000 messages of 4,000 characters: never more than the cap kept, the newest in order, the rest counted', () => {
    const victim = chat();
    const link = wire();
    victim.attach(link);
    victim.resume('first');
    let longest = 0;
    for (let n = 0; n < 60_000; n++) {
      vi.advanceTimersByTime(1000 / CHAT_PEER_RATE_PER_SECOND); // the highest rate the limit lets through
      victim.handle(raw(`m${n}`, `${n} `.padEnd(4000, 'x')));
      if (n % 10 === 0) victim.send(`own ${n}`);
      if (n % 997 === 0) longest = Math.max(longest, victim.entries.length);
    }
    expect(longest).toBe(CHAT_HISTORY_CAP);
    expect(victim.entries).toHaveLength(CHAT_HISTORY_CAP);
    expect(victim.refused).toBe(0);
    expect(victim.removed).toBe(60_000 + 6_000 - CHAT_HISTORY_CAP);
    const last = victim.entries.at(-1)!;
    expect(last.text.startsWith('59999 ')).toBe(true);
    // Kept in arrival order: the theirs entries count up without a gap.
    const numbers = victim.entries.filter((entry) => entry.from === 'theirs').map((entry) => Number(entry.text.split(' ')[0]));
    expect(numbers.every((value, at) => at === 0 || value === numbers[at - 1]! + 1)).toBe(true);
  });

  test('the removed count is exact across a mix of both sides, and New session starts it again', () => {
    const { a, b, run } = pair();
    for (let n = 0; n < 300; n++) {
      a.send(`a${n}`);
      b.send(`b${n}`);
      run(200);
    }
    expect(a.entries).toHaveLength(CHAT_HISTORY_CAP);
    expect(a.removed).toBe(600 - CHAT_HISTORY_CAP);
    expect(texts(a).slice(0, 2)).toEqual(['a50', 'b50']);
    expect(a.entries.every((entry) => entry.from === 'theirs' || entry.delivery === 'delivered')).toBe(true);
    a.reset();
    expect([a.entries.length, a.removed, a.refused]).toEqual([0, 0, 0]);
  });

  test('a message trimmed away before its acknowledgement: the late ack changes nothing, and it is not sent again', () => {
    const { a, toB } = pair();
    const first = a.send('first of many');
    const firstId = first.ok ? first.value.id : '';
    toB.sent.length = 0; // on its way
    for (let n = 0; n < CHAT_HISTORY_CAP; n++) {
      vi.advanceTimersByTime(50);
      a.handle(raw(`x${n}`));
    }
    expect(texts(a)).not.toContain('first of many');
    expect(toB.sent.filter((message) => message.type === 'chat').length).toBeGreaterThan(1); // unanswered, so sent again
    toB.sent.length = 0;
    let changes = 0;
    a.addEventListener('change', () => changes++);
    a.handle({ type: 'chat-ack', id: firstId });
    expect(changes).toBe(0);
    vi.advanceTimersByTime(20 * CHAT_RESEND_AFTER_MS);
    expect(toB.sent.filter((message) => message.type === 'chat')).toEqual([]);
  });
});

describe('rate limit on the peer’s messages', () => {
  test('an honest peer at the full rate passes untouched', () => {
    const victim = chat();
    const link = wire();
    victim.attach(link);
    for (let n = 0; n < 2_000; n++) {
      vi.advanceTimersByTime(1000 / CHAT_PEER_RATE_PER_SECOND);
      victim.handle(raw(`h${n}`));
    }
    expect(victim.refused).toBe(0);
    expect(link.sent).toHaveLength(2_000); // every one acknowledged
  });

  test('a burst up to the limit passes; a flood of 10,000 a second is cut to the rate, counted, and not acknowledged', () => {
    const victim = chat();
    const link = wire();
    victim.attach(link);
    let changes = 0;
    victim.addEventListener('change', () => changes++);
    for (let n = 0; n < 50_000; n++) {
      if (n % 10 === 0) vi.advanceTimersByTime(1); // 10,000 a second for 5 s
      victim.handle(raw(`f${n}`));
    }
    const accepted = link.sent.length;
    // The burst, plus 20 a second over the 5 s: give or take the first and last token.
    expect(accepted).toBeGreaterThanOrEqual(CHAT_PEER_BURST + 5 * CHAT_PEER_RATE_PER_SECOND - 1);
    expect(accepted).toBeLessThanOrEqual(CHAT_PEER_BURST + 5 * CHAT_PEER_RATE_PER_SECOND + 1);
    expect(victim.refused).toBe(50_000 - accepted);
    expect(victim.entries.length).toBe(Math.min(accepted, CHAT_HISTORY_CAP));
    expect(changes).toBe(50_000); // the element words the count; it batches its renders per frame
    // After the flood the bucket refills: the victim hears the peer again.
    vi.advanceTimersByTime(10_000);
    victim.handle(raw('after the flood'));
    expect(texts(victim).at(-1)).toBe('message after the flood');
  });

  test('an honest device that sends 1,000 messages at once paces itself: all arrive once, in order, none refused', () => {
    const { a, b, run } = pair();
    for (let n = 0; n < 1_000; n++) a.send(`burst ${n}`);
    expect(a.entries.filter((entry) => entry.delivery === 'queued').length).toBeGreaterThan(0);
    run(120_000);
    expect(b.refused).toBe(0);
    expect(b.removed + b.entries.length).toBe(1_000);
    expect(texts(b)).toEqual(Array.from({ length: CHAT_HISTORY_CAP }, (_, n) => `burst ${n + 1_000 - CHAT_HISTORY_CAP}`));
    expect(a.entries.every((entry) => entry.delivery === 'delivered')).toBe(true);
  });

  test('an honest message refused while the receiver was flooded is sent again and arrives once', () => {
    const { a, b, run, toB } = pair();
    for (let n = 0; n < CHAT_PEER_BURST; n++) b.handle(raw(`flood ${n}`)); // someone used up the bucket
    toB.sent.length = 0;
    a.send('honest words');
    run(0);
    expect(b.refused).toBe(1);
    expect(a.entries[0]!.delivery).toBe('sent');
    run(CHAT_RESEND_AFTER_MS + 500);
    expect(texts(b).filter((text) => text === 'honest words')).toHaveLength(1);
    expect(a.entries[0]!.delivery).toBe('delivered');
  });
});

describe('resume and dedupe with the bound', () => {
  test('more than the cap arrived but every acknowledgement was lost: the reconnect sends them all again, each shows once', () => {
    const { a, b, toA, toB, link, run } = pair();
    for (let n = 0; n < 700; n++) a.send(`m${n}`);
    for (let t = 0; t < 120_000; t += 50) {
      vi.advanceTimersByTime(50);
      for (const message of toB.sent.splice(0)) b.handle(message as UncheckedMessage);
      toA.sent.length = 0; // the acknowledgements never arrive
      if (b.entries.length + b.removed === 700) break;
    }
    expect(b.removed + b.entries.length).toBe(700);
    a.detach();
    b.detach();
    expect(a.entries.every((entry) => entry.delivery === 'queued')).toBe(true);
    link('continued');
    run(120_000);
    expect(b.removed + b.entries.length).toBe(700);
    expect(texts(b)).toEqual(Array.from({ length: CHAT_HISTORY_CAP }, (_, n) => `m${n + 200}`));
    expect(a.entries.every((entry) => entry.delivery === 'delivered')).toBe(true);
  });

  test('own messages typed while down that no longer fit the history are still sent on reconnect', () => {
    const { a, b, link, run } = pair();
    a.detach();
    b.detach();
    for (let n = 0; n < 600; n++) a.send(`offline ${n}`);
    expect(a.entries).toHaveLength(CHAT_HISTORY_CAP);
    expect(texts(a)[0]).toBe('offline 100');
    link('continued');
    run(120_000);
    expect(b.entries.length + b.removed).toBe(600);
    expect(texts(b).at(-1)).toBe('offline 599');
  });

  test('a peer resending ids seen long ago: the seen set is bounded, yet a recent resend is still dropped', () => {
    const victim = chat();
    victim.attach(wire());
    for (let n = 0; n < 6_000; n++) {
      vi.advanceTimersByTime(50);
      victim.handle(raw(`s${n}`));
    }
    vi.advanceTimersByTime(50);
    victim.handle(raw('s5999'));
    expect(texts(victim).filter((text) => text === 'message s5999')).toHaveLength(1);
  });
});
