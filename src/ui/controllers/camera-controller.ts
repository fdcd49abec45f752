import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaAccess } from '../../core/media/media-access.ts';
import { mediaErrorCode, type MediaErrorCode } from '../../core/media/media-error.ts';

/**
 * Owns the camera stream of a scanning view: rear camera first (phones), switching between
 * cameras, the torch where the track offers one. Every track stops when the host leaves the page.
 */
export class CameraController implements ReactiveController {
  stream: MediaStream | undefined;
  cameras: MediaDeviceInfo[] = [];
  torchOn = false;
  private cameraIndex = -1;

  /** media: the platform's camera, read at each start (the element may be handed it late). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly media: () => MediaAccess | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  get track(): MediaStreamTrack | undefined {
    return this.stream?.getVideoTracks()[0];
  }

  get hasTorch(): boolean {
    const capabilities = this.track?.getCapabilities?.() as (MediaTrackCapabilities & { torch?: boolean }) | undefined;
    return capabilities?.torch === true;
  }

  /** Starts the camera; returns a problem instead of throwing. */
  async start(deviceId?: string): Promise<MediaErrorCode | undefined> {
    const media = this.media();
    if (!media) return 'no-device';
    this.stop();
    const video: MediaTrackConstraints = deviceId
      ? { deviceId: { exact: deviceId } }
      : { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } };
    try {
      this.stream = await media.getUserMedia({ video, audio: false });
    } catch (error) {
      return mediaErrorCode(error);
    }
    // Labels and the full list are only available once permission was granted.
    this.cameras = (await media.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    const activeId = this.track?.getSettings().deviceId;
    this.cameraIndex = this.cameras.findIndex((camera) => camera.deviceId === activeId);
    this.host.requestUpdate();
    return undefined;
  }

  async switchCamera(): Promise<MediaErrorCode | undefined> {
    if (this.cameras.length < 2) return undefined;
    const next = this.cameras[(this.cameraIndex + 1) % this.cameras.length]!;
    return this.start(next.deviceId);
  }

  async toggleTorch(): Promise<void> {
    const track = this.track;
    if (!track || !this.hasTorch) return;
    const torch = !this.torchOn;
    try {
      await track.applyConstraints({ advanced: [{ torch } as MediaTrackConstraintSet] });
      this.torchOn = torch;
    } catch {
      this.torchOn = false;
    }
    this.host.requestUpdate();
  }

  stop(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
    this.torchOn = false;
    this.host.requestUpdate();
  }
}
