import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../ui/styles/shared-styles.ts';
import type { UpdateReady } from './register-sw.ts';

/**
 * Tells the user that a new version has been downloaded, with a button to switch to it now.
 * Reloading ends a connection, so it is never automatic: "Not now" keeps the running version,
 * and the new one starts on the next visit once every tab of the app is closed.
 *
 * The live region is always rendered (only its content appears), so screen readers announce the
 * notice; it has no role="status", which the app's own session status uses.
 */
@customElement('p2p-update-notice')
@localized()
export class P2pUpdateNotice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .notice {
        position: fixed;
        inset: auto 0.75rem 0.75rem;
        max-width: 30rem;
        margin: 0 auto;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
        padding: 0.75rem 1rem;
        border-radius: var(--p2p-radius);
        background: var(--p2p-surface);
        color: var(--p2p-text);
        border: 1px solid var(--p2p-accent);
        box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
      }
      p {
        margin: 0;
        flex: 1 1 12rem;
      }
    `,
  ];

  /** Set when a new version is waiting; cleared by "Not now". */
  @property({ attribute: false }) pending: UpdateReady | undefined;

  override render() {
    return html`<div aria-live="polite">
      ${this.pending
        ? html`<div class="notice">
            <p>${msg('A new version of this app is ready.')}</p>
            <button class="primary" @click=${this.handleReload}>${msg('Reload')}</button>
            <button @click=${this.handleLater}>${msg('Not now')}</button>
          </div>`
        : nothing}
    </div>`;
  }

  private handleReload(): void {
    this.pending?.apply();
  }

  private handleLater(): void {
    this.pending = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-update-notice': P2pUpdateNotice;
  }
}
