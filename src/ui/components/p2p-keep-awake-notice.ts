import { localized } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { KeepAwake } from '../../core/app/keep-awake.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import { sharedStyles } from '../styles/shared-styles.ts';
import { PHONE_TEXT } from '../text/phone-text.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-keep-awake-notice': P2pKeepAwakeNotice;
  }
}

/**
 * On a phone, while a transfer or a call runs: a reminder to keep the page in front, and a warning
 * once the user comes back from another app. (The screen itself is kept on by the core's KeepAwake.)
 */
@customElement('p2p-keep-awake-notice')
@localized()
export class P2pKeepAwakeNotice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .warning {
        border: 1px solid var(--p2p-danger);
        border-radius: var(--p2p-radius);
        padding: 0.5rem 0.75rem;
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) keepAwake: Pick<KeepAwake, 'busy' | 'addEventListener' | 'removeEventListener'> | undefined;
  @state() private wentToBackground = false;
  private readonly handleVisibility = (): void => {
    if (document.visibilityState === 'hidden' && this.keepAwake?.busy && isPhone()) this.wentToBackground = true;
  };

  constructor() {
    super();
    new SubscriptionController(this, () => this.keepAwake, ['change']);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibility);
  }

  override render() {
    const busy = (this.keepAwake?.busy ?? false) && isPhone();
    return html`<div aria-live="polite">
      ${this.wentToBackground
        ? html`<p class="warning">${PHONE_TEXT.wasInBackground}</p>
            <div class="row"><button @click=${() => (this.wentToBackground = false)}>${PHONE_TEXT.dismiss}</button></div>`
        : busy
          ? html`<p class="hint">${PHONE_TEXT.keepInFront}</p>`
          : nothing}
    </div>`;
  }
}

/** A touch screen as the only pointer: what a phone or tablet reports. */
function isPhone(): boolean {
  return window.matchMedia?.('(pointer: coarse)').matches ?? false;
}
