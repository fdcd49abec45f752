import type { BlobProblem } from '../../core/session/paste-plan.ts';
import type { RelayProblem } from '../../core/session/relay-watch.ts';
import type { DiagnosisCode } from '../../core/session/link-diagnosis.ts';
import type { FailedState } from '../../core/session/session-state.ts';
import type { IceServerProblem } from '../../core/settings/settings.ts';
import type { DecodeErrorCode } from '../../core/signal/index.ts';
import type { TransferState } from '../../core/transfer/transfer-state.ts';

/** The terminal's words for core's codes (the page words the same codes in src/ui/text/). */
const UNREADABLE: Record<DecodeErrorCode, string> = {
  empty: 'That line is empty.',
  'too-long': 'That is far longer than any code; nothing was read.',
  'not-a-blob': 'That is not a P2P Direct code. Paste the whole code or link the other device shows.',
  'unsupported-version': 'That code comes from a different version of P2P Direct; make a new one with the same version.',
  damaged: 'That code is damaged (a character was changed or lost); copy it again.',
  truncated: 'That code is cut short; copy all of it.',
  'invalid-description': 'That code does not describe a usable connection; make a new one.',
};

export function blobProblemText(problem: BlobProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return UNREADABLE[problem.code];
    case 'refused':
      return refusalText(problem.code);
    case 'browser-refused':
      return `The WebRTC stack refused that ${problem.code}: ${problem.detail}`;
    case 'cannot-start':
      return `Cannot start a connection with these ICE servers: ${problem.detail}`;
  }
}

function refusalText(code: Extract<BlobProblem, { kind: 'refused' }>['code']): string {
  switch (code) {
    case 'own-offer':
    case 'own-answer':
      return 'That is the code this terminal printed; paste the one from the other device.';
    case 'answer-for-another-offer':
      return 'That answer belongs to another offer; the other device must answer the offer printed above.';
    case 'already-connected':
      return 'Already connected.';
    case 'still-preparing':
      return 'Still preparing the code; paste again in a moment.';
    default:
      return 'That code cannot be used now; make a new one on the other device.';
  }
}

export const ICE_SERVER_PROBLEM_TEXT: Record<IceServerProblem, string> = {
  'too-long': 'it is too long',
  'bad-scheme': 'it must start with stun:, stuns:, turn: or turns:',
  'bad-host': 'the host name is not valid',
  'bad-port': 'the port must be a number from 1 to 65535',
  'bad-query': 'the only query TURN takes is ?transport=udp or ?transport=tcp',
  'missing-username': 'TURN needs a user name (turn:user:password@host:port)',
  'missing-password': 'TURN needs a password (turn:user:password@host:port)',
};

const DIAGNOSIS: Record<DiagnosisCode, string> = {
  'no-local-candidates': 'this machine offered no address',
  'no-remote-candidates': 'the other device offered no address',
  'no-relay': 'the TURN server gave no relay address',
  'no-srflx': 'no STUN server answered (no public address learnt)',
  'symmetric-nat': "a side's NAT changes its port per destination; a TURN server is needed",
  'mdns-only': 'both sides offered only hidden .local names, which work on one network only',
  'host-only': 'both sides offered only local addresses, which work on one network only',
  'all-pairs-failed': 'every address pair was tried and none answered',
};

export function linkFailureText(state: FailedState): string {
  const why = state.diagnosis?.length ? ` Likely: ${state.diagnosis.map((code) => DIAGNOSIS[code]).join('; ')}.` : '';
  if (state.reason === 'timeout') return `No link within ${Math.round((state.afterMs ?? 0) / 1000)} s.${why}`;
  if (state.reason === 'ice-failed') return `The connection failed.${why}`;
  return `The WebRTC stack failed: ${state.detail ?? 'no detail'}`;
}

const FAILURE: Record<Extract<TransferState, { phase: 'failed' }>['reason'], string> = {
  'hash-mismatch': 'the SHA-256 did not match; the file was discarded',
  protocol: 'the other device broke the transfer protocol',
  'read-error': 'the file could not be read',
  'write-error': 'the file could not be written',
  'channel-closed': "the file's channel closed",
  'connection-closed': 'the session ended',
  stalled: 'nothing arrived for 60 s',
};

/** A transfer's end in a few words, e.g. "declined by the other device". */
export function transferEndText(state: TransferState): string {
  const by = (party: 'me' | 'peer'): string => (party === 'peer' ? 'by the other device' : 'here');
  switch (state.phase) {
    case 'verified':
      return 'verified (SHA-256 matches)';
    case 'failed':
      return `failed ${by(state.by)}: ${FAILURE[state.reason]}`;
    case 'canceled':
      return `canceled ${by(state.by)}`;
    case 'declined':
      return state.busy ? 'declined: the other device is busy with other files' : `declined ${by(state.by)}`;
    default:
      return state.phase;
  }
}

const RELAY: Record<RelayProblem['code'], string> = {
  'credentials-refused': 'the TURN server refused the user name or password',
  refused: 'the TURN server refused',
  unreachable: 'the TURN server did not answer',
  'no-relay': 'the TURN server gave no relay address',
  'no-turn-server': '--relay-only needs a TURN server (--turn)',
};

export function relayProblemText(problem: RelayProblem): string {
  return `${RELAY[problem.code]}${problem.errorCode ? ` (error ${problem.errorCode})` : ''}`;
}
