import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type CameraProblem = 'insecure' | 'denied' | 'no-camera' | 'busy' | 'unknown';

export const CAMERA_PROBLEM_MESSAGES: Readonly<Record<CameraProblem, string>> = {
  insecure:
    'The camera only works on a secure page (https:// or localhost). Paste the code instead, or choose an image of the QR code.',
  denied:
    'Camera access was denied. Allow it in the browser’s site settings, or paste the code, or choose an image of the QR code.',
  'no-camera': 'No camera was found. Paste the code instead, or choose an image of the QR code.',
  busy: 'The camera is in use by another app. Close it and press Scan again, or paste the code instead.',
  unknown: 'The camera could not be started. Paste the code instead, or choose an image of the QR code.',
};

/**
 * Owns the camera stream of a scanning view: rear camera first (phones), switching between
 * cameras, the torch where the track offers one. Every track stops when the host leaves the page.
 */
export class CameraController implements ReactiveController {
  stream: MediaStream | undefined;
  cameras: MediaDeviceInfo[] = [];
  torchOn = false;
  private cameraIndex = -1;

  constructor(private readonly host: ReactiveControllerHost) {
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
  async start(deviceId?: string): Promise<CameraProblem | undefined> {
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) return 'insecure';
    this.stop();
    const video: MediaTrackConstraints = deviceId
      ? { deviceId: { exact: deviceId } }
      : { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } };
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
    } catch (error) {
      return problemOf(error);
    }
    // Labels and the full list are only available once permission was granted.
    this.cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    const activeId = this.track?.getSettings().deviceId;
    this.cameraIndex = this.cameras.findIndex((camera) => camera.deviceId === activeId);
    this.host.requestUpdate();
    return undefined;
  }

  async switchCamera(): Promise<CameraProblem | undefined> {
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

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-camera';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'unknown';
}
