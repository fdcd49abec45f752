/**
 * Every bound the chat keeps against a peer that sends too much, in one place (the hostile-peer
 * tests and benches read them from here).
 */

/** Newest messages kept and shown; older ones leave the log and are counted ("older messages removed"). */
export const CHAT_HISTORY_CAP = 500;

/**
 * Ids of the peer's messages remembered, so that what a reconnect sends again shows once. Far
 * more than an honest peer can have unacknowledged at once (its own pace is CHAT_SEND_*).
 */
export const CHAT_SEEN_IDS_CAP = 5_000;

/** The peer's messages accepted: a token bucket refilled at this rate, holding at most the burst. */
export const CHAT_PEER_RATE_PER_SECOND = 20;
export const CHAT_PEER_BURST = 100;

/**
 * This device's own pace: half of what a receiver accepts, so that messages bunched by the network
 * (a stall that delivers several seconds at once) still fit in the receiver's burst.
 */
export const CHAT_SEND_RATE_PER_SECOND = 10;
export const CHAT_SEND_BURST = 50;

/** A message sent on a working link and not acknowledged this long is sent again (the receiver may have refused it). */
export const CHAT_RESEND_AFTER_MS = 5_000;

/** How soon the outbox tries again when the link is interrupted or the pace is used up. */
export const CHAT_RETRY_MS = 200;
