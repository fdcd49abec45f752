import { parseNegotiationMessage, type NegotiationMessage } from '../media/negotiation-messages.ts';
import { isTransferMessageType, parseTransferMessage, type TransferMessage } from '../transfer/transfer-messages.ts';
import { err, ok, type Result } from '../util/result.ts';

/** Longest chat message accepted; far below every browser's max-message-size (16 KiB safe). */
export const MAX_CHAT_CHARS = 4000;

/** What a peer currently sends, so the other side can say "muted" instead of showing a frozen frame. */
export interface MediaState {
  readonly audio: boolean;
  readonly video: boolean;
  readonly screen: boolean;
}

export type ControlMessage =
  | { readonly type: 'chat'; readonly id: string; readonly text: string; readonly sentAt: number }
  | { readonly type: 'bye' }
  | NegotiationMessage
  | ({ readonly type: 'media-state' } & MediaState)
  | { readonly type: 'hang-up' }
  | TransferMessage;

/** A renegotiation description with audio, video and screen share fits easily. */
const MAX_MESSAGE_CHARS = 80 * 1024;

export function encodeControlMessage(message: ControlMessage): string {
  return JSON.stringify(message);
}

/** Validates a message from the peer; the peer's page may be older, newer or hostile. */
export function parseControlMessage(data: unknown): Result<ControlMessage, string> {
  if (typeof data !== 'string' || data.length > MAX_MESSAGE_CHARS) return err('not a text message');
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return err('not JSON');
  }
  if (typeof value !== 'object' || value === null) return err('not an object');
  const record = value as Record<string, unknown>;
  if (isTransferMessageType(record['type'])) return parseTransferMessage(record);
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
    case 'hang-up':
      return ok({ type: 'hang-up' });
    case 'media-state': {
      const { audio, video, screen } = record;
      if (typeof audio !== 'boolean' || typeof video !== 'boolean' || typeof screen !== 'boolean') {
        return err('bad media state');
      }
      return ok({ type: 'media-state', audio, video, screen });
    }
    case 'description':
    case 'candidate':
      return parseNegotiationMessage(record);
    default:
      return err('unknown message type');
  }
}
