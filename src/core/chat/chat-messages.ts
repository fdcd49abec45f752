import type { UncheckedMessage } from '../channel/control-messages.ts';
import { err, ok, type Result } from '../util/result.ts';

/** Longest chat message accepted; far below every browser's max-message-size (16 KiB safe). */
export const MAX_CHAT_CHARS = 4000;
const MAX_ID_CHARS = 64;

export interface ChatMessage {
  readonly type: 'chat';
  readonly id: string;
  readonly text: string;
  readonly sentAt: number;
}

/** The receiver's word that a chat message arrived; until then the sender keeps it to send again. */
export interface ChatAckMessage {
  readonly type: 'chat-ack';
  readonly id: string;
}

const isChatId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_CHARS;

export function parseChatAck(message: UncheckedMessage): Result<ChatAckMessage, string> {
  const { type, id } = message;
  if (type !== 'chat-ack') return err('not a chat acknowledgement');
  if (!isChatId(id)) return err('bad chat id');
  return ok({ type, id });
}

export function parseChatMessage(message: UncheckedMessage): Result<ChatMessage, string> {
  const { type, id, text, sentAt } = message;
  if (type !== 'chat') return err('not a chat message');
  if (!isChatId(id)) return err('bad chat id');
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_CHAT_CHARS) return err('bad chat text');
  if (typeof sentAt !== 'number' || !Number.isFinite(sentAt)) return err('bad chat time');
  return ok({ type, id, text, sentAt });
}
