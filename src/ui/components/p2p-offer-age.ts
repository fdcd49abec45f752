import { localized } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { codeAge } from '../../core/session/code-age.ts';
import { ClockController } from '../controllers/clock-controller.ts';
import { sharedStyles } from '../styles/shared-styles.ts';
import { staleOfferNote, waitingText } from '../text/code-notes.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-offer-age': P2pOfferAge;
  }
}

/**
 * How long this device's offer has waited for its answer, ticking once a second, and a warning
 * once it is old enough for its outside addresses to have lapsed. The count is a timer (read on
 * demand, not announced); the warning appears once, so it is announced politely.
 */
@customElement('p2p-offer-age')
@localized()
export class P2pOfferAge extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      p {
        margin: 0;
      }
      [role='timer'] {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** Epoch milliseconds when the offer was made; nothing is shown without one. */
  @property({ attribute: false }) since: number | undefined;
  private readonly clock = new ClockController(this);

  override render() {
    if (this.since === undefined) return nothing;
    const age = codeAge(this.since, this.clock.now);
    return html`<p role="timer" class="hint">${waitingText(age.waitedSeconds)}</p>
      <p class="hint" aria-live="polite">${age.stale ? staleOfferNote() : ''}</p>`;
  }
}
