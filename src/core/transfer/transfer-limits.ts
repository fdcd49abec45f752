/**
 * Every bound on what the peer can make this page hold for file transfers, in one place. The peer
 * runs code we did not write (issue 18), so each number is a promise the hostile-peer e2e checks:
 *
 * - MAX_ACTIVE_INCOMING (1): incoming files asked for at once (file-accept sent, until their end
 *   frame arrives). Only these may open a file channel, and a sink (with its OPFS worker) is made
 *   only when that channel opens: at most 1 receiving sink and worker at a time per conversation.
 *   One, because the sender sends one file at a time: a second file asked for would wait for the
 *   first's channel and could time out while a large first file still runs.
 * - MAX_PENDING_INCOMING (200): incoming files offered or accepted and waiting their turn. Offers
 *   beyond it are declined at once with `reason: 'busy'` and counted, never listed.
 * - MAX_LISTED_TRANSFERS (300): entries in the transfer list (both directions). Past it the oldest
 *   finished entries are removed, those with nothing to save first (a received, verified file
 *   last), and counted. Unfinished entries are never removed, and incoming ones cannot exceed
 *   MAX_ACTIVE_INCOMING + MAX_PENDING_INCOMING, so a peer alone cannot push the list past 300.
 * - MAX_PEER_FILE_CHANNELS (= MAX_ACTIVE_INCOMING): data channels the peer opened that stay open.
 *   Any channel that does not belong to a file this page asked for is closed at once, and counted.
 * - TRANSFER_IDLE_TIMEOUT_MS (60 s): a transfer that waits for the peer (a receiver for the channel
 *   after accepting, a sender for the channel to open, for acknowledgements, or for the verdict)
 *   and sees nothing for this long fails with reason 'stalled', tells the peer, and frees its slot.
 *   A minute, as a resumed sender re-hashes what the receiver already holds before it sends again.
 */
export const MAX_ACTIVE_INCOMING = 1;
export const MAX_PENDING_INCOMING = 200;
export const MAX_LISTED_TRANSFERS = 300;
export const MAX_PEER_FILE_CHANNELS = MAX_ACTIVE_INCOMING;
export const TRANSFER_IDLE_TIMEOUT_MS = 60_000;

/** What a file-offer may carry; the receiver drops an offer past either, so the sender checks first. */
export const MAX_FILE_NAME_CHARS = 1024;
export const MAX_MIME_TYPE_CHARS = 255;

/** Why a file cannot be offered: the peer's parser would drop its offer. */
export type OfferRefusal = 'empty-name' | 'name-too-long' | 'type-too-long';

/** Checked before an offer is sent, so that the sender never waits for an answer that cannot come. */
export function offerRefusal(file: { readonly name: string; readonly type: string }): OfferRefusal | undefined {
  if (file.name.length === 0) return 'empty-name';
  if (file.name.length > MAX_FILE_NAME_CHARS) return 'name-too-long';
  if (file.type.length > MAX_MIME_TYPE_CHARS) return 'type-too-long';
  return undefined;
}
