import { localized, msg, str } from '@lit/localize';
import { html, LitElement, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { linkFor } from '../../core/qr/qr-link.ts';
import { sharedStyles } from '../styles/shared-styles.ts';
import { codeImprovedNote } from '../text/code-notes.ts';
import './p2p-qr-code.ts';

/**
 * Shows this device's offer or answer three ways: a QR code of a link to this page carrying the
 * blob (a phone's camera app opens it and answers at once), the read-only text with Copy, and
 * Share where the Web Share API exists. The text box's accessible name is exactly "Offer" or "Answer".
 * A better version of the code (`improved`) replaces the old one in place: the QR code keeps its
 * box and the note keeps its lines, so nothing on the page moves when it arrives.
 */
@customElement('p2p-signal-out')
@localized()
export class P2pSignalOut extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      textarea {
        min-height: 7rem;
      }
      /* A longer code can need a larger QR version; the square box does not change with it. */
      p2p-qr-code {
        aspect-ratio: 1;
        max-height: 70vh;
      }
      .note {
        line-height: 1.4;
        min-height: 2.8em;
      }
    `,
  ];

  @property() kind: 'offer' | 'answer' = 'offer';
  @property() blob = '';
  @property({ type: Boolean }) improved = false;
  @state() private copyFeedback = '';

  override render() {
    const label = this.kind === 'offer' ? msg('Offer') : msg('Answer');
    const qrLabel = this.kind === 'offer' ? msg('QR code of the offer') : msg('QR code of the answer');
    const characters = this.blob.length;
    return html`
      <p2p-qr-code .text=${this.link()} label=${qrLabel}></p2p-qr-code>
      <p class="hint note" aria-live="polite">${this.improved ? codeImprovedNote() : ''}</p>
      <label for="blob">${label}</label>
      <textarea id="blob" readonly .value=${this.blob} @focus=${this.handleFocus}></textarea>
      <div class="row">
        <button class="primary" @click=${this.handleCopy}>${msg('Copy')}</button>
        ${'share' in navigator ? html`<button @click=${this.handleShare}>${msg('Share')}</button>` : ''}
        <span class="hint" aria-live="polite">${this.copyFeedback}</span>
        <span class="hint">${msg(str`${characters} characters`)}</span>
      </div>
    `;
  }

  /** The page's own address (any sub-path kept) with the blob as fragment. */
  private link(): string {
    return linkFor(location.href, this.blob);
  }

  private async handleShare(): Promise<void> {
    try {
      await navigator.share({ title: this.kind === 'offer' ? msg('P2P Direct offer') : msg('P2P Direct answer'), url: this.link() });
    } catch {
      // The user closed the share sheet; nothing to report.
    }
  }

  private handleFocus(event: FocusEvent): void {
    (event.target as HTMLTextAreaElement).select();
  }

  private async handleCopy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.blob);
      this.copyFeedback = msg('Copied to the clipboard.');
    } catch {
      // Clipboard API refused (insecure origin, no permission): select the text for a manual copy.
      const textarea = this.renderRoot.querySelector('textarea');
      textarea?.focus();
      textarea?.select();
      this.copyFeedback = msg('Copying was blocked: the text is selected, copy it with Ctrl+C or the menu.');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-signal-out': P2pSignalOut;
  }
}
