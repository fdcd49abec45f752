import type { SessionState } from '../../core/session/session-state.ts';

/**
 * One line for the page's status region. Only the connected phase may contain the word
 * "connected": people and tests read that word as the promise that the link works.
 */
export function statusText(state: SessionState): string {
  switch (state.phase) {
    case 'idle':
      return 'Ready. Create an offer, or paste the one the other device shows.';
    case 'gathering':
      return state.role === 'offerer'
        ? 'Preparing the offer: finding this device’s network addresses…'
        : 'Preparing the answer…';
    case 'offer-ready':
      return 'Offer ready. Send it to the other device, then paste their answer below.';
    case 'connecting':
      return state.role === 'answerer'
        ? 'Answer ready. Send it back to the device that made the offer; the link comes up when they paste it.'
        : 'Answer applied. Setting up the link…';
    case 'connected':
      return 'Connected';
    case 'interrupted':
      return 'Link interrupted. Waiting for the network to come back…';
    case 'no-candidates':
      return 'No network address found.';
    case 'failed':
      return failureText(state);
    case 'ended':
      return state.byPeer ? 'Session ended by the other device.' : 'Session ended: the link closed.';
  }
}

function failureText({ reason, detail, afterMs = 0 }: Extract<SessionState, { phase: 'failed' }>): string {
  switch (reason) {
    case 'timeout':
      return `Connection failed: no link came up within ${Math.round(afterMs / 1000)} s.`;
    case 'ice-failed':
      return 'Connection failed: the two devices could not reach each other.';
    case 'browser-error':
      return `Connection failed: the browser reported an error${detail ? ` (${detail})` : ''}.`;
  }
}
