import { describe, expect, test } from 'vitest';
import { encodeControlMessage, parseEnvelope, type UncheckedMessage } from '../../../src/core/channel/control-messages.ts';
import { ChatFeature } from '../../../src/core/chat/chat-feature.ts';
import { MAX_CHAT_CHARS, parseChatAck, parseChatMessage } from '../../../src/core/chat/chat-messages.ts';
import { parseCallMessage } from '../../../src/core/media/call-messages.ts';
import { parseNegotiationMessage } from '../../../src/core/media/negotiation-messages.ts';
import { Conversation } from '../../../src/core/session/conversation.ts';
import { MessageRouter } from '../../../src/core/session/message-router.ts';
import { parseTransferMessage } from '../../../src/core/transfer/transfer-messages.ts';
import { prng } from '../transfer/fixtures.ts';

const CASES = 20_000;

/** One honest message of every kind the control channel carries. */
const HONEST: readonly Record<string, unknown>[] = [
  { type: 'chat', id: 'c1', text: 'hello', sentAt: 1_767_225_600_000 },
  { type: 'chat-ack', id: 'c1' },
  { type: 'hello', conversation: null, fresh: 'f1' },
  { type: 'hello', conversation: 'k1', fresh: 'f2' },
  { type: 'bye' },
  { type: 'media-state', audio: true, video: false, screen: false },
  { type: 'hang-up' },
  { type: 'description', description: { type: 'offer', sdp: 'v=0\r\n' } },
  { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 192.0.2.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0 } },
  { type: 'file-offer', id: 'f-1', name: 'a.txt', size: 3, mimeType: 'text/plain' },
  { type: 'file-accept', id: 'f-1', resumeFrom: 0 },
  { type: 'file-failed', id: 'f-1', reason: 'digest-mismatch' },
];

/** Values a hostile page may put anywhere: wrong types, edges, deep nesting, prototype keys. */
function oddValue(random: () => number, depth = 0): unknown {
  const at = (n: number) => Math.floor(random() * n);
  const picks: (() => unknown)[] = [
    () => null,
    () => true,
    () => at(2 ** 31) - 2 ** 30,
    () => [0, -0, 1e308, -1e308, 2 ** 53 + 1, 0.5, -1][at(7)],
    () => '',
    () => 'x'.repeat([1, 64, 65, MAX_CHAT_CHARS, MAX_CHAT_CHARS + 1][at(5)]!),
    () => String.fromCharCode(...Array.from({ length: at(20) }, () => at(0x10000))),
    () => ['__proto__', 'constructor', 'toString', '<script>', '\u202e', '\0'][at(6)],
    () => (depth > 3 ? [] : Array.from({ length: at(4) }, () => oddValue(random, depth + 1))),
    () => (depth > 3 ? {} : Object.fromEntries(Array.from({ length: at(4) }, () => [oddKey(random), oddValue(random, depth + 1)]))),
  ];
  return picks[at(picks.length)]!();
}

const KEYS = ['type', 'id', 'text', 'sentAt', 'conversation', 'fresh', 'audio', 'description', 'candidate', 'sdp', 'name', 'size', 'resumeFrom', 'reason'];
const oddKey = (random: () => number) => (random() < 0.8 ? KEYS[Math.floor(random() * KEYS.length)]! : ['__proto__', 'constructor', ''][Math.floor(random() * 3)]!);

/** An honest message with fields removed, retyped or added, as JSON text; sometimes damaged as text too. */
function mutant(random: () => number): unknown {
  const at = (n: number) => Math.floor(random() * n);
  if (random() < 0.03) return [undefined, 42, new ArrayBuffer(8), new Uint8Array(3), null, {}][at(6)];
  const message: Record<string, unknown> = structuredClone(HONEST[at(HONEST.length)]!);
  for (let n = 1 + at(3); n > 0; n--) {
    // The type is kept more often than not, so that most cases reach an owner's parser.
    const keys = Object.keys(message).filter((key) => key !== 'type' || random() < 0.2);
    const key = random() < 0.8 && keys.length > 0 ? keys[at(keys.length)]! : oddKey(random);
    if (random() < 0.2) delete message[key];
    else message[key] = oddValue(random);
  }
  let text = random() < 0.5 ? encodeControlMessage(message as UncheckedMessage) : JSON.stringify(message);
  if (random() < 0.25) {
    const i = at(text.length + 1);
    text = [text.slice(0, i), text.slice(0, i) + '"}' + text.slice(i), text.slice(0, i) + text.slice(i + 1), text.replace(/"/g, "'")][at(4)]!;
  }
  return text;
}

describe('control message fuzz', () => {
  test(`${CASES} damaged messages through the envelope, every parser, the chat and the hello: no throw, nothing invalid accepted`, () => {
    const random = prng(0xc0de);
    const chat = new ChatFeature();
    const acks: unknown[] = [];
    chat.attach({ pc: {} as RTCPeerConnection, polite: false, connected: () => true, send: (message) => acks.push(message) > 0 });
    const router = new MessageRouter([chat]);
    const conversation = new Conversation();
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    const thrown: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const data = mutant(random);
      try {
        const envelope = parseEnvelope(data);
        if (!envelope.ok) {
          count('envelope refused');
          continue;
        }
        const message = envelope.value;
        const parsed = [parseChatMessage, parseChatAck, parseCallMessage, parseNegotiationMessage, parseTransferMessage].map((parse) => parse(message));
        for (const result of parsed) expect(typeof result.ok).toBe('boolean');
        const accepted = parsed.filter((result) => result.ok).length;
        expect(accepted).toBeLessThanOrEqual(1); // one owner at most
        count(accepted === 1 ? `accepted ${message.type}` : 'refused by owner');
        const chatMessage = parseChatMessage(message);
        if (chatMessage.ok) {
          const { id, text, sentAt } = chatMessage.value;
          expect(id.length > 0 && id.length <= 64 && text.length > 0 && text.length <= MAX_CHAT_CHARS && Number.isFinite(sentAt)).toBe(true);
        }
        router.route(message);
        conversation.greet({ polite: random() < 0.5, send: () => true });
        conversation.receive(message);
      } catch (error) {
        thrown.push(`${String(data).slice(0, 120)}: ${String(error)}`);
      }
    }
    expect(thrown).toEqual([]);
    expect(CASES - (outcomes.get('envelope refused') ?? 0)).toBeGreaterThan(10_000);
    // The mutations reach the envelope's refusals, every owner's refusals and acceptances alike.
    for (const key of ['envelope refused', 'refused by owner', 'accepted chat', 'accepted chat-ack', 'accepted media-state', 'accepted candidate', 'accepted file-offer']) {
      expect(outcomes.get(key) ?? 0, key).toBeGreaterThan(20);
    }
    // Whatever got through, the chat stayed within its bounds and every entry is plain text.
    expect(chat.entries.every((entry) => typeof entry.text === 'string' && entry.text.length <= MAX_CHAT_CHARS)).toBe(true);
  });
});
