import type { PeerSession } from '../session/peer-session.ts';
import type { SessionState } from '../session/session-state.ts';

/** This device's code in the state, if it shows one: the offer, or the answer it made. */
export function ownCode(state: SessionState): string | undefined {
  if (state.phase === 'offer-ready') return state.offer;
  if (state.phase === 'connecting' && state.role === 'answerer') return state.answer;
  return undefined;
}

/**
 * The session's code once gathering is complete (or its cap passed), so that one copy holds every
 * address: a code carried by a program need not be the first version, as one a person waits for is.
 * Undefined when the attempt stopped first.
 */
export function settledCode(session: PeerSession, capMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const started = session.timing.startedAt ?? Date.now();
    const check = (): void => {
      const code = ownCode(session.state);
      const complete = session.connection?.iceGatheringState === 'complete' || Date.now() >= started + capMs;
      const stopped = !code && session.state.phase !== 'gathering' && session.state.phase !== 'connecting';
      if (!(code && complete) && !stopped) return;
      clearInterval(poll);
      session.removeEventListener('change', check);
      resolve(code);
    };
    // Gathering completes without a change of state: looked at again every 50 ms until the cap.
    const poll = setInterval(check, 50);
    session.addEventListener('change', check);
    check();
  });
}
