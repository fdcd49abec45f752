import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { CallMessage, MediaState } from './call-messages.ts';
import type { CallPeer, CallTransceiver } from './call-peer.ts';
import type { MediaAccess } from './media-access.ts';

const NOTHING: MediaState = { audio: false, video: false, screen: false };

/**
 * Audio, video and screen share on an already connected RTCPeerConnection. Adding or removing
 * media only changes transceivers; the Negotiator carries the resulting offers over the data
 * channel. Mute and camera-off replace the sender's track with null: no renegotiation, and the
 * encoder stops sending at once. Transceivers are reused, so a call can start and stop any number
 * of times without the description growing.
 */
export class Call extends TypedEventTarget<{ change: Event }> {
  readonly remoteStream: MediaStream;
  private currentLocalStream: MediaStream | undefined;
  private localState: MediaState = NOTHING;
  private remoteState: MediaState = NOTHING;
  private isMuted = false;
  private isCameraOff = false;

  private micTrack: MediaStreamTrack | undefined;
  private cameraTrack: MediaStreamTrack | undefined;
  private screenTrack: MediaStreamTrack | undefined;
  private audioTransceiver: CallTransceiver | undefined;
  private videoTransceiver: CallTransceiver | undefined;
  private cameraIndex = 0;

  constructor(
    private readonly pc: CallPeer,
    private readonly media: MediaAccess,
    private readonly send: (message: CallMessage) => void,
  ) {
    super();
    this.remoteStream = media.createStream();
    pc.addEventListener('track', (event) => {
      if (!this.remoteStream.getTracks().includes(event.track)) this.remoteStream.addTrack(event.track);
      this.notify('change');
    });
  }

  /** What this device previews: the camera (or the shared screen) and the microphone. */
  get localStream(): MediaStream | undefined {
    return this.currentLocalStream;
  }

  /** What this device sends, as announced to the peer. */
  get local(): MediaState {
    return this.localState;
  }

  /** What the peer says it sends. */
  get remote(): MediaState {
    return this.remoteState;
  }

  get muted(): boolean {
    return this.isMuted;
  }

  get cameraOff(): boolean {
    return this.isCameraOff;
  }

  get live(): boolean {
    return this.currentLocalStream !== undefined;
  }

  /** Camera and microphone; throws the browser's error (denied, no device) for the UI to word. */
  async start(): Promise<void> {
    if (this.live) return;
    const stream = await this.media.getUserMedia({ audio: true, video: { facingMode: 'user' } });
    this.micTrack = stream.getAudioTracks()[0];
    this.cameraTrack = stream.getVideoTracks()[0];
    this.currentLocalStream = stream;
    this.isMuted = false;
    this.isCameraOff = false;
    this.audioTransceiver = await this.attach('audio', this.micTrack, stream);
    this.videoTransceiver = await this.attach('video', this.cameraTrack, stream);
    this.announce();
  }

  async setMuted(muted: boolean): Promise<void> {
    if (!this.live) return;
    this.isMuted = muted;
    await this.audioTransceiver?.sender.replaceTrack(muted ? null : (this.micTrack ?? null));
    this.announce();
  }

  async setCameraOff(off: boolean): Promise<void> {
    if (!this.live) return;
    this.isCameraOff = off;
    await this.videoTransceiver?.sender.replaceTrack(off ? null : this.outgoingVideo());
    this.announce();
  }

  async shareScreen(): Promise<void> {
    if (!this.live || this.screenTrack) return;
    const stream = await this.media.getDisplayMedia({ video: true, audio: false });
    const track = stream.getVideoTracks()[0];
    if (!track) return;
    this.screenTrack = track;
    // The browser's own "Stop sharing" bar ends the track; go back to the camera then.
    track.addEventListener('ended', () => void this.stopSharing());
    await this.showLocal();
  }

  async stopSharing(): Promise<void> {
    if (!this.screenTrack) return;
    this.screenTrack.stop();
    this.screenTrack = undefined;
    await this.showLocal();
  }

  /** Front/back on phones: cycles through the video inputs. */
  async switchCamera(): Promise<void> {
    if (!this.live) return;
    const cameras = (await this.media.enumerateDevices()).filter((device) => device.kind === 'videoinput');
    if (cameras.length < 2) return;
    this.cameraIndex = (this.cameraIndex + 1) % cameras.length;
    const stream = await this.media.getUserMedia({ video: { deviceId: { exact: cameras[this.cameraIndex]!.deviceId } } });
    const track = stream.getVideoTracks()[0];
    if (!track) return;
    this.cameraTrack?.stop();
    this.cameraTrack = track;
    await this.showLocal();
  }

  /** Ends media on both sides; the data channel and chat stay. */
  async hangUp(notifyPeer = true): Promise<void> {
    if (notifyPeer) this.send({ type: 'hang-up' });
    for (const track of [this.micTrack, this.cameraTrack, this.screenTrack]) track?.stop();
    this.micTrack = this.cameraTrack = this.screenTrack = undefined;
    this.currentLocalStream = undefined;
    for (const transceiver of [this.audioTransceiver, this.videoTransceiver]) {
      if (!transceiver || transceiver.currentDirection === 'stopped') continue;
      await transceiver.sender.replaceTrack(null);
      transceiver.direction = 'recvonly';
    }
    this.announce();
  }

  handleRemote(message: CallMessage): void {
    if (message.type === 'media-state') {
      this.remoteState = { audio: message.audio, video: message.video, screen: message.screen };
      this.notify('change');
    } else if (message.type === 'hang-up') {
      this.remoteState = NOTHING;
      void this.hangUp(false);
    }
  }

  /** Ends everything when the session closes; nothing is sent, the channel is gone. */
  dispose(): void {
    for (const track of [this.micTrack, this.cameraTrack, this.screenTrack]) track?.stop();
    this.currentLocalStream = undefined;
  }

  private async attach(kind: 'audio' | 'video', track: MediaStreamTrack | undefined, stream: MediaStream) {
    // Reuse a transceiver that is not sending: ours from an earlier call, or one the peer opened.
    const idle = this.pc
      .getTransceivers()
      .find((t) => t.receiver.track.kind === kind && !t.sender.track && t.currentDirection !== 'stopped' && t.direction !== 'stopped');
    if (idle) {
      idle.direction = 'sendrecv';
      await idle.sender.replaceTrack(track ?? null);
      idle.sender.setStreams?.(stream);
      return idle;
    }
    return this.pc.addTransceiver(track ?? kind, { direction: 'sendrecv', streams: [stream] });
  }

  private outgoingVideo(): MediaStreamTrack | null {
    return this.screenTrack ?? this.cameraTrack ?? null;
  }

  private async showLocal(): Promise<void> {
    const video = this.outgoingVideo();
    this.currentLocalStream = this.media.createStream([...(this.micTrack ? [this.micTrack] : []), ...(video ? [video] : [])]);
    if (!this.isCameraOff) await this.videoTransceiver?.sender.replaceTrack(video);
    this.announce();
  }

  private announce(): void {
    this.localState = {
      audio: this.live && !this.isMuted,
      video: this.live && !this.isCameraOff,
      screen: this.live && this.screenTrack !== undefined,
    };
    this.send({ type: 'media-state', ...this.localState });
    this.notify('change');
  }
}
