import { localized } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DeviceIdentity } from '../../core/device/device-identity.ts';
import { fieldsetStyles } from '../styles/fieldset-styles.ts';
import { sharedStyles } from '../styles/shared-styles.ts';
import { DEVICE_TEXT } from '../text/device-text.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-forget-device': P2pForgetDevice;
  }
}

/**
 * The Settings part about this device's lasting identity: what it is, and a button that forgets
 * it (the certificate and the devices met), with a sentence saying what happened. Nothing where
 * the platform keeps no identity.
 */
@customElement('p2p-forget-device')
@localized()
export class P2pForgetDevice extends LitElement {
  static override styles = [sharedStyles, fieldsetStyles];

  @property({ attribute: false }) identity: Pick<DeviceIdentity, 'forget'> | undefined;
  @state() private outcome: 'forgotten' | 'not-forgotten' | undefined;
  @state() private forgetting = false;

  override render() {
    if (!this.identity) return nothing;
    return html`<fieldset>
      <legend>${DEVICE_TEXT.legend}</legend>
      <p class="hint">${DEVICE_TEXT.explanation}</p>
      <div class="row">
        <button ?disabled=${this.forgetting} @click=${this.handleForget}>${DEVICE_TEXT.forget}</button>
      </div>
      <p aria-live="polite">${this.outcomeText()}</p>
    </fieldset>`;
  }

  private outcomeText(): string {
    if (this.outcome === 'forgotten') return DEVICE_TEXT.forgotten;
    if (this.outcome === 'not-forgotten') return DEVICE_TEXT.notForgotten;
    return '';
  }

  private async handleForget(): Promise<void> {
    if (!this.identity) return;
    this.forgetting = true;
    this.outcome = undefined;
    const forgotten = await this.identity.forget();
    this.outcome = forgotten ? 'forgotten' : 'not-forgotten';
    this.forgetting = false;
  }
}
