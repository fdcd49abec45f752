import { msg } from '@lit/localize';

/** What a phone user is told while a transfer or a call keeps the page busy. */
export const PHONE_TEXT = {
  get keepInFront() {
    return msg('Keep this page open and in front until it ends: a phone pauses pages in the background.');
  },
  get wasInBackground() {
    return msg(
      'This page was in the background while a transfer or a call ran, and a phone may have paused it. Keep the page in front until it ends.',
    );
  },
  get dismiss() {
    return msg('Dismiss');
  },
};
