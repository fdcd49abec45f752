import { err, ok, type Result } from '../util/result.ts';

/** Longest chat message accepted; far below every browser's max-message-size (16 KiB safe). */
export const MAX_CHAT_CHARS = 4000;

export type ControlMessage =
  | { readonly type: 'chat'; readonly id: string; readonly text: string; readonly sentAt: number }
  | { readonly type: 'bye' };

export function encodeControlMessage(message: ControlMessage): string {
  return JSON.stringify(message);
}

/** Validates a message from the peer; the peer's page may be older, newer or hostile. */
export function parseControlMessage(data: unknown): Result<ControlMessage, string> {
  if (typeof data !== 'string' || data.length > 4 * MAX_CHAT_CHARS + 200) return err('not a text message');
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return err('not JSON');
  }
  if (typeof value !== 'object' || value === null) return err('not an object');
  const record = value as Record<string, unknown>;
  switch (record['type']) {
    case 'chat': {
      const { id, text, sentAt } = record;
      if (typeof id !== 'string' || id.length === 0 || id.length > 64) return err('bad chat id');
      if (typeof text !== 'string' || text.length === 0 || text.length > MAX_CHAT_CHARS) return err('bad chat text');
      if (typeof sentAt !== 'number' || !Number.isFinite(sentAt)) return err('bad chat time');
      return ok({ type: 'chat', id, text, sentAt });
    }
    case 'bye':
      return ok({ type: 'bye' });
    default:
      return err('unknown message type');
  }
}
