import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Call } from '../../core/media/call.ts';
import { mediaErrorCode } from '../../core/media/media-error.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import { problemEvent } from '../problems.ts';
import { sharedStyles } from '../styles/shared-styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-call': P2pCall;
  }
}

/**
 * Video call on top of the open link: remote video fills the area, the local preview floats
 * over it. Toggle buttons keep their names and report their state with aria-pressed.
 *
 * @fires p2p-problem - when the camera, microphone or screen cannot be used
 */
@customElement('p2p-call')
@localized()
export class P2pCall extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .stage {
        position: relative;
        background: #000;
        border-radius: var(--p2p-radius);
        overflow: hidden;
        aspect-ratio: 4 / 3;
        max-height: 70vh;
        width: 100%;
      }
      @media (orientation: portrait) and (max-width: 600px) {
        .stage {
          aspect-ratio: 3 / 4;
        }
      }
      .remote {
        width: 100%;
        height: 100%;
        object-fit: contain;
        display: block;
      }
      .local {
        position: absolute;
        right: 0.5rem;
        bottom: 0.5rem;
        width: 28%;
        max-width: 10rem;
        border-radius: 8px;
        border: 2px solid rgba(255, 255, 255, 0.8);
        background: #222;
      }
      .note {
        position: absolute;
        inset: auto 0 0 0;
        margin: 0;
        padding: 0.4rem 0.6rem;
        color: #fff;
        background: rgba(0, 0, 0, 0.5);
        font-size: 0.9rem;
      }
      .controls {
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) call: Call | undefined;
  /** The link is interrupted: the picture stands still until it comes back. */
  @property({ type: Boolean }) frozen = false;
  @query('video.remote') private remoteVideo!: HTMLVideoElement | null;
  @query('video.local') private localVideo!: HTMLVideoElement | null;
  @query('.stage') private stage!: HTMLElement | null;

  constructor() {
    super();
    // The Call object stays the same while its state changes, so listen to it directly.
    new SubscriptionController(this, () => this.call, ['change']);
  }

  override render() {
    const call = this.call;
    if (!call) return nothing;
    const remoteSends = call.remote.video || call.remote.audio;
    return html`
      ${remoteSends || call.live
        ? html`<div class="stage">
            <video class="remote" autoplay playsinline aria-label=${msg('Video from the other device')}></video>
            ${call.live ? html`<video class="local" autoplay playsinline muted aria-label=${msg('Your camera')}></video>` : nothing}
            ${this.renderNote()}
          </div>`
        : nothing}
      <div class="row controls">
        ${call.live
          ? html`
              <button aria-pressed=${String(call.muted)} @click=${() => this.act(() => call.setMuted(!call.muted))}>${msg('Mute')}</button>
              <button aria-pressed=${String(call.cameraOff)} @click=${() => this.act(() => call.setCameraOff(!call.cameraOff))}>
                ${msg('Camera off')}
              </button>
              <button
                aria-pressed=${String(call.local.screen)}
                @click=${() => this.act(() => (call.local.screen ? call.stopSharing() : call.shareScreen()))}
              >
                ${msg('Share screen')}
              </button>
              <button @click=${() => this.act(() => call.switchCamera())}>${msg('Switch camera')}</button>
              <button @click=${() => this.act(() => call.hangUp())}>${msg('Hang up')}</button>
            `
          : html`<button class="primary" @click=${() => this.act(() => call.start())}>${msg('Start video')}</button>`}
        ${remoteSends || call.live ? html`<button @click=${this.handleFullScreen}>${msg('Full screen')}</button>` : nothing}
      </div>
    `;
  }

  protected override updated(_changed: PropertyValues): void {
    const call = this.call;
    if (!call) return;
    if (this.remoteVideo && this.remoteVideo.srcObject !== call.remoteStream) this.remoteVideo.srcObject = call.remoteStream;
    if (this.localVideo && this.localVideo.srcObject !== (call.localStream ?? null)) {
      this.localVideo.srcObject = call.localStream ?? null;
    }
  }

  private renderNote() {
    const call = this.call!;
    const notes: string[] = [];
    if (this.frozen) notes.push(msg('Paused: the link is interrupted. The picture moves again when it is back.'));
    else if (!call.remote.video && !call.remote.audio) notes.push(msg('The other device sends no video.'));
    else {
      if (!call.remote.audio) notes.push(msg('They are muted.'));
      if (!call.remote.video) notes.push(msg('Their camera is off.'));
      if (call.remote.screen) notes.push(msg('They are sharing their screen.'));
    }
    return notes.length ? html`<p class="note">${notes.join(' ')}</p>` : nothing;
  }

  private async act(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(problemEvent({ kind: 'call-media', code: mediaErrorCode(error), detail }));
    }
    this.requestUpdate();
  }

  private handleFullScreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void this.stage?.requestFullscreen?.();
  }
}
