import { err, ok, type Result } from '../util/result.ts';
import { MAX_FILE_NAME_CHARS, MAX_MIME_TYPE_CHARS } from './transfer-limits.ts';

/**
 * Why a transfer failed. Sent to the peer in `file-failed`, so both sides show the same cause.
 * - hash-mismatch: the receiver's SHA-256 differs from the sender's; the file is discarded
 * - protocol: a malformed, reordered or duplicated frame, or a size that does not add up
 * - read-error / write-error: the local file could not be read, or the sink refused a write
 * - channel-closed: the file's data channel closed without an explanation from the peer
 * - connection-closed: the conversation ended (New session, or another one on a new link) mid-transfer;
 *   a lost link only pauses a transfer
 * - stalled: nothing came from the peer for TRANSFER_IDLE_TIMEOUT_MS while the transfer waited for it
 */
export const FAILURE_REASONS = [
  'hash-mismatch',
  'protocol',
  'read-error',
  'write-error',
  'channel-closed',
  'connection-closed',
  'stalled',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/**
 * Lifecycle messages of one file, carried as JSON on the control channel. The bytes and the
 * sender's digest travel on the file's own data channel (see frames.ts).
 */
export type TransferMessage =
  | {
      readonly type: 'file-offer';
      readonly id: string;
      readonly name: string;
      readonly size: number;
      readonly mimeType: string;
    }
  /** resumeFrom: bytes the receiver already holds; the sender starts there. */
  | { readonly type: 'file-accept'; readonly id: string; readonly resumeFrom: number }
  /** reason 'busy': the receiver holds too many offers already (MAX_PENDING_INCOMING); send it later. */
  | { readonly type: 'file-decline'; readonly id: string; readonly reason?: 'busy' }
  /** Either side, at any moment. */
  | { readonly type: 'file-cancel'; readonly id: string }
  /** Either side: whoever detected the failure tells the other. */
  | { readonly type: 'file-failed'; readonly id: string; readonly reason: FailureReason }
  /** Receiver → sender: the digests matched and the sink was closed. */
  | { readonly type: 'file-verified'; readonly id: string };

export type TransferMessageType = TransferMessage['type'];

export const TRANSFER_MESSAGE_TYPES: readonly TransferMessageType[] = [
  'file-offer',
  'file-accept',
  'file-decline',
  'file-cancel',
  'file-failed',
  'file-verified',
];

export { MAX_FILE_NAME_CHARS } from './transfer-limits.ts';
/** Ids are made by crypto.randomUUID() and also go into channel labels (max 65535 bytes). */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isTransferMessageType(type: unknown): type is TransferMessageType {
  return TRANSFER_MESSAGE_TYPES.includes(type as TransferMessageType);
}

export function isTransferId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

/** Validates an already JSON-parsed control message; the peer's page may be older, newer or hostile. */
export function parseTransferMessage(record: Record<string, unknown>): Result<TransferMessage, string> {
  const { type, id } = record;
  if (!isTransferMessageType(type)) return err('not a transfer message');
  if (!isTransferId(id)) return err('bad transfer id');
  switch (type) {
    case 'file-offer': {
      const { name, size, mimeType } = record;
      if (typeof name !== 'string' || name.length === 0 || name.length > MAX_FILE_NAME_CHARS) return err('bad file name');
      if (!isByteCount(size)) return err('bad file size');
      if (typeof mimeType !== 'string' || mimeType.length > MAX_MIME_TYPE_CHARS) return err('bad file type');
      return ok({ type, id, name, size, mimeType });
    }
    case 'file-accept': {
      const { resumeFrom } = record;
      if (!isByteCount(resumeFrom)) return err('bad resume offset');
      return ok({ type, id, resumeFrom });
    }
    case 'file-failed': {
      const reason = record['reason'];
      if (!FAILURE_REASONS.includes(reason as FailureReason)) return err('bad failure reason');
      return ok({ type, id, reason: reason as FailureReason });
    }
    case 'file-decline':
      return ok(record['reason'] === 'busy' ? { type, id, reason: 'busy' } : { type, id });
    case 'file-cancel':
    case 'file-verified':
      return ok({ type, id });
  }
}

function isByteCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
