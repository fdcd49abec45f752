import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-framed-notice': P2pFramedNotice;
  }
}

/** What the page shows instead of the app inside another page's frame (see frame-refusal.ts). */
@customElement('p2p-framed-notice')
@localized()
export class P2pFramedNotice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        padding: 1rem;
      }
      p {
        margin: 0 0 0.75rem;
      }
      a {
        color: var(--p2p-accent);
      }
    `,
  ];

  /** The page's own address, to open it as a tab of its own. */
  @property() href = '';

  override render() {
    return html`<p>${msg('P2P Direct does not run inside another page, so that no one can trick you into clicking its buttons.')}</p>
      <a href=${this.href} target="_blank" rel="noopener">${msg('Open P2P Direct in a new tab')}</a>`;
  }
}
