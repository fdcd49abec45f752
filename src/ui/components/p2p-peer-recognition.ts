import { localized } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PeerRecognition } from '../../core/device/peer-recognition.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import { sharedStyles } from '../styles/shared-styles.ts';
import { recognitionText } from '../text/device-text.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-peer-recognition': P2pPeerRecognition;
  }
}

/** One quiet line: the other device has connected here before, or it has not. Empty until known. */
@customElement('p2p-peer-recognition')
@localized()
export class P2pPeerRecognition extends LitElement {
  static override styles = sharedStyles;

  @property({ attribute: false }) recognition: Pick<PeerRecognition, 'peer' | 'addEventListener' | 'removeEventListener'> | undefined;

  constructor() {
    super();
    new SubscriptionController(this, () => this.recognition, ['change']);
  }

  override render() {
    const peer = this.recognition?.peer;
    return peer ? html`<p class="hint" data-recognition=${peer}>${recognitionText(peer)}</p>` : nothing;
  }
}
