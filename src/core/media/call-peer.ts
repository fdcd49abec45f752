/** The part of RTCRtpTransceiver that Call touches. */
export interface CallTransceiver {
  direction: RTCRtpTransceiverDirection;
  readonly currentDirection: RTCRtpTransceiverDirection | null;
  readonly sender: {
    readonly track: MediaStreamTrack | null;
    replaceTrack(track: MediaStreamTrack | null): Promise<void>;
    setStreams?(...streams: MediaStream[]): void;
  };
  readonly receiver: { readonly track: MediaStreamTrack };
}

/** The part of RTCPeerConnection that Call touches; Node tests drive it with a model. */
export interface CallPeer {
  getTransceivers(): CallTransceiver[];
  addTransceiver(trackOrKind: MediaStreamTrack | 'audio' | 'video', init: RTCRtpTransceiverInit): CallTransceiver;
  addEventListener(type: 'track', listener: (event: { readonly track: MediaStreamTrack }) => void): void;
}
