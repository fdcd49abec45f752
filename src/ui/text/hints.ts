import { msg } from '@lit/localize';

/** Longer explanations the app shows beside a state, not tied to any one control. */
export const HINTS = {
  /** The product's name, the same in every language. */
  title: 'P2P Direct',
  get tagline() {
    return msg('Connect two devices directly, with no server: exchange one offer and one answer by hand.');
  },
  get noAddress() {
    // One literal: msg() takes a message as written, not an expression.
    return msg(
      'This device found no network address to offer, so the other device could not reach it. This happens on a network without internet access: the browser hides local addresses until the page may use the camera. Allow camera access to reveal them (the camera is switched off again at once), or join a network with internet access.',
    );
  },
};
