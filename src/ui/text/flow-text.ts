import { msg } from '@lit/localize';

/** The guided exchange's headings and one-line hints, step by step (getters: words follow the language). */
export const FLOW_TEXT = {
  get start() {
    return msg('Start a connection');
  },
  get startHint() {
    return msg('This device makes a code. The other device scans it or pastes it, and answers.');
  },
  get join() {
    return msg('Join with a code');
  },
  get joinHint() {
    return msg('The other device shows a code: scan its QR code, or paste its text here.');
  },
  get orScan() {
    return msg('Or read it with the camera, or from a picture of the QR code:');
  },
  get preparingOffer() {
    return msg('Making your offer…');
  },
  get preparingAnswer() {
    return msg('Making your answer…');
  },
  get preparingHint() {
    return msg('Finding this device’s network addresses. This takes a moment.');
  },
  get sendOffer() {
    return msg('Step 1 of 2: send this offer');
  },
  get sendOfferHint() {
    return msg('Let the other device scan the QR code, or copy the text and send it through any chat.');
  },
  get readAnswer() {
    return msg('Step 2 of 2: read their answer');
  },
  get readAnswerHint() {
    return msg('The other device then shows an answer. Scan it, or paste it here.');
  },
  get sendAnswer() {
    return msg('Last step: send this answer back');
  },
  get sendAnswerHint() {
    return msg(
      'Show this QR code to the device that made the offer, or copy the text and send it back the way the offer came. The link comes up as soon as they read it.',
    );
  },
  get otherOffer() {
    return msg('Got a newer offer instead? Paste it here.');
  },
  get linking() {
    return msg('Connecting…');
  },
  get linkingHint() {
    return msg('The answer was accepted. Both devices are setting up the direct link; this takes a few seconds.');
  },
  get noAddress() {
    return msg('This device has no address to offer');
  },
  get failed() {
    return msg('The two devices did not connect');
  },
  get failedHint() {
    return msg('Check that both devices are on the same network, or add a TURN server in Settings. Then start again below.');
  },
  get linkLost() {
    return msg('The link to the other device was lost');
  },
  get reconnectHint() {
    return msg(
      'Press Reconnect on either device and exchange codes once more, as at the start. The chat and unfinished files go on where they stopped, and messages typed meanwhile are sent then.',
    );
  },
  get joinAgainHint() {
    return msg('Or read the new code the other device shows: scan its QR code, or paste its text here.');
  },
  get continued() {
    return msg('Reconnected: the conversation goes on where it stopped.');
  },
  get conversation() {
    return msg('Conversation');
  },
};
