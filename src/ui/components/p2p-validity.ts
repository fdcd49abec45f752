import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ClockController } from '../controllers/clock-controller.ts';
import { formatNumber } from '../locale/intl.ts';
import { sharedStyles } from '../styles/shared-styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-validity': P2pValidity;
  }
}

/** Under this, the countdown asks for haste. */
const HURRY_MS = 60_000;

/**
 * How much longer this device's code can be used, ticking once a second. Not a live region: a
 * screen reader that announced every second would drown everything else; the text is read on demand.
 */
@customElement('p2p-validity')
@localized()
export class P2pValidity extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      p {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .hurry {
        color: var(--p2p-danger);
        font-weight: 600;
      }
    `,
  ];

  /** Epoch milliseconds when the code stops working; nothing is shown without one. */
  @property({ attribute: false }) until: number | undefined;
  private readonly clock = new ClockController(this);

  override render() {
    if (this.until === undefined) return nothing;
    const leftMs = Math.max(0, this.until - this.clock.now);
    return html`<p role="timer" class=${leftMs < HURRY_MS ? 'hurry' : ''}>${validityText(leftMs)}</p>`;
  }
}

export function validityText(leftMs: number): string {
  const totalSeconds = Math.ceil(leftMs / 1000);
  const minutes = formatNumber(Math.floor(totalSeconds / 60));
  const seconds = formatNumber(totalSeconds % 60);
  return totalSeconds >= 60
    ? msg(str`Valid for ${minutes} min ${seconds} s more. After that, make a new answer from their offer.`)
    : msg(str`Valid for ${seconds} s more. After that, make a new answer from their offer.`);
}
