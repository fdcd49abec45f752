import type { MediaAccess } from '../core/media/media-access.ts';
import { InsecureContextError } from '../core/media/media-error.ts';

/** The browser's devices, looked up at call time: mediaDevices is absent on insecure origins. */
export const browserMedia: MediaAccess = {
  getUserMedia: (constraints) => mediaDevices().getUserMedia(constraints),
  getDisplayMedia: (options) => mediaDevices().getDisplayMedia(options),
  enumerateDevices: () => mediaDevices().enumerateDevices(),
  createStream: (tracks = []) => new MediaStream(tracks),
};

function mediaDevices(): MediaDevices {
  if (!window.isSecureContext || !navigator.mediaDevices) throw new InsecureContextError('The camera needs a secure page (https).');
  return navigator.mediaDevices;
}
