import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MemberLink } from '../../core/group/member-link.ts';
import { ownCode } from '../../core/group/settled-code.ts';
import '../components/p2p-qr-code.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import { sharedStyles } from '../styles/shared-styles.ts';
import { blobProblemText } from '../text/problem-text.ts';

/**
 * One more device joins by the same exchange as the first: this device's code for it (QR and
 * text), and a box for the answer it sends back. The new device uses its page as usual (it
 * pastes or scans this code as an offer); once linked, the members introduce it to everyone.
 */
@customElement('p2p-member-invite')
@localized()
export class P2pMemberInvite extends LitElement {
  static override styles = [sharedStyles, css`textarea { width: 100%; font-family: var(--p2p-mono); }`];

  @property({ attribute: false }) member: MemberLink | undefined;
  @state() private problem = '';

  constructor() {
    super();
    new SubscriptionController(this, () => this.member?.app.session, ['change']);
  }

  override render() {
    const session = this.member?.app.session;
    if (!session) return nothing;
    const code = ownCode(session.state);
    if (session.state.phase === 'idle') {
      return html`<button @click=${() => void session.createOffer()}>${msg('Create a code for the new device')}</button>`;
    }
    if (!code) return html`<p>${session.state.phase === 'gathering' ? msg('Preparing the code…') : msg('Waiting for the new device…')}</p>`;
    return html`
      <p2p-qr-code .text=${code} .label=${msg('QR code for the new device')}></p2p-qr-code>
      <label>${msg('Code for the new device')}<textarea readonly rows="3" .value=${code}></textarea></label>
      <label>${msg('Answer from the new device')}<textarea rows="3" @input=${() => (this.problem = '')}></textarea></label>
      <button @click=${this.apply}>${msg('Add')}</button>
      ${this.problem ? html`<p role="alert">${this.problem}</p>` : nothing}
    `;
  }

  private async apply(): Promise<void> {
    const box = this.renderRoot.querySelectorAll('textarea')[1];
    const text = box?.value.trim() ?? '';
    const result = text && (await this.member?.app.session.acceptBlob(text));
    if (result && !result.ok) this.problem = blobProblemText(result.error);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-member-invite': P2pMemberInvite;
  }
}
