import { msg, str } from '@lit/localize';
import type { App } from '../../core/app/create-app.ts';
import type { SessionState } from '../../core/session/session-state.ts';
import { CliFailure, EXIT } from '../exit-codes.ts';
import { linkFailureText, relayProblemText } from '../terminal/link-text.ts';

/** Why a session that should be going somewhere has stopped, as the failure the CLI exits with; undefined while it may still work. */
export function stoppedBecause(state: SessionState): CliFailure | undefined {
  switch (state.phase) {
    case 'failed':
      return new CliFailure(EXIT.linkFailed, linkFailureText(state));
    case 'no-candidates': {
      const why = state.relay ? relayProblemText(state.relay) : msg('this machine has no usable network interface');
      return new CliFailure(EXIT.linkFailed, msg(str`No address to offer: ${why}.`));
    }
    case 'ended':
      return new CliFailure(EXIT.peerEnded, state.byPeer ? msg('The other device ended the session.') : msg('The session ended.'));
    default:
      return undefined;
  }
}

/**
 * Resolves with the state once `reached` holds; rejects with the CLI failure as soon as the
 * session stops instead. Waiting never outlasts the session's own timeouts, which end in 'failed'.
 */
export function untilState(app: App, reached: (state: SessionState) => boolean): Promise<SessionState> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const state = app.session.state;
      const stopped = stoppedBecause(state);
      if (!reached(state) && !stopped) return;
      app.session.removeEventListener('change', check);
      if (reached(state)) resolve(state);
      else reject(stopped);
    };
    app.session.addEventListener('change', check);
    check();
  });
}

/** Rejects with the CLI failure once the session stops; never resolves. For racing against other waits. */
export function whenStopped(app: App): Promise<never> {
  return untilState(app, () => false) as Promise<never>;
}
