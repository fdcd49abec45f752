/**
 * Notes beside this device's offer or answer. Every version of a code shares its ICE credentials
 * and fingerprint, so the note about an update in place must say that earlier copies still work.
 */
export const CODE_NOTES = {
  improved: 'Improved: more ways to reach this device. An earlier copy still works.',
} as const;
