import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MemberLink } from '../../core/group/member-link.ts';
import { ownCode } from '../../core/session/settled-code.ts';
import { canStart } from '../../core/session/session-state.ts';
import { shownName } from './member-text.ts';
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
    const card = this.member?.card;
    if (canStart(session.state) && !card) {
      return html`<button @click=${() => void session.createOffer()}>${msg('Create a code for the new device')}</button>`;
    }
    if (canStart(session.state) && card) {
      // A member whose link was lost: either side makes a code, the other pastes it; the conversation goes on.
      const name = shownName(card.name);
      return html`<button @click=${() => void session.createOffer()}>${msg('Reconnect')}</button>
        <label>${msg(str`Code from ${name}`)}<textarea rows="3" @input=${() => (this.problem = '')}></textarea></label>
        <button @click=${() => void this.apply(0)}>${msg('Apply code')}</button>
        ${this.problem ? html`<p role="alert">${this.problem}</p>` : nothing}`;
    }
    if (!code) return html`<p>${session.state.phase === 'gathering' ? msg('Preparing the code…') : msg('Waiting for the new device…')}</p>`;
    return html`
      <p2p-qr-code .text=${code} .label=${msg('QR code for the new device')}></p2p-qr-code>
      <label>${msg('Code for the new device')}<textarea readonly rows="3" .value=${code}></textarea></label>
      <label>${msg('Answer from the new device')}<textarea rows="3" @input=${() => (this.problem = '')}></textarea></label>
      <button @click=${() => void this.apply(1)}>${msg('Add')}</button>
      ${this.problem ? html`<p role="alert">${this.problem}</p>` : nothing}
    `;
  }

  /** box: which text area holds the other device's code. */
  private async apply(box: number): Promise<void> {
    const area = this.renderRoot.querySelectorAll('textarea')[box];
    const text = area?.value.trim() ?? '';
    const result = text && (await this.member?.app.session.acceptBlob(text));
    if (result && !result.ok) this.problem = blobProblemText(result.error);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-member-invite': P2pMemberInvite;
  }
}
