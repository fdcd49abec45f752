import { msg, str } from '@lit/localize';
import type { TransferState } from '../../core/transfer/transfer-state.ts';

type FailureReason = Extract<TransferState, { phase: 'failed' }>['reason'];

function failureText(reason: FailureReason): string {
  switch (reason) {
    case 'hash-mismatch':
      return msg('the SHA-256 did not match; the file was discarded');
    case 'protocol':
      return msg('the other device broke the transfer protocol');
    case 'read-error':
      return msg('the file could not be read');
    case 'write-error':
      return msg('the file could not be written');
    case 'channel-closed':
      return msg("the file's channel closed");
    case 'connection-closed':
      return msg('the session ended');
    case 'stalled':
      return msg('nothing arrived for 60 s');
  }
}

/** A transfer's end in a few words, e.g. "declined by the other device". */
export function transferEndText(state: TransferState): string {
  switch (state.phase) {
    case 'verified':
      return msg('verified (SHA-256 matches)');
    case 'failed': {
      const why = failureText(state.reason);
      return state.by === 'peer' ? msg(str`failed by the other device: ${why}`) : msg(str`failed here: ${why}`);
    }
    case 'canceled':
      return state.by === 'peer' ? msg('canceled by the other device') : msg('canceled here');
    case 'declined':
      if (state.busy) return msg('declined: the other device is busy with other files');
      return state.by === 'peer' ? msg('declined by the other device') : msg('declined here');
    default:
      return state.phase;
  }
}
