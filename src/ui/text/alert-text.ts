import { msg } from '@lit/localize';
import type { Screen } from '../../core/session/screen.ts';
import type { VerificationEnding } from '../../core/verification/verification-feature.ts';
import type { Problem } from '../problems.ts';
import { problemText } from './problem-text.ts';
import { screenAlert } from './relay-text.ts';

/** The page's one alert: what went wrong with the user's last action, else why a link was ended, else the screen's own warning. */
export function alertText(problem: Problem | undefined, ending: VerificationEnding | undefined, screen: Screen): string | undefined {
  if (problem) return problemText(problem);
  return ending ? verificationEndingText(ending) : screenAlert(screen);
}

/** The warning after this device ended a link over its verification. */
export function verificationEndingText(ending: VerificationEnding): string {
  switch (ending) {
    case 'codes-differ':
      return msg('The link was ended because the verification codes differed. Someone may have altered the codes on the way: connect again, face to face if you can, and compare the new codes.');
    case 'commitment-mismatch':
    case 'out-of-order':
      return msg('The link was ended: the other side broke the verification steps, so it may not be the device you meant. Connect again, face to face if you can.');
  }
}
