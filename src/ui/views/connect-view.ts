import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { MediaAccess } from '../../core/media/media-access.ts';
import type { AttemptTiming } from '../../core/session/link-slot.ts';
import type { Screen } from '../../core/session/screen.ts';
import '../components/p2p-scanner.ts';
import '../components/p2p-signal-in.ts';
import '../components/p2p-signal-out.ts';
import '../components/p2p-offer-age.ts';
import '../components/p2p-validity.ts';
import { diagnosisClosing, diagnosisText } from '../text/diagnosis-text.ts';
import { FLOW_TEXT } from '../text/flow-text.ts';
import { RELAY_STATUS } from '../text/relay-text.ts';

type ConnectScreen = Extract<Screen, { name: 'connect' }>;

export interface ConnectIntents {
  createOffer(): void;
  allowCamera(): void;
}

export interface ConnectContext {
  readonly intents: ConnectIntents;
  readonly media: MediaAccess | undefined;
  /** When this device's answer stops working, and when its attempt began (epoch ms). */
  readonly timing: AttemptTiming;
}

/**
 * The manual exchange, one step at a time. Each step's heading carries data-step-focus: the focus
 * moves there when the step changes. Reading a code always offers scanning and pasting side by side.
 */
export function connectView(screen: ConnectScreen, context: ConnectContext) {
  switch (screen.step) {
    case 'choose':
      return chooseStep(screen, context);
    case 'preparing':
      return stepSection(screen.role === 'answerer' ? FLOW_TEXT.preparingAnswer : FLOW_TEXT.preparingOffer, FLOW_TEXT.preparingHint);
    case 'send-offer':
      return html`<div class="pair">
        ${stepSection(
          FLOW_TEXT.sendOffer,
          FLOW_TEXT.sendOfferHint,
          html`${outgoing(screen)}<p2p-offer-age .since=${context.timing.startedAt}></p2p-offer-age>`,
        )}
        <section class="step" aria-labelledby="read-answer">
          <h2 id="read-answer">${FLOW_TEXT.readAnswer}</h2>
          <p class="hint">${FLOW_TEXT.readAnswerHint}</p>
          ${codeReader(context.media)}
        </section>
      </div>`;
    case 'send-answer':
      return html`${stepSection(
          FLOW_TEXT.sendAnswer,
          FLOW_TEXT.sendAnswerHint,
          html`<p2p-validity .until=${context.timing.deadline}></p2p-validity>${outgoing(screen)}`,
        )}
        <section class="step secondary" aria-labelledby="other-offer">
          <h3 id="other-offer">${FLOW_TEXT.otherOffer}</h3>
          <p2p-signal-in></p2p-signal-in>
        </section>`;
    case 'linking':
      return stepSection(FLOW_TEXT.linking, FLOW_TEXT.linkingHint);
  }
}

/** Start or join; after a failure, what went wrong first, with the fix where there is one. */
function chooseStep(screen: ConnectScreen, { intents, media }: ConnectContext) {
  const trouble = screen.noAddress || screen.failed || screen.canReconnect;
  return html`
    ${trouble ? troubleSection(screen, intents) : nothing}
    <div class="pair choices">
      ${screen.canReconnect
        ? nothing
        : html`<section class="step choice" aria-labelledby="start">
            <h2 id="start" tabindex="-1" ?data-step-focus=${!trouble}>${FLOW_TEXT.start}</h2>
            <p class="hint">${FLOW_TEXT.startHint}</p>
            <div class="row"><button class="primary" @click=${intents.createOffer}>${msg('Create offer')}</button></div>
          </section>`}
      <section class="step choice" aria-labelledby="join">
        <h2 id="join">${FLOW_TEXT.join}</h2>
        <p class="hint">${screen.canReconnect ? FLOW_TEXT.joinAgainHint : FLOW_TEXT.joinHint}</p>
        ${codeReader(media)}
      </section>
    </div>
  `;
}

/** A lost link of a conversation that can go on is reconnected; a failed start gets its fix. */
function troubleSection(screen: ConnectScreen, intents: ConnectIntents) {
  const [title, fix] = screen.canReconnect
    ? [
        FLOW_TEXT.linkLost,
        html`<p class="hint">${FLOW_TEXT.reconnectHint}</p>
          <div class="row"><button class="primary" @click=${intents.createOffer}>${msg('Reconnect')}</button></div>`,
      ]
    : screen.noAddress
      ? [FLOW_TEXT.noAddress, noAddressFix(screen, intents)]
      : [FLOW_TEXT.failed, failureHelp(screen)];
  return html`<section class="step trouble" aria-labelledby="trouble">
    <h2 id="trouble" tabindex="-1" data-step-focus>${title}</h2>
    ${fix}
  </section>`;
}

/** Each cause the failed link showed with its fix, most likely first; the general advice when none. */
function failureHelp({ diagnosis }: ConnectScreen) {
  if (diagnosis.length === 0) return html`<p class="hint">${FLOW_TEXT.failedHint}</p>`;
  return html`<ul class="diagnosis">
      ${diagnosis.map(diagnosisText).map(({ cause, fix }) => html`<li><strong>${cause}</strong> ${fix}</li>`)}
    </ul>
    <p class="hint">${diagnosisClosing()}</p>`;
}

/** No address for want of camera access: the camera fixes it. With Relay only, only the TURN server does. */
function noAddressFix(screen: ConnectScreen, intents: ConnectIntents) {
  if (screen.relay) return html`<p class="hint">${RELAY_STATUS.relayOnlyFix}</p>`;
  return html`<div class="row"><button class="primary" @click=${intents.allowCamera}>${msg('Allow camera and try again')}</button></div>`;
}

function stepSection(title: string, hint: string, content: unknown = nothing) {
  return html`<section class="step" aria-labelledby="step-title">
    <h2 id="step-title" tabindex="-1" data-step-focus>${title}</h2>
    <p class="hint">${hint}</p>
    ${content}
  </section>`;
}

function outgoing(screen: ConnectScreen) {
  if (!screen.outgoing) return nothing;
  const { kind, blob, improved } = screen.outgoing;
  return html`<p2p-signal-out kind=${kind} .blob=${blob} .improved=${improved}></p2p-signal-out>`;
}

/** Pasting and scanning as equals: whichever the user has at hand. */
function codeReader(media: MediaAccess | undefined) {
  return html`<div class="reader">
    <p2p-signal-in></p2p-signal-in>
    <div class="scan">
      <p class="hint">${FLOW_TEXT.orScan}</p>
      <p2p-scanner .media=${media}></p2p-scanner>
    </div>
  </div>`;
}
