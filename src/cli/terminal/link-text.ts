import { msg, str } from '@lit/localize';
import type { DiagnosisCode } from '../../core/session/link-diagnosis.ts';
import type { RelayProblem } from '../../core/session/relay-watch.ts';
import type { FailedState } from '../../core/session/session-state.ts';
import type { IceServerProblem } from '../../core/settings/settings.ts';

/** The terminal's words for ICE servers and for a link that did not come up (as fragments of a sentence). */
export function iceServerProblemText(problem: IceServerProblem): string {
  switch (problem) {
    case 'too-long':
      return msg('it is too long');
    case 'bad-scheme':
      return msg('it must start with stun:, stuns:, turn: or turns:');
    case 'bad-host':
      return msg('the host name is not valid');
    case 'bad-port':
      return msg('the port must be a number from 1 to 65535');
    case 'bad-query':
      return msg('the only query TURN takes is ?transport=udp or ?transport=tcp');
    case 'missing-username':
      return msg('TURN needs a user name (turn:user:password@host:port)');
    case 'missing-password':
      return msg('TURN needs a password (turn:user:password@host:port)');
  }
}

function diagnosisText(code: DiagnosisCode): string {
  switch (code) {
    case 'no-local-candidates':
      return msg('this machine offered no address');
    case 'no-remote-candidates':
      return msg('the other device offered no address');
    case 'no-relay':
      return msg('the TURN server gave no relay address');
    case 'no-srflx':
      return msg('no STUN server answered (no public address learnt)');
    case 'symmetric-nat':
      return msg("a side's NAT changes its port per destination; a TURN server is needed");
    case 'mdns-only':
      return msg('both sides offered only hidden .local names, which work on one network only');
    case 'host-only':
      return msg('both sides offered only local addresses, which work on one network only');
    case 'all-pairs-failed':
      return msg('every address pair was tried and none answered');
  }
}

export function linkFailureText(state: FailedState): string {
  const causes = state.diagnosis?.map(diagnosisText).join('; ');
  const withCause = (what: string): string => (causes ? `${what} ${msg(str`Likely: ${causes}.`)}` : what);
  const seconds = Math.round((state.afterMs ?? 0) / 1000);
  if (state.reason === 'timeout') return withCause(msg(str`No link within ${seconds} s.`));
  if (state.reason === 'ice-failed') return withCause(msg('The connection failed.'));
  const detail = state.detail ?? msg('no detail');
  return msg(str`The WebRTC stack failed: ${detail}`);
}

function relayText(code: RelayProblem['code']): string {
  switch (code) {
    case 'credentials-refused':
      return msg('the TURN server refused the user name or password');
    case 'refused':
      return msg('the TURN server refused');
    case 'unreachable':
      return msg('the TURN server did not answer');
    case 'no-relay':
      return msg('the TURN server gave no relay address');
    case 'no-turn-server':
      return msg('--relay-only needs a TURN server (--turn)');
  }
}

export function relayProblemText(problem: RelayProblem): string {
  const text = relayText(problem.code);
  const code = problem.errorCode;
  return code ? msg(str`${text} (error ${code})`) : text;
}
