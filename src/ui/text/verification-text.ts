import { msg } from '@lit/localize';

/** The verification code's label, its one line of advice, and what the people answered. */
export const VERIFICATION_TEXT = {
  get label() {
    return msg('Verification code');
  },
  get compare() {
    return msg('Compare it with the code on the other device, aloud or face to face. If it differs, someone altered the codes on the way.');
  },
  get working() {
    return msg('Working out the verification code…');
  },
  get unavailable() {
    return msg('No verification code on this link: the other device’s description names no certificate.');
  },
  get match() {
    return msg('Codes match');
  },
  get differ() {
    // A plain apostrophe: the button is found by this exact name.
    return msg("Codes don't match");
  },
  get confirmed() {
    return msg('Checked: the codes match. This device will be remembered as verified.');
  },
  get verifiedBefore() {
    return msg('Verified before: you compared the codes with this device on an earlier link.');
  },
};
