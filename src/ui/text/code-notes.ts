import { msg } from '@lit/localize';

/**
 * The note beside this device's offer or answer once it was updated in place. Every version of a
 * code shares its ICE credentials and fingerprint, so the note must say that earlier copies work.
 */
export function codeImprovedNote(): string {
  return msg('Improved: more ways to reach this device. An earlier copy still works.');
}
