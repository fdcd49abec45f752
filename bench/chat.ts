/**
 * npm run bench:chat — the chat's core against a peer that sends much, in Node (no browser): the
 * cost of 60,000 messages of 4,000 characters and the heap they leave, a flood of 10,000 a second
 * for 5 s, and a reconnect that sends 5,000 unacknowledged messages again. The page's rendering is
 * measured in the browser by bench:hostile.
 */
import { encodeControlMessage, parseEnvelope, type UncheckedMessage } from '../src/core/channel/control-messages.ts';
import { ChatFeature } from '../src/core/chat/chat-feature.ts';
import { CHAT_HISTORY_CAP, CHAT_PEER_RATE_PER_SECOND } from '../src/core/chat/chat-limits.ts';
import type { FeatureLink } from '../src/core/session/feature.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const heapMiB = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const link = (): FeatureLink => ({ pc: {} as RTCPeerConnection, polite: false, connected: () => true, send: () => true });
/** Through the envelope as from the channel, so every text is its own string, as on the page. */
const message = (id: string, text: string): UncheckedMessage => {
  const parsed = parseEnvelope(encodeControlMessage({ type: 'chat', id, text, sentAt: 0 } as UncheckedMessage));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

function history(): void {
  let clock = 0;
  const chat = new ChatFeature(undefined, () => clock);
  chat.attach(link());
  const text = ' '.padEnd(4000 - 6, 'x'); // with the number in front: 4,000 characters at most
  const before = heapMiB();
  let started = performance.now();
  let lastTenThousand = 0;
  for (let n = 0; n < 60_000; n++) {
    if (n === 50_000) started = performance.now();
    clock += 1000 / CHAT_PEER_RATE_PER_SECOND;
    chat.handle(message(`m${n}`, `${n}${text}`));
    void chat.entries; // what the element reads, as if every message had its own frame
  }
  lastTenThousand = performance.now() - started;
  console.log(
    `60,000 messages of 4,000 chars: last 10,000 in ${lastTenThousand.toFixed(0)} ms (entries read after each), ` +
      `${chat.entries.length} kept (cap ${CHAT_HISTORY_CAP}), ${chat.removed} removed, heap +${(heapMiB() - before).toFixed(1)} MiB${gc ? '' : ' (no --expose-gc)'}`,
  );
  chat.reset();
}

function flood(): void {
  let clock = 0;
  const chat = new ChatFeature(undefined, () => clock);
  chat.attach(link());
  const started = performance.now();
  for (let n = 0; n < 50_000; n++) {
    clock += 0.1;
    chat.handle(message(`f${n}`, 'flood'));
  }
  const ms = performance.now() - started;
  console.log(`flood, 10,000 a second for 5 s: ${chat.entries.length} shown, ${chat.refused} refused, ${((ms / 50_000) * 1000).toFixed(2)} µs a message`);
  chat.reset();
}

function resume(): void {
  const chat = new ChatFeature();
  chat.attach(link());
  chat.resume('first');
  chat.detach();
  for (let n = 0; n < 5_000; n++) chat.send(`typed while down ${n}`);
  const started = performance.now();
  chat.attach(link());
  chat.resume('continued');
  chat.detach();
  console.log(`reconnect with 5,000 unacknowledged: resume and detach in ${(performance.now() - started).toFixed(1)} ms`);
  chat.reset();
}

history();
flood();
resume();
