import { err, ok, type Result } from '../util/result.ts';

/**
 * Every message on the control channel is a JSON object whose `type` names its owner: the session
 * routes it by that name to the feature that registered it, and the feature validates the rest.
 */
export interface ControlMessage {
  readonly type: string;
}

/** A parsed message whose fields are still unchecked: the peer's page may be older, newer or hostile. */
export type UncheckedMessage = ControlMessage & Readonly<Record<string, unknown>>;

/** A renegotiation description with audio, video and screen share fits easily. */
const MAX_MESSAGE_CHARS = 80 * 1024;
const MAX_TYPE_CHARS = 64;

export function encodeControlMessage(message: ControlMessage): string {
  return JSON.stringify(message);
}

export function parseEnvelope(data: unknown): Result<UncheckedMessage, string> {
  if (typeof data !== 'string' || data.length > MAX_MESSAGE_CHARS) return err('not a text message');
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return err('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('not an object');
  const type = (value as Record<string, unknown>)['type'];
  if (typeof type !== 'string' || type.length === 0 || type.length > MAX_TYPE_CHARS) return err('no type');
  return ok(value as UncheckedMessage);
}
