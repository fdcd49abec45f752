import type { Screen } from '../../core/session/screen.ts';
import type { VerificationEnding } from '../../core/verification/verification-feature.ts';
import type { Problem } from '../problems.ts';
import { problemText } from './problem-text.ts';
import { screenAlert } from './relay-text.ts';
import { verificationEndingText } from './verification-text.ts';

/** The page's one alert: what went wrong with the user's last action, else why a link was ended, else the screen's own warning. */
export function alertText(problem: Problem | undefined, ending: VerificationEnding | undefined, screen: Screen): string | undefined {
  if (problem) return problemText(problem);
  return ending ? verificationEndingText(ending) : screenAlert(screen);
}
