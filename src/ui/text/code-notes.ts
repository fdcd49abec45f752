import { msg, str } from '@lit/localize';
import { formatNumber } from '../locale/intl.ts';

/**
 * The note beside this device's offer or answer once it was updated in place. Every version of a
 * code shares its ICE credentials and fingerprint, so the note must say that earlier copies work.
 */
export function codeImprovedNote(): string {
  return msg('Improved: more ways to reach this device. An earlier copy still works.');
}

/** How long this device's offer has waited for an answer: seconds first, whole minutes after. */
export function waitingText(waitedSeconds: number): string {
  const seconds = formatNumber(waitedSeconds);
  const minutes = formatNumber(Math.floor(waitedSeconds / 60));
  return waitedSeconds < 60 ? msg(str`Waiting for an answer for ${seconds} s`) : msg(str`Waiting for an answer for ${minutes} min`);
}

/** Why an old offer may fail across networks, and what helps (code-age.ts). */
export function staleOfferNote(): string {
  return msg(
    'This offer is getting old: routers forget an unused outside address after a minute or two. On the same network it still works; across networks, a fresh one connects more surely (New session, then Create offer).',
  );
}
