import type { MediaState } from '../../src/core/media/call-messages.ts';
import type { Call } from '../../src/core/media/call.ts';
import { TypedEventTarget } from '../../src/core/events/typed-event-target.ts';

const NOTHING: MediaState = { audio: false, video: false, screen: false };

/** Everything of Call that the UI may read or call; the fake must offer all of it. */
type CallSurface = Pick<
  Call,
  'live' | 'muted' | 'cameraOff' | 'local' | 'remote' | 'localStream' | 'remoteStream'
  | 'start' | 'setMuted' | 'setCameraOff' | 'shareScreen' | 'stopSharing' | 'switchCamera' | 'hangUp'
>;

/**
 * A Call for component tests: records what the user asked for, changes its state the way Call
 * does and fires 'change', or rejects with `refuseNext` as a browser refuses a camera.
 */
export class FakeCall extends TypedEventTarget<{ change: Event }> implements CallSurface {
  live = false;
  muted = false;
  cameraOff = false;
  local: MediaState = NOTHING;
  remote: MediaState = NOTHING;
  localStream: MediaStream | undefined;
  readonly remoteStream = new MediaStream();
  readonly requests: string[] = [];
  refuseNext: DOMException | undefined;

  /** Call has private state, so a fake passes for it only through this one cast. */
  get asCall(): Call {
    return this as unknown as Call;
  }

  async start(): Promise<void> {
    this.request('start');
    this.localStream = new MediaStream();
    this.live = true;
    this.announce();
  }

  async setMuted(muted: boolean): Promise<void> {
    this.request(`setMuted ${muted}`);
    this.muted = muted;
    this.announce();
  }

  async setCameraOff(off: boolean): Promise<void> {
    this.request(`setCameraOff ${off}`);
    this.cameraOff = off;
    this.announce();
  }

  async shareScreen(): Promise<void> {
    this.request('shareScreen');
    this.announce(true);
  }

  async stopSharing(): Promise<void> {
    this.request('stopSharing');
    this.announce(false);
  }

  async switchCamera(): Promise<void> {
    this.request('switchCamera');
  }

  async hangUp(): Promise<void> {
    this.request('hangUp');
    this.live = false;
    this.localStream = undefined;
    this.announce(false);
  }

  /** What the other device says it sends (a media-state message). */
  peerSends(state: Partial<MediaState>): void {
    this.remote = { ...NOTHING, ...state };
    this.notify('change');
  }

  private request(name: string): void {
    this.requests.push(name);
    const refusal = this.refuseNext;
    this.refuseNext = undefined;
    if (refusal) throw refusal;
  }

  private announce(screen = this.local.screen): void {
    this.local = { audio: this.live && !this.muted, video: this.live && !this.cameraOff, screen: this.live && screen };
    this.notify('change');
  }
}
