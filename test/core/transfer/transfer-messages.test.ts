import { describe, expect, test } from 'vitest';
import {
  FAILURE_REASONS,
  isTransferMessageType,
  MAX_FILE_NAME_CHARS,
  parseTransferMessage,
  type TransferMessage,
} from '../../../src/core/transfer/transfer-messages.ts';

/** As the control channel delivers them: JSON text, parsed, then validated. */
function parse(message: unknown): ReturnType<typeof parseTransferMessage> {
  return parseTransferMessage(JSON.parse(JSON.stringify(message)) as Record<string, unknown>);
}

describe('transfer control messages', () => {
  test('every message round-trips through JSON', () => {
    const id = crypto.randomUUID();
    const messages: TransferMessage[] = [
      { type: 'file-offer', id, name: 'Ünïcødé 📷.jpg', size: 5 * 2 ** 40, mimeType: 'image/jpeg' },
      { type: 'file-offer', id, name: 'empty', size: 0, mimeType: '' },
      { type: 'file-accept', id, resumeFrom: 0 },
      { type: 'file-accept', id, resumeFrom: 1234 },
      { type: 'file-decline', id },
      { type: 'file-cancel', id },
      ...FAILURE_REASONS.map((reason): TransferMessage => ({ type: 'file-failed', id, reason })),
      { type: 'file-verified', id },
    ];
    for (const message of messages) expect(parse(message)).toEqual({ ok: true, value: message });
  });

  test('extra fields from a newer peer are dropped', () => {
    expect(parse({ type: 'file-cancel', id: 'a', why: 'bored' })).toEqual({ ok: true, value: { type: 'file-cancel', id: 'a' } });
  });

  test('anything malformed is refused with a reason, never thrown', () => {
    const bad: Record<string, unknown>[] = [
      { type: 'chat', id: 'a' },
      { type: 'file-cancel' },
      { type: 'file-cancel', id: '' },
      { type: 'file-cancel', id: 'x'.repeat(65) },
      { type: 'file-cancel', id: 'a b' },
      { type: 'file-cancel', id: 'a/../b' },
      { type: 'file-cancel', id: 7 },
      { type: 'file-offer', id: 'a', name: '', size: 1, mimeType: '' },
      { type: 'file-offer', id: 'a', name: 'n'.repeat(MAX_FILE_NAME_CHARS + 1), size: 1, mimeType: '' },
      { type: 'file-offer', id: 'a', name: 'n', size: -1, mimeType: '' },
      { type: 'file-offer', id: 'a', name: 'n', size: 1.5, mimeType: '' },
      { type: 'file-offer', id: 'a', name: 'n', size: 2 ** 53, mimeType: '' },
      { type: 'file-offer', id: 'a', name: 'n', size: '1', mimeType: '' },
      { type: 'file-offer', id: 'a', name: 'n', size: 1 },
      { type: 'file-offer', id: 'a', name: 'n', size: 1, mimeType: 't'.repeat(256) },
      { type: 'file-accept', id: 'a' },
      { type: 'file-accept', id: 'a', resumeFrom: -5 },
      { type: 'file-accept', id: 'a', resumeFrom: null },
      { type: 'file-failed', id: 'a' },
      { type: 'file-failed', id: 'a', reason: 'because' },
      { type: 'file-failed', id: 'a', reason: 'toString' },
    ];
    for (const record of bad) {
      const parsed = parseTransferMessage(record);
      expect(parsed.ok, JSON.stringify(record)).toBe(false);
      expect(parsed.ok || parsed.error.length > 0).toBe(true);
    }
  });

  test('isTransferMessageType tells the control channel which parser to use', () => {
    expect(isTransferMessageType('file-offer')).toBe(true);
    expect(isTransferMessageType('chat')).toBe(false);
    expect(isTransferMessageType(undefined)).toBe(false);
  });
});
