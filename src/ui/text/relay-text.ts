import { msg, str } from '@lit/localize';
import type { RelayProblem } from '../../core/session/relay-watch.ts';
import type { Screen } from '../../core/session/screen.ts';
import { HINTS } from './hints.ts';

/** What went wrong with the TURN server the settings name, and where to fix it. */
export function relayProblemText(problem: RelayProblem): string {
  const code = problem.errorCode ?? 0;
  switch (problem.code) {
    case 'credentials-refused':
      return msg(str`The TURN server refused the user name or password (error ${code}). Check them under Settings.`);
    case 'refused':
      return msg(str`The TURN server refused to relay (error ${code}).`);
    case 'unreachable':
      return msg('The TURN server could not be reached. Check its URL under Settings.');
    case 'no-relay':
      return msg('The TURN server sent no relay address in time: it may be unreachable. Check its URL under Settings.');
    case 'no-turn-server':
      return msg('Relay only is on, but there is no TURN server to relay through. Add one under Settings, or turn Relay only off.');
  }
}

/** The status line's addition when this device's code has no relay address although one was set up. */
export const RELAY_STATUS = {
  get offerWithoutRelay() {
    return msg('Offer ready, but without a relay: it connects only where the two devices reach each other directly.');
  },
  get answerWithoutRelay() {
    return msg(
      'Answer ready, but without a relay: it connects only where the two devices reach each other directly. Send it back to the device that made the offer.',
    );
  },
  get noRelayAddress() {
    return msg('No relay address found: with Relay only, this device offers nothing else.');
  },
  get relayOnlyFix() {
    return msg('Check the TURN server under Settings, or turn Relay only off. Then start again below.');
  },
};

/** The alert a screen raises by itself (no action of the user's went wrong): why there is no address, or no relay. */
export function screenAlert(screen: Screen): string {
  if (screen.name !== 'connect') return '';
  if (screen.relay) return relayProblemText(screen.relay);
  return screen.noAddress ? HINTS.noAddress : '';
}
