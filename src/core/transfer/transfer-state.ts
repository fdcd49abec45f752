import type { FileInfo } from './file-sink.ts';
import type { Progress } from './progress-meter.ts';
import type { FailureReason } from './transfer-messages.ts';

export type TransferDirection = 'outgoing' | 'incoming';

/** Who caused a terminal state: this device or the peer. */
export type Party = 'me' | 'peer';

/**
 * offered:   outgoing, waiting for the peer's answer; incoming, waiting for the user's
 * waiting:   accepted; queued behind other files, hashing a resume prefix, or opening the channel;
 *            `queued` on a receiver whose file waits for its turn (MAX_ACTIVE_INCOMING), not yet asked for
 * sending / receiving: bytes are moving
 * verifying: the sender's digest was sent / arrived; the receiver's verdict is pending
 * interrupted: the link went down mid-transfer; both sides keep what they hold, and a reconnect
 *            that continues the conversation resumes from the bytes the receiver wrote
 * verified | failed | canceled | declined: terminal, nothing changes afterwards
 */
export type TransferState =
  | { readonly phase: 'offered' }
  | { readonly phase: 'waiting'; readonly queued?: true }
  | { readonly phase: 'sending' }
  | { readonly phase: 'receiving' }
  | { readonly phase: 'verifying' }
  | { readonly phase: 'interrupted' }
  | { readonly phase: 'verified' }
  | { readonly phase: 'failed'; readonly reason: FailureReason; readonly by: Party; readonly detail: string }
  | { readonly phase: 'canceled'; readonly by: Party }
  /** busy: declined by the peer's page on its own, as it held too many offers (MAX_PENDING_INCOMING). */
  | { readonly phase: 'declined'; readonly by: Party; readonly busy?: true };

export type TransferPhase = TransferState['phase'];

const TERMINAL_PHASES: ReadonlySet<TransferPhase> = new Set(['verified', 'failed', 'canceled', 'declined']);

export function isTerminal(state: TransferState): boolean {
  return TERMINAL_PHASES.has(state.phase);
}

/** An immutable picture of one transfer for the UI. */
export interface TransferSnapshot {
  readonly id: string;
  readonly direction: TransferDirection;
  readonly file: FileInfo;
  readonly state: TransferState;
  readonly progress: Progress;
  /** Bytes the receiver already held when it (last) accepted; 0 unless resumed. */
  readonly resumeFrom: number;
  /** Sender: file bytes put on a file channel more than once (lost with a link and sent again); 0 on the receiver. */
  readonly bytesResent: number;
}
