import { msg, str } from '@lit/localize';
import type { ChatRefusal } from '../../core/chat/chat-feature.ts';
import type { MediaErrorCode } from '../../core/media/media-error.ts';
import type { BlobProblem, PasteRefusal } from '../../core/session/paste-plan.ts';
import type { DecodeErrorCode } from '../../core/signal/index.ts';
import type { Problem } from '../problems.ts';

/**
 * One or two sentences a user can act on, for each problem the page reports. The tables are
 * functions: msg() answers in the language active when the sentence is shown.
 */
export function problemText(problem: Problem): string {
  switch (problem.kind) {
    case 'code':
      return (problem.via === 'link' ? msg('The link you opened cannot be used here.') + ' ' : '') + blobProblemText(problem.problem);
    case 'scan-camera':
      return scanCamera()[problem.code];
    case 'no-qr-in-image':
      return msg('No QR code was found in that image. Try a sharper, closer picture, or paste the text instead.');
    case 'call-media': {
      const detail = problem.detail;
      return callMedia()[problem.code] ?? msg(str`The media could not be started (${detail}).`);
    }
    case 'address-camera-refused':
      return msg(
        'Camera access was refused or there is no camera, so the browser keeps this device’s local addresses hidden. Join a network with internet access, or allow the camera in the browser’s site settings.',
      );
    case 'chat':
      return chat()[problem.code];
    case 'cannot-start':
      return cannotStart(problem.detail);
    case 'settings-repaired':
      return msg('Some saved settings could not be used, so their defaults are used instead. Check them in Settings.');
  }
}

function cannotStart(detail: string): string {
  return msg(str`This browser cannot start a connection with the ICE servers in Settings (${detail}). Correct them or press Restore defaults.`);
}

export function blobProblemText(problem: BlobProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return decode()[problem.code];
    case 'refused':
      return paste()[problem.code];
    case 'browser-refused': {
      const detail = problem.detail;
      return problem.code === 'offer'
        ? msg(str`This browser cannot use that offer (${detail}).`)
        : msg(str`This browser cannot use that answer (${detail}).`);
    }
    case 'cannot-start':
      return cannotStart(problem.detail);
  }
}

const decode = (): Readonly<Record<DecodeErrorCode, string>> => ({
  empty: msg('Nothing was pasted. Paste the text the other device shows.'),
  'too-long': msg('This text is far longer than any connection code, so it was not read. Copy only the code the other device shows.'),
  'not-a-blob': msg('This is not a connection code from this page. Copy the whole text the other device shows.'),
  'unsupported-version': msg('This code was made by a different version of this page. Open the same page on both devices.'),
  damaged: msg('This code is damaged (a character was changed or lost). Copy it again, completely.'),
  truncated: msg('This code is incomplete: part of it is missing. Copy it again, completely.'),
  'invalid-description': msg('This code does not contain a usable connection description. Create a new one.'),
});

const paste = (): Readonly<Record<PasteRefusal, string>> => ({
  'still-preparing': msg('Still preparing this device’s code. Wait a moment, then paste again.'),
  'already-connected': msg('Already connected. To connect to someone else, press New session first.'),
  'own-offer': msg('This is your own offer. Send it to the other device, then paste their answer here.'),
  'offer-while-offering': msg(
    'This is an offer, but this device has already made one. Paste the other device’s answer here, or press New session to answer their offer instead.',
  ),
  'offer-already-answered': msg('You have already answered this offer. Send your answer back to the device that made it.'),
  'answering-another-offer': msg('This device is already answering another offer. Press New session to answer this one instead.'),
  'answer-for-another-offer': msg(
    'This answer belongs to a different offer (an older one, or another device’s). Send the offer shown here and paste the answer made for it.',
  ),
  'own-answer': msg('This is your own answer. Send it back to the device that made the offer.'),
  'answer-already-applied': msg('An answer has already been applied; the connection is being set up.'),
  'answer-without-offer': msg(
    'This is an answer, but this device has not made an offer. Paste it on the device that created the offer, or press Create offer to start here.',
  ),
});

const scanCamera = (): Readonly<Record<MediaErrorCode, string>> => ({
  insecure: msg('The camera only works on a secure page (https:// or localhost). Paste the code instead, or choose an image of the QR code.'),
  denied: msg('Camera access was denied. Allow it in the browser’s site settings, or paste the code, or choose an image of the QR code.'),
  'no-device': msg('No camera was found. Paste the code instead, or choose an image of the QR code.'),
  busy: msg('The camera is in use by another app. Close it and press Scan again, or paste the code instead.'),
  unknown: msg('The camera could not be started. Paste the code instead, or choose an image of the QR code.'),
});

const callMedia = (): Readonly<Partial<Record<MediaErrorCode, string>>> => ({
  insecure: msg('The camera needs a secure page (https).'),
  denied: msg('Camera, microphone or screen access was denied. Allow it in the browser’s site settings.'),
  'no-device': msg('No camera or microphone was found on this device.'),
  busy: msg('The camera or microphone is in use by another app.'),
});

const chat = (): Readonly<Record<ChatRefusal, string>> => ({
  'not-connected': msg('The message could not be sent: the link is not open.'),
  empty: msg('The message could not be sent: it is empty.'),
  'too-long': msg('The message could not be sent: it is too long.'),
});
