import type { MediaAccess } from '../../src/core/media/media-access.ts';

let trackCount = 0;

/**
 * A MediaStreamTrack stand-in for Node and happy-dom (neither has real tracks): a kind, stop(),
 * the browser's own 'ended', and the settings and capabilities a camera reports.
 */
export class FakeTrack extends EventTarget {
  readonly id = `track-${++trackCount}`;
  enabled = true;
  readyState: MediaStreamTrackState = 'live';
  readonly appliedConstraints: MediaTrackConstraints[] = [];

  constructor(
    readonly kind: 'audio' | 'video',
    readonly label: string,
    private readonly settings: MediaTrackSettings = {},
    private readonly capabilities: MediaTrackCapabilities & { torch?: boolean } = {},
  ) {
    super();
  }

  stop(): void {
    this.readyState = 'ended';
  }

  /** The browser ends the track by itself, e.g. when the user presses its "Stop sharing" bar. */
  end(): void {
    this.stop();
    this.dispatchEvent(new Event('ended'));
  }

  getSettings(): MediaTrackSettings {
    return this.settings;
  }

  getCapabilities(): MediaTrackCapabilities {
    return this.capabilities;
  }

  async applyConstraints(constraints: MediaTrackConstraints): Promise<void> {
    this.appliedConstraints.push(constraints);
  }
}

/** The one place where a fake passes for the DOM type it stands in for. */
export function asTrack(track: FakeTrack): MediaStreamTrack {
  return track as unknown as MediaStreamTrack;
}

export function fakeOf(track: MediaStreamTrack | null | undefined): FakeTrack | undefined {
  return track instanceof FakeTrack ? track : undefined;
}

/** MediaStream for Node, where there is none: install with vi.stubGlobal('MediaStream', FakeStream). */
export class FakeStream extends EventTarget {
  private readonly tracks: MediaStreamTrack[];

  constructor(tracks: Iterable<MediaStreamTrack> = []) {
    super();
    this.tracks = [...tracks];
  }

  getTracks(): MediaStreamTrack[] {
    return [...this.tracks];
  }

  getAudioTracks(): MediaStreamTrack[] {
    return this.tracks.filter((track) => track.kind === 'audio');
  }

  getVideoTracks(): MediaStreamTrack[] {
    return this.tracks.filter((track) => track.kind === 'video');
  }

  addTrack(track: MediaStreamTrack): void {
    if (!this.tracks.includes(track)) this.tracks.push(track);
  }

  removeTrack(track: MediaStreamTrack): void {
    const index = this.tracks.indexOf(track);
    if (index >= 0) this.tracks.splice(index, 1);
  }
}

interface FakeCamera {
  readonly deviceId: string;
  readonly torch?: boolean;
}

/**
 * navigator.mediaDevices for tests: named cameras (the first is the default), a microphone, a
 * screen to share, and a refusal to hand out next. Streams are made with the global MediaStream
 * (happy-dom's, or FakeStream in Node), so a <video> accepts them as srcObject.
 */
export class FakeMediaDevices implements MediaAccess {
  readonly requests: (MediaStreamConstraints | DisplayMediaStreamOptions | undefined)[] = [];
  /** Every track handed out, in order. */
  readonly tracks: FakeTrack[] = [];
  /** The next request rejects with this (a DOMException named as the browser names it). */
  refuseNext: DOMException | undefined;

  constructor(readonly cameras: readonly FakeCamera[] = [{ deviceId: 'front' }]) {}

  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    this.request(constraints);
    const video = constraints.video;
    const wanted = typeof video === 'object' ? (video.deviceId as ConstrainDOMStringParameters | undefined)?.exact : undefined;
    const camera = this.cameras.find((c) => c.deviceId === wanted) ?? this.cameras[0];
    const tracks = [
      ...(constraints.audio ? [this.track('audio', 'microphone')] : []),
      ...(video && camera ? [this.track('video', camera.deviceId, { deviceId: camera.deviceId }, { torch: camera.torch === true } as MediaTrackCapabilities)] : []),
    ];
    return new MediaStream(tracks.map(asTrack));
  }

  async getDisplayMedia(options?: DisplayMediaStreamOptions): Promise<MediaStream> {
    this.request(options);
    return new MediaStream([asTrack(this.track('video', 'screen'))]);
  }

  createStream(tracks: MediaStreamTrack[] = []): MediaStream {
    return new MediaStream(tracks);
  }

  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    const devices = [
      { kind: 'audioinput', deviceId: 'microphone' },
      ...this.cameras.map((camera) => ({ kind: 'videoinput', deviceId: camera.deviceId })),
    ];
    return devices.map((device) => ({ ...device, label: device.deviceId, groupId: '', toJSON: () => device }) as MediaDeviceInfo);
  }

  private request(constraints: MediaStreamConstraints | DisplayMediaStreamOptions | undefined): void {
    this.requests.push(constraints);
    const refusal = this.refuseNext;
    this.refuseNext = undefined;
    if (refusal) throw refusal;
  }

  private track(kind: 'audio' | 'video', label: string, settings?: MediaTrackSettings, capabilities?: MediaTrackCapabilities): FakeTrack {
    const track = new FakeTrack(kind, label, settings, capabilities);
    this.tracks.push(track);
    return track;
  }
}
