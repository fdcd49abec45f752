import { localized, msg } from '@lit/localize';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { QRCodeErrorCorrectionLevel } from 'qrcode';
import { qrSegmentsFor } from '../../core/qr/qr-link.ts';
import type { QrMatrix } from '../../core/qr/qr-matrix.ts';

/** ISO/IEC 18004 asks for 4 modules of light margin; scanners lose the symbol without it. */
const QUIET_ZONE_MODULES = 4;
/** Below ~3.5 device pixels per module jsqr fails on phone photos (docs/benchmarks.md). */
const MIN_PX_PER_MODULE = 4;

type Encoder = (typeof import('../../core/qr/qr-matrix.ts'))['qrMatrixFor'];
let encoderLoading: Promise<Encoder> | undefined;
/** The encoder (the qrcode package, about a fifth of the entry chunk) loads with the first code, not with the page. */
const loadEncoder = (): Promise<Encoder> => (encoderLoading ??= import('../../core/qr/qr-matrix.ts').then((module) => module.qrMatrixFor));
// Fetched once the page is idle, so that the first code is drawn as soon as it exists.
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadEncoder(), { timeout: 3000 });

/**
 * Draws a link as a QR code: integer pixels per module (crisp edges, no smoothing), as large as
 * the space allows, always dark on light whatever the page theme.
 */
@customElement('p2p-qr-code')
@localized()
export class P2pQrCode extends LitElement {
  static override styles = css`
    :host {
      display: block;
      width: 100%;
    }
    canvas {
      display: block;
      margin: 0 auto;
      image-rendering: pixelated;
      background: #fff;
      max-width: none;
    }
    p {
      margin: 0;
    }
  `;

  @property() text = '';
  /** The image's accessible name; the owner words it (in the page's language). */
  @property() label = '';
  @property() level: QRCodeErrorCorrectionLevel = 'M';
  @state() private availableWidth = 0;
  @state() private encode: Encoder | undefined;
  private encoderReady: Promise<void> | undefined;
  @query('canvas') private canvas!: HTMLCanvasElement | null;
  private readonly resizeObserver = new ResizeObserver((entries) => {
    this.availableWidth = Math.floor(entries[0]?.contentRect.width ?? 0);
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
  }

  protected override willUpdate(): void {
    if (this.text && !this.encoderReady) this.encoderReady = loadEncoder().then((encode) => void (this.encode = encode));
  }

  /** Complete once the code is drawn, the encoder's loading included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.encoderReady;
    return super.getUpdateComplete();
  }

  override render() {
    // Until the encoder is there, the box holds its place empty (the owner gives it its size).
    if (!this.text || !this.encode) return html``;
    const matrix = this.matrix();
    if (!matrix) return html`<p>${msg('This code is too long for a QR code; copy the text instead.')}</p>`;
    return html`<canvas role="img" aria-label=${this.label || msg('QR code')} data-version=${matrix.version}></canvas>`;
  }

  protected override updated(_changed: PropertyValues): void {
    const matrix = this.matrix();
    if (matrix && this.canvas) this.draw(this.canvas, matrix);
  }

  private matrix(): QrMatrix | undefined {
    if (!this.text || !this.encode) return undefined;
    const result = this.encode(qrSegmentsFor(this.text), this.level);
    return result.ok ? result.value : undefined;
  }

  private draw(canvas: HTMLCanvasElement, matrix: QrMatrix): void {
    const ratio = window.devicePixelRatio || 1;
    const sideModules = matrix.size + 2 * QUIET_ZONE_MODULES;
    // Leave room for the controls below: at most ~70% of the viewport height.
    const cssSpace = Math.min(this.availableWidth || 320, window.innerHeight * 0.7);
    const devicePxPerModule = Math.max(MIN_PX_PER_MODULE, Math.floor((cssSpace * ratio) / sideModules));
    const side = devicePxPerModule * sideModules;
    canvas.width = side;
    canvas.height = side;
    canvas.style.width = `${side / ratio}px`;
    canvas.style.height = `${side / ratio}px`;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, side, side);
    context.fillStyle = '#000';
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        if (!matrix.modules[row * matrix.size + col]) continue;
        const x = (col + QUIET_ZONE_MODULES) * devicePxPerModule;
        const y = (row + QUIET_ZONE_MODULES) * devicePxPerModule;
        context.fillRect(x, y, devicePxPerModule, devicePxPerModule);
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-qr-code': P2pQrCode;
  }
}
