import type { ChatRefusal } from '../../core/chat/chat-feature.ts';
import type { MediaErrorCode } from '../../core/media/media-error.ts';
import type { BlobProblem, PasteRefusal } from '../../core/session/paste-plan.ts';
import type { DecodeErrorCode } from '../../core/signal/index.ts';
import type { Problem } from '../problems.ts';

/** One or two sentences a user can act on, for each problem the page reports. */
export function problemText(problem: Problem): string {
  switch (problem.kind) {
    case 'code':
      return (problem.via === 'link' ? 'The link you opened cannot be used here. ' : '') + blobProblemText(problem.problem);
    case 'scan-camera':
      return SCAN_CAMERA[problem.code];
    case 'no-qr-in-image':
      return 'No QR code was found in that image. Try a sharper, closer picture, or paste the text instead.';
    case 'call-media':
      return CALL_MEDIA[problem.code] ?? `The media could not be started (${problem.detail}).`;
    case 'address-camera-refused':
      return 'Camera access was refused or there is no camera, so the browser keeps this device’s local addresses hidden. Join a network with internet access, or allow the camera in the browser’s site settings.';
    case 'chat':
      return CHAT[problem.code];
  }
}

function blobProblemText(problem: BlobProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return DECODE[problem.code];
    case 'refused':
      return PASTE[problem.code];
    case 'browser-refused':
      return `This browser cannot use that ${problem.code} (${problem.detail}).`;
  }
}

const DECODE: Readonly<Record<DecodeErrorCode, string>> = {
  empty: 'Nothing was pasted. Paste the text the other device shows.',
  'not-a-blob': 'This is not a connection code from this page. Copy the whole text the other device shows.',
  'unsupported-version': 'This code was made by a different version of this page. Open the same page on both devices.',
  damaged: 'This code is damaged (a character was changed or lost). Copy it again, completely.',
  truncated: 'This code is incomplete: part of it is missing. Copy it again, completely.',
  'invalid-description': 'This code does not contain a usable connection description. Create a new one.',
};

const PASTE: Readonly<Record<PasteRefusal, string>> = {
  'still-preparing': 'Still preparing this device’s code. Wait a moment, then paste again.',
  'already-connected': 'Already connected. To connect to someone else, press New session first.',
  'own-offer': 'This is your own offer. Send it to the other device, then paste their answer here.',
  'offer-while-offering':
    'This is an offer, but this device has already made one. Paste the other device’s answer here, or press New session to answer their offer instead.',
  'offer-already-answered': 'You have already answered this offer. Send your answer back to the device that made it.',
  'answering-another-offer': 'This device is already answering another offer. Press New session to answer this one instead.',
  'answer-for-another-offer':
    'This answer belongs to a different offer (an older one, or another device’s). Send the offer shown here and paste the answer made for it.',
  'own-answer': 'This is your own answer. Send it back to the device that made the offer.',
  'answer-already-applied': 'An answer has already been applied; the connection is being set up.',
  'answer-without-offer':
    'This is an answer, but this device has not made an offer. Paste it on the device that created the offer, or press Create offer to start here.',
};

const SCAN_CAMERA: Readonly<Record<MediaErrorCode, string>> = {
  insecure:
    'The camera only works on a secure page (https:// or localhost). Paste the code instead, or choose an image of the QR code.',
  denied: 'Camera access was denied. Allow it in the browser’s site settings, or paste the code, or choose an image of the QR code.',
  'no-device': 'No camera was found. Paste the code instead, or choose an image of the QR code.',
  busy: 'The camera is in use by another app. Close it and press Scan again, or paste the code instead.',
  unknown: 'The camera could not be started. Paste the code instead, or choose an image of the QR code.',
};

const CALL_MEDIA: Readonly<Partial<Record<MediaErrorCode, string>>> = {
  insecure: 'The camera needs a secure page (https).',
  denied: 'Camera, microphone or screen access was denied. Allow it in the browser’s site settings.',
  'no-device': 'No camera or microphone was found on this device.',
  busy: 'The camera or microphone is in use by another app.',
};

const CHAT: Readonly<Record<ChatRefusal, string>> = {
  'not-connected': 'The message could not be sent: the link is not open.',
  empty: 'The message could not be sent: it is empty.',
  'too-long': 'The message could not be sent: it is too long.',
};
