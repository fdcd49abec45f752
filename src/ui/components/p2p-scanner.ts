import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { isIntactBlob } from '../../core/signal/index.ts';
import type { MediaAccess } from '../../core/media/media-access.ts';
import { CameraController } from '../controllers/camera-controller.ts';
import { intent } from '../events.ts';
import { problemEvent, type Problem } from '../problems.ts';
import { sharedStyles } from '../styles/shared-styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-scanner': P2pScanner;
  }
}

/** The scanner module (and jsqr with it) loads only when someone scans: it is not needed to start. */
const loadScanner = () => import('../scanner/qr-scanner.ts');

/**
 * Reads the other device's QR code: live from the camera (rear camera first, switchable, torch
 * where available), or from an image file or a pasted screenshot. The first code read is applied.
 *
 * @fires p2p-blob-submit - with the text the QR code holds
 * @fires p2p-problem - when the camera or the image cannot be used
 */
@customElement('p2p-scanner')
@localized()
export class P2pScanner extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .preview {
        position: relative;
        max-width: 32rem;
        margin: 0.5rem auto;
        background: #000;
        border-radius: var(--p2p-radius);
        overflow: hidden;
      }
      video {
        display: block;
        width: 100%;
      }
      .viewfinder {
        position: absolute;
        inset: 12%;
        border: 3px solid rgba(255, 255, 255, 0.85);
        border-radius: 12px;
        box-shadow: 0 0 0 100vmax rgba(0, 0, 0, 0.35);
        pointer-events: none;
      }
    `,
  ];

  @property({ type: Boolean }) disabled = false;
  /** The platform's camera (src/main.ts hands it over through the app). */
  @property({ attribute: false }) media: MediaAccess | undefined;
  @state() private scanning = false;
  @query('video') private video!: HTMLVideoElement | null;
  private readonly camera = new CameraController(this, () => this.media);
  private stopScanner: (() => void) | undefined;
  private readonly handleDocumentPaste = (event: ClipboardEvent): void => {
    const image = [...(event.clipboardData?.files ?? [])].find((file) => file.type.startsWith('image/'));
    if (image) void this.decodeImage(image);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('paste', this.handleDocumentPaste);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('paste', this.handleDocumentPaste);
    this.stop();
  }

  override render() {
    return html`
      <div class="row">
        ${this.scanning
          ? html`<button @click=${this.stop}>${msg('Stop scanning')}</button>`
          : html`<button ?disabled=${this.disabled} @click=${this.handleScan}>${msg('Scan')}</button>`}
        <button ?disabled=${this.disabled} @click=${this.handleChooseImage}>${msg('Choose image')}</button>
        ${this.scanning && this.camera.cameras.length > 1
          ? html`<button @click=${this.handleSwitchCamera}>${msg('Switch camera')}</button>`
          : nothing}
        ${this.scanning && this.camera.hasTorch
          ? html`<button aria-pressed=${this.camera.torchOn ? 'true' : 'false'} @click=${() => this.camera.toggleTorch()}>
              ${msg('Torch')}
            </button>`
          : nothing}
      </div>
      <input
        class="visually-hidden"
        type="file"
        accept="image/*"
        tabindex="-1"
        aria-hidden="true"
        @change=${this.handleFile}
      />
      ${this.scanning
        ? html`<div class="preview">
            <video muted playsinline autoplay aria-label=${msg('Camera preview')}></video>
            <div class="viewfinder"></div>
          </div>`
        : nothing}
    `;
  }

  private async handleScan(): Promise<void> {
    const problem = await this.camera.start();
    if (problem) {
      this.report({ kind: 'scan-camera', code: problem });
      return;
    }
    this.scanning = true;
    await this.updateComplete;
    await this.attachAndScan();
  }

  private async handleSwitchCamera(): Promise<void> {
    this.stopScanner?.();
    const problem = await this.camera.switchCamera();
    if (problem) {
      this.report({ kind: 'scan-camera', code: problem });
      this.stop();
      return;
    }
    await this.attachAndScan();
  }

  private async attachAndScan(): Promise<void> {
    const video = this.video;
    if (!video || !this.camera.stream) return;
    video.srcObject = this.camera.stream;
    await video.play().catch(() => undefined);
    const { QrFrameScanner } = await loadScanner();
    // Other QR codes in view (a poster, a menu) are skipped rather than reported.
    const scanner = new QrFrameScanner(video, { accept: isIntactBlob });
    this.stopScanner = () => scanner.stop();
    const text = await scanner.scan();
    if (text === undefined) return;
    this.stop();
    this.dispatchEvent(intent('p2p-blob-submit', { text }));
  }

  private stop(): void {
    this.stopScanner?.();
    this.stopScanner = undefined;
    this.camera.stop();
    this.scanning = false;
  }

  private handleChooseImage(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  private handleFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.decodeImage(file);
  }

  private async decodeImage(image: Blob): Promise<void> {
    const { decodeImageFile } = await loadScanner();
    const text = await decodeImageFile(image);
    if (text === undefined) {
      this.report({ kind: 'no-qr-in-image' });
      return;
    }
    this.dispatchEvent(intent('p2p-blob-submit', { text }));
  }

  private report(problem: Problem): void {
    this.dispatchEvent(problemEvent(problem));
  }
}
