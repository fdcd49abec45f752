import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MAX_INPUT_CHARS } from '../../core/signal/index.ts';
import { intent } from '../events.ts';
import { sharedStyles } from '../styles/shared-styles.ts';

/** Typing pauses shorter than this are still part of the same paste. */
const SETTLE_MS = 400;

/**
 * The one box for the other device's offer or answer (the blob says which). A paste is applied at
 * once; typed text once typing pauses; the Apply button or Enter force it.
 *
 * @fires p2p-blob-submit - with the text to decode
 */
@customElement('p2p-signal-in')
@localized()
export class P2pSignalIn extends LitElement {
  static override styles = sharedStyles;

  @property({ type: Boolean }) disabled = false;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** A paste fires both paste and input events; this keeps one text from being applied twice. */
  private lastAutoSubmitted = '';

  /** Empties the box after its blob was used. */
  clear(): void {
    const textarea = this.renderRoot.querySelector('textarea');
    if (textarea) textarea.value = '';
    this.lastAutoSubmitted = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.settleTimer);
  }

  override render() {
    return html`
      <label for="paste">${msg('Paste offer or answer')}</label>
      <textarea
        id="paste"
        rows="3"
        autocomplete="off"
        spellcheck="false"
        placeholder=${msg('Paste the code from the other device here')}
        ?disabled=${this.disabled}
        @input=${this.handleInput}
        @paste=${this.handlePaste}
        @keydown=${this.handleKeydown}
      ></textarea>
      <div class="row">
        <button ?disabled=${this.disabled} @click=${this.submit}>${msg('Apply')}</button>
      </div>
    `;
  }

  private handleInput(): void {
    clearTimeout(this.settleTimer);
    if (this.currentText().length > MAX_INPUT_CHARS) return this.refuseAtOnce(this.currentText());
    this.settleTimer = setTimeout(() => this.autoSubmit(), SETTLE_MS);
  }

  private handlePaste(event: ClipboardEvent): void {
    clearTimeout(this.settleTimer);
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    if (pasted.length > MAX_INPUT_CHARS) {
      event.preventDefault();
      return this.refuseAtOnce(pasted);
    }
    // The pasted text lands in the textarea after this event; read it on the next task.
    setTimeout(() => this.autoSubmit(), 0);
  }

  /**
   * Text longer than any code is handed on at once (the session refuses it by its length, with a
   * message) and never left in the box: laying out megabytes in a textarea alone freezes the page
   * for seconds. Emptied here, in the input event, the browser never lays it out.
   */
  private refuseAtOnce(text: string): void {
    this.clear();
    this.dispatchEvent(intent('p2p-blob-submit', { text }));
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      this.submit();
    }
  }

  private autoSubmit(): void {
    const text = this.currentText();
    if (text.trim() === '' || text === this.lastAutoSubmitted) return;
    this.lastAutoSubmitted = text;
    this.submit();
  }

  private submit(): void {
    clearTimeout(this.settleTimer);
    this.dispatchEvent(intent('p2p-blob-submit', { text: this.currentText() }));
  }

  private currentText(): string {
    return this.renderRoot.querySelector('textarea')?.value ?? '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-signal-in': P2pSignalIn;
  }
}
