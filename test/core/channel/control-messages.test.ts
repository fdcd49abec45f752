import { describe, expect, test } from 'vitest';
import { encodeControlMessage, MAX_CHAT_CHARS, parseControlMessage } from '../../../src/core/channel/control-messages.ts';

describe('control messages', () => {
  test('round-trip', () => {
    const chat = { type: 'chat', id: 'a1', text: 'hi', sentAt: 1 } as const;
    expect(parseControlMessage(encodeControlMessage(chat))).toEqual({ ok: true, value: chat });
    expect(parseControlMessage(encodeControlMessage({ type: 'bye' }))).toEqual({ ok: true, value: { type: 'bye' } });
  });

  test('anything malformed from the peer is refused, never thrown', () => {
    const bad: unknown[] = [
      42,
      new ArrayBuffer(4),
      'not json',
      'null',
      '[]',
      '{"type":"chat"}',
      '{"type":"chat","id":"x","text":"","sentAt":1}',
      JSON.stringify({ type: 'chat', id: 'x', text: 'y'.repeat(MAX_CHAT_CHARS + 1), sentAt: 1 }),
      '{"type":"chat","id":"x","text":"y","sentAt":"now"}',
      '{"type":"launch-missiles"}',
    ];
    for (const data of bad) expect(parseControlMessage(data).ok).toBe(false);
  });
});
