import { describe, expect, test } from 'vitest';
import { encodeControlMessage, parseEnvelope } from '../../../src/core/channel/control-messages.ts';
import { MAX_CHAT_CHARS, parseChatMessage } from '../../../src/core/chat/chat-messages.ts';
import { parseCallMessage } from '../../../src/core/media/call-messages.ts';

function chat(data: unknown) {
  const envelope = parseEnvelope(data);
  return envelope.ok ? parseChatMessage(envelope.value) : envelope;
}

describe('control messages', () => {
  test('round-trip through the envelope and the owner’s parser', () => {
    const message = { type: 'chat', id: 'a1', text: 'hi', sentAt: 1 } as const;
    expect(chat(encodeControlMessage(message))).toEqual({ ok: true, value: message });
    expect(parseEnvelope(encodeControlMessage({ type: 'bye' }))).toEqual({ ok: true, value: { type: 'bye' } });
    const state = { type: 'media-state', audio: true, video: false, screen: false } as const;
    const envelope = parseEnvelope(encodeControlMessage(state));
    expect(envelope.ok && parseCallMessage(envelope.value)).toEqual({ ok: true, value: state });
  });

  test('anything that is not a typed JSON object is refused by the envelope, never thrown', () => {
    const bad: unknown[] = [42, new ArrayBuffer(4), 'not json', 'null', '[]', '"chat"', '{}', '{"type":7}', `{"type":"${'x'.repeat(65)}"}`];
    for (const data of bad) expect(parseEnvelope(data).ok, String(data)).toBe(false);
    expect(parseEnvelope('x'.repeat(81 * 1024)).ok).toBe(false);
  });

  test('malformed chat and call fields are refused by their owners', () => {
    const badChats: unknown[] = [
      '{"type":"chat"}',
      '{"type":"chat","id":"x","text":"","sentAt":1}',
      JSON.stringify({ type: 'chat', id: 'x', text: 'y'.repeat(MAX_CHAT_CHARS + 1), sentAt: 1 }),
      '{"type":"chat","id":"x","text":"y","sentAt":"now"}',
      '{"type":"launch-missiles"}',
    ];
    for (const data of badChats) expect(chat(data).ok, String(data)).toBe(false);
    const envelope = parseEnvelope('{"type":"media-state","audio":"yes","video":false,"screen":false}');
    expect(envelope.ok && parseCallMessage(envelope.value).ok).toBe(false);
  });
});
