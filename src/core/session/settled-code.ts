import type { PeerSession } from './peer-session.ts';
import type { SessionState } from './session-state.ts';

/** This device's code in the state, if it shows one: the offer, or the answer it made. */
export function ownCode(state: SessionState): string | undefined {
  if (state.phase === 'offer-ready') return state.offer;
  if (state.phase === 'connecting' && state.role === 'answerer') return state.answer;
  return undefined;
}

/**
 * The session's code once gathering is complete, or quiet for quietMs since its last new version,
 * or past its cap: a code carried by a program need not be the first version, as one a person
 * waits for is, but it need not wait out a STUN server that never answers either (the page's own
 * rule, ice-gathering.ts). Undefined when the attempt stopped first.
 */
export function settledCode(session: PeerSession, capMs: number, quietMs = 300): Promise<string | undefined> {
  return new Promise((resolve) => {
    const started = session.timing.startedAt ?? Date.now();
    let last: { code: string; at: number } | undefined;
    const check = (): void => {
      const code = ownCode(session.state);
      if (code && code !== last?.code) last = { code, at: Date.now() };
      const quiet = last !== undefined && Date.now() >= last.at + quietMs;
      const complete = quiet || session.connection?.iceGatheringState === 'complete' || Date.now() >= started + capMs;
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
