import { err, ok, type Result } from '../util/result.ts';

/** Renegotiation after connect travels over the data channel, never through a QR code. */
export type NegotiationMessage =
  | { readonly type: 'description'; readonly description: { readonly type: 'offer' | 'answer'; readonly sdp: string } }
  | {
      readonly type: 'candidate';
      readonly candidate: { readonly candidate: string; readonly sdpMid: string | null; readonly sdpMLineIndex: number | null };
    };

/** A renegotiation SDP with audio, video and screen share stays far below this. */
const MAX_SDP_CHARS = 64 * 1024;

export function parseNegotiationMessage(value: Record<string, unknown>): Result<NegotiationMessage, string> {
  if (value['type'] === 'description') {
    const description = value['description'] as Record<string, unknown> | null | undefined;
    const type = description?.['type'];
    const sdp = description?.['sdp'];
    if ((type !== 'offer' && type !== 'answer') || typeof sdp !== 'string' || sdp.length > MAX_SDP_CHARS) {
      return err('bad description');
    }
    return ok({ type: 'description', description: { type, sdp } });
  }
  if (value['type'] === 'candidate') {
    const candidate = value['candidate'] as Record<string, unknown> | null | undefined;
    const line = candidate?.['candidate'];
    const mid = candidate?.['sdpMid'] ?? null;
    const index = candidate?.['sdpMLineIndex'] ?? null;
    if (typeof line !== 'string' || line.length > 1024) return err('bad candidate');
    if (mid !== null && typeof mid !== 'string') return err('bad candidate mid');
    if (index !== null && (typeof index !== 'number' || !Number.isInteger(index) || index < 0)) return err('bad candidate index');
    return ok({ type: 'candidate', candidate: { candidate: line, sdpMid: mid, sdpMLineIndex: index } });
  }
  return err('not a negotiation message');
}
