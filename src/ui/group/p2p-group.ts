import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { GroupApp } from '../../core/group/group-app.ts';
import type { MemberLink } from '../../core/group/member-link.ts';
import { offerRefusal } from '../../core/transfer/transfer-limits.ts';
import { formatCode } from '../../core/verification/verification-bytes.ts';
import '../components/p2p-files.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import { sharedStyles } from '../styles/shared-styles.ts';
import { memberStateText, shownName } from './member-text.ts';
import './p2p-member-invite.ts';

/**
 * The group: this device's name, who else is here (each link's state, its verification code, and
 * who introduced it), Add a device, files to everyone, and the files of each link made by an
 * introduction or by Add a device (the first link's are in the page's own files section).
 */
@customElement('p2p-group')
@localized()
export class P2pGroup extends LitElement {
  static override styles = [sharedStyles, css`ul { padding-left: 1.2rem; } li { margin: 0.3rem 0; } .code { font-family: var(--p2p-mono); }`];

  @property({ attribute: false }) groupApp: GroupApp | undefined;
  @state() private inviting: MemberLink | undefined;

  constructor() {
    super();
    new SubscriptionController(this, () => this.groupApp, ['change']);
    new SubscriptionController(this, () => this.groupApp?.group, ['change']);
  }

  override render() {
    const app = this.groupApp;
    if (!app) return nothing;
    const group = app.group;
    const others = group.members.filter((member) => member.card || member === this.inviting);
    const linked = group.linkedMembers();
    if (this.inviting?.state === 'linked' || (this.inviting && !group.members.includes(this.inviting))) this.inviting = undefined;
    return html`<section aria-labelledby="group-title">
      <h3 id="group-title">${msg('Group')}</h3>
      <label>${msg('Your name')} <input .value=${app.displayName} maxlength="40" @change=${(event: Event) => app.rename((event.target as HTMLInputElement).value)} /></label>
      <ul aria-label=${msg('Members')}>
        ${others.map((member) => this.renderMember(member))}
      </ul>
      ${this.inviting ? html`<p2p-member-invite .member=${this.inviting}></p2p-member-invite>` : nothing}
      <div class="row">
        <button ?disabled=${group.full || Boolean(this.inviting)} @click=${this.addDevice}>${msg('Add a device')}</button>
        ${linked.length > 1 ? html`<button @click=${this.pickForEveryone}>${msg('Send files to everyone')}</button>` : nothing}
      </div>
      <input class="visually-hidden" type="file" multiple tabindex="-1" aria-hidden="true" @change=${this.sendToEveryone} />
      ${group.members.filter((member) => member !== app.primary && member.everLinked).map((member) => this.renderFiles(member))}
    </section>`;
  }

  private renderMember(member: MemberLink) {
    const name = shownName(member.card?.name);
    const introducer = member.introducedBy ? this.groupApp?.group.members.find((other) => other.card?.id === member.introducedBy)?.card : undefined;
    const code = member.code;
    return html`<li data-state=${member.state}>
      <strong>${member.card ? name : msg('New device')}</strong> — ${memberStateText(member.state)}
      ${code ? html` — ${msg('code')} <span class="code">${formatCode(code.code)}</span>` : nothing}
      ${introducer ? html` — ${msg(str`introduced by ${shownName(introducer.name)}`)}` : nothing}
    </li>`;
  }

  private renderFiles(member: MemberLink) {
    const name = shownName(member.card?.name);
    return html`<details open>
      <summary>${msg(str`Files with ${name}`)}</summary>
      <p2p-files .manager=${member.app.transfers.manager} .files=${member.app.transfers.received} ?peerVerified=${member.app.verification.verified}></p2p-files>
    </details>`;
  }

  private addDevice(): void {
    this.inviting = this.groupApp?.group.addDevice();
  }

  private pickForEveryone(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  private sendToEveryone(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])].filter((file) => !offerRefusal(file));
    input.value = '';
    for (const member of this.groupApp?.group.linkedMembers() ?? []) member.app.transfers.manager?.offerFiles(files);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-group': P2pGroup;
  }
}
