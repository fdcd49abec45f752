import { msg, str } from '@lit/localize';
import type { SessionState } from '../../core/session/session-state.ts';
import { formatNumber } from '../locale/intl.ts';
import { RELAY_STATUS } from './relay-text.ts';

/**
 * One line for the page's status region. Only the connected phase may contain the word
 * "connected" (in Korean "연결됨"): people and tests read that word as the promise that the link works.
 */
export function statusText(state: SessionState): string {
  switch (state.phase) {
    case 'idle':
      return msg('Ready. Create an offer, or paste the one the other device shows.');
    case 'gathering':
      return state.role === 'offerer'
        ? msg('Preparing the offer: finding this device’s network addresses…')
        : msg('Preparing the answer…');
    case 'offer-ready':
      if (state.relay) return RELAY_STATUS.offerWithoutRelay;
      return msg('Offer ready. Send it to the other device, then paste their answer below.');
    case 'connecting':
      if (state.role === 'offerer') return msg('Answer applied. Setting up the link…');
      if (state.relay) return RELAY_STATUS.answerWithoutRelay;
      return msg('Answer ready. Send it back to the device that made the offer; the link comes up when they paste it.');
    case 'connected':
      return msg('Connected');
    case 'interrupted':
      return msg('Link interrupted. Waiting for the network to come back…');
    case 'no-candidates':
      return state.relay ? RELAY_STATUS.noRelayAddress : msg('No network address found.');
    case 'failed':
      return failureText(state);
    case 'ended':
      return state.byPeer ? msg('Session ended by the other device.') : msg('Session ended: the link closed.');
  }
}

function failureText({ reason, detail, afterMs = 0 }: Extract<SessionState, { phase: 'failed' }>): string {
  switch (reason) {
    case 'timeout': {
      const seconds = formatNumber(Math.round(afterMs / 1000));
      return msg(str`Connection failed: no link came up within ${seconds} s.`);
    }
    case 'ice-failed':
      return msg('Connection failed: the two devices could not reach each other.');
    case 'browser-error':
      return detail
        ? msg(str`Connection failed: the browser reported an error (${detail}).`)
        : msg('Connection failed: the browser reported an error.');
  }
}
