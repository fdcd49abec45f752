/**
 * The platform's camera, microphone and screen, injected so that the caller decides the platform.
 * Streams are made here too: MediaStream is a browser global that Node does not have.
 */
export interface MediaAccess {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia(options?: DisplayMediaStreamOptions): Promise<MediaStream>;
  enumerateDevices(): Promise<MediaDeviceInfo[]>;
  createStream(tracks?: MediaStreamTrack[]): MediaStream;
}
