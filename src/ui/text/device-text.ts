import { msg } from '@lit/localize';
import type { DeviceRecognition } from '../../core/device/device-identity.ts';

/** The quiet line under the conversation's title: whether the other device has connected here before. */
export function recognitionText(recognition: DeviceRecognition): string {
  switch (recognition) {
    case 'known':
      return msg('The same device as before');
    case 'new':
      return msg('A device you have not connected to before');
  }
}

/** What Settings says about this device's remembered identity. */
export const DEVICE_TEXT = {
  get legend() {
    return msg('This device');
  },
  get explanation() {
    return msg(
      'Other devices recognise this one by a key kept in this browser, and this one remembers the devices it has connected to.',
    );
  },
  get forget() {
    return msg('Forget this device');
  },
  get forgotten() {
    return msg(
      'Forgotten. From the next connection, other devices see this one as new, and it remembers none of them.',
    );
  },
  get notForgotten() {
    return msg('Could not forget: this browser’s storage refused. Nothing was changed.');
  },
};
