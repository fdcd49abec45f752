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

/** Each device sends its camera to every other: 3 streams up at 4 devices is where a phone's upload ends. */
const MAX_VIDEO_PEERS = 3;

/**
 * The group: this device's name, who else is here (each link's state, its verification code, and
 * who introduced it), Add a device, files to everyone, and the files of each link made by an
 * introduction or by Add a device (the first link's are in the page's own files section).
 */
@customElement('p2p-group')
@localized()
export class P2pGroup extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul { padding-left: 1.2rem; }
      li { margin: 0.3rem 0; }
      .code { font-family: var(--p2p-mono); }
      /* One tile per member: its video, code and files; side by side as the width allows. */
      .tiles { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); }
      .tiles > details { border: 1px solid var(--p2p-border); border-radius: var(--p2p-radius); padding: 0.5rem; }
    `,
  ];

  @property({ attribute: false }) groupApp: GroupApp | undefined;
  @state() private inviting: MemberLink | undefined;

  constructor() {
    super();
    new SubscriptionController(this, () => this.groupApp, ['change']);
    new SubscriptionController(this, () => this.groupApp?.group, ['change']);
  }

  protected override willUpdate(): void {
    const inviting = this.inviting;
    if (inviting && (inviting.state === 'linked' || !this.groupApp?.group.members.includes(inviting))) this.inviting = undefined;
  }

  override render() {
    const app = this.groupApp;
    if (!app) return nothing;
    const group = app.group;
    const others = group.members.filter((member) => member.card || member === this.inviting);
    const linked = group.linkedMembers();
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
        ${linked.length > 1 && linked.length <= MAX_VIDEO_PEERS ? html`<button @click=${this.videoWithEveryone}>${msg('Start video with everyone')}</button>` : nothing}
      </div>
      ${linked.length > MAX_VIDEO_PEERS ? html`<p class="hint">${msg('A group call takes up to 4 devices (each one sends its video to every other); chat and files work with up to 8.')}</p>` : nothing}
      ${linked.length > 1 ? html`<input class="visually-hidden" type="file" multiple tabindex="-1" aria-hidden="true" @change=${this.sendToEveryone} />` : nothing}
      <div class="tiles">${group.members.filter((member) => this.hasOwnArea(member, linked.length)).map((member) => this.renderMemberArea(member))}</div>
    </section>`;
  }

  private renderMember(member: MemberLink) {
    const name = shownName(member.card?.name);
    const introducer = member.introducedBy ? this.groupApp?.group.members.find((other) => other.card?.id === member.introducedBy)?.card : undefined;
    const code = member.code;
    return html`<li data-state=${member.state}>
      <strong>${member.card ? name : msg('New device')}</strong> — ${memberStateText(member.state)}
      ${code ? html` — ${msg('code')} <span class="code">${formatCode(code.code)}</span>` : nothing}
      ${introducer ? html` — ${this.vouched(member) ? msg(str`introduced by ${shownName(introducer.name)}, whose code you checked`) : msg(str`introduced by ${shownName(introducer.name)}`)}` : nothing}
    </li>`;
  }

  /** Links after the first; the first too once it is lost while others go on (the page then shows the group). */
  private hasOwnArea(member: MemberLink, linked: number): boolean {
    if (member.left || !member.everLinked) return false;
    return member !== this.groupApp?.primary || (member.state === 'lost' && linked > 0);
  }

  /** The call, the code and the files of a link the page's own sections do not show; Reconnect once it is lost. */
  private renderMemberArea(member: MemberLink) {
    const name = shownName(member.card?.name);
    return html`<details open>
      <summary>${msg(str`With ${name}`)}</summary>
      ${member.state === 'lost' ? html`<p2p-member-invite .member=${member}></p2p-member-invite>` : nothing}
      <p2p-verification .verification=${member.app.verification}></p2p-verification>
      <p2p-call .call=${member.app.calls.call} ?frozen=${member.state !== 'linked'}></p2p-call>
      <p2p-files .manager=${member.app.transfers.manager} .files=${member.app.transfers.received} ?peerVerified=${member.app.verification.verified}></p2p-files>
    </details>`;
  }

  /** The introducer's own link was confirmed by the people: what it relayed is as trusted as it is. */
  private vouched(member: MemberLink): boolean {
    const introducer = this.groupApp?.group.members.find((other) => other.card?.id === member.introducedBy);
    return Boolean(introducer?.confirmed) && !member.confirmed;
  }

  private addDevice(): void {
    this.inviting = this.groupApp?.group.addDevice();
  }

  private videoWithEveryone(): void {
    for (const member of this.groupApp?.group.linkedMembers() ?? []) void member.app.calls.call?.start().catch(() => undefined);
  }

  private pickForEveryone(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  private sendToEveryone(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])].filter((file) => !offerRefusal(file));
    input.value = '';
    // Every working link, also one to a device that does not speak the group protocol (a terminal peer).
    for (const member of this.groupApp?.group.members ?? []) if (member.state === 'linked') member.app.transfers.manager?.offerFiles(files);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-group': P2pGroup;
  }
}
