import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { MediaAccess } from '../../core/media/media-access.ts';
import type { Screen } from '../../core/session/screen.ts';
import '../components/p2p-scanner.ts';
import '../components/p2p-signal-in.ts';
import '../components/p2p-signal-out.ts';
import { HINTS } from '../text/hints.ts';

export interface ConnectIntents {
  createOffer(): void;
  allowCamera(): void;
}

/** Making and reading codes: this device's code once it exists, and every way to read the other's. */
export function connectView(screen: Extract<Screen, { name: 'connect' }>, intents: ConnectIntents, media: MediaAccess | undefined) {
  return html`
    ${screen.noAddress
      ? html`<div class="row"><button class="primary" @click=${intents.allowCamera}>${msg('Allow camera and try again')}</button></div>`
      : nothing}
    ${screen.failed ? html`<p class="hint">${HINTS.failed}</p>` : nothing}
    <section aria-label=${msg('Connect')}>
      ${screen.atStart
        ? html`<ol class="steps">
            <li>${msg(html`One device presses <strong>Create offer</strong> and sends the offer to the other.`)}</li>
            <li>${msg('The other device pastes it below and sends back the answer it gets.')}</li>
            <li>${msg('The first device pastes the answer. Done.')}</li>
          </ol>`
        : nothing}
      ${screen.canCreateOffer
        ? html`<div class="row"><button class="primary" @click=${intents.createOffer}>${msg('Create offer')}</button></div>`
        : nothing}
      ${screen.outgoing
        ? html`<p2p-signal-out
            kind=${screen.outgoing.kind}
            .blob=${screen.outgoing.blob}
            .improved=${screen.outgoing.improved}
          ></p2p-signal-out>`
        : nothing}
      <p2p-signal-in></p2p-signal-in>
      <p2p-scanner .media=${media}></p2p-scanner>
    </section>
  `;
}
