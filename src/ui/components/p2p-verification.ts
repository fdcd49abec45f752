import { localized } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCode } from '../../core/verification/verification-bytes.ts';
import type { VerificationFeature } from '../../core/verification/verification-feature.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import { sharedStyles } from '../styles/shared-styles.ts';
import { VERIFICATION_TEXT as TEXT } from '../text/verification-text.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-verification': P2pVerification;
  }
}

type Verification = Pick<VerificationFeature, 'state' | 'confirm' | 'reject' | 'addEventListener' | 'removeEventListener'>;

/**
 * The six digits both people read out, and their answer. The code alone is named "Verification
 * code", so a screen reader (and a test) reads exactly the digits; the advice describes it.
 */
@customElement('p2p-verification')
@localized()
export class P2pVerification extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .box {
        border: 1px solid var(--p2p-border);
        border-radius: var(--p2p-radius);
        padding: 0.5rem 0.75rem;
        display: grid;
        gap: 0.4rem;
      }
      .label {
        font-weight: 600;
      }
      .code {
        margin: 0;
        font-family: var(--p2p-mono);
        font-size: 1.6rem;
        letter-spacing: 0.08em;
        font-variant-numeric: tabular-nums;
      }
      .box[data-trust='confirmed'],
      .box[data-trust='verified-before'] {
        border-color: var(--p2p-success);
      }
      p {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) verification: Verification | undefined;

  constructor() {
    super();
    new SubscriptionController(this, () => this.verification, ['change']);
  }

  override render() {
    const state = this.verification?.state;
    switch (state?.phase) {
      case undefined:
      case 'idle':
        return nothing;
      case 'exchanging':
        return html`<p class="hint">${TEXT.working}</p>`;
      case 'unavailable':
        return html`<p class="hint">${TEXT.unavailable}</p>`;
      case 'ready':
        return html`<div class="box" data-trust=${state.trust}>
          <span class="label" id="label">${TEXT.label}</span>
          <p class="code" role="group" aria-labelledby="label" aria-describedby="advice">${formatCode(state.code)}</p>
          <p class="hint" id="advice">${state.trust === 'unchecked' ? TEXT.compare : state.trust === 'confirmed' ? TEXT.confirmed : TEXT.verifiedBefore}</p>
          ${state.trust === 'unchecked'
            ? html`<div class="row">
                <button @click=${() => this.verification?.confirm()}>${TEXT.match}</button>
                <button @click=${() => this.verification?.reject()}>${TEXT.differ}</button>
              </div>`
            : nothing}
        </div>`;
    }
  }
}
