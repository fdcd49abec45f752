import { html, LitElement, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles.ts';

/**
 * Shows this device's offer or answer as read-only text with a Copy button.
 * The text box's accessible name is exactly "Offer" or "Answer".
 */
@customElement('p2p-signal-out')
export class P2pSignalOut extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      textarea {
        min-height: 7rem;
      }
    `,
  ];

  @property() kind: 'offer' | 'answer' = 'offer';
  @property() blob = '';
  @state() private copyFeedback = '';

  override render() {
    const label = this.kind === 'offer' ? 'Offer' : 'Answer';
    return html`
      <label for="blob">${label}</label>
      <textarea id="blob" readonly .value=${this.blob} @focus=${this.handleFocus}></textarea>
      <div class="row">
        <button class="primary" @click=${this.handleCopy}>Copy</button>
        <span class="hint" aria-live="polite">${this.copyFeedback}</span>
        <span class="hint">${this.blob.length} characters</span>
      </div>
    `;
  }

  private handleFocus(event: FocusEvent): void {
    (event.target as HTMLTextAreaElement).select();
  }

  private async handleCopy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.blob);
      this.copyFeedback = 'Copied to the clipboard.';
    } catch {
      // Clipboard API refused (insecure origin, no permission): select the text for a manual copy.
      const textarea = this.renderRoot.querySelector('textarea');
      textarea?.focus();
      textarea?.select();
      this.copyFeedback = 'Copying was blocked: the text is selected, copy it with Ctrl+C or the menu.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-signal-out': P2pSignalOut;
  }
}
