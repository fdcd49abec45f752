import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { MediaAccess } from '../core/media/call.ts';
import { PeerSession } from '../core/session/peer-session.ts';
import type { SessionState } from '../core/session/session-state.ts';
import { statusText } from '../core/session/status-text.ts';
import { parseSettings, serializeSettings, type Settings } from '../core/settings/settings.ts';
import { compactCodec } from '../core/signal/compact-codec.ts';
import type { CallProblemEvent } from './components/p2p-call.ts';
import './components/p2p-chat.ts';
import './components/p2p-scanner.ts';
import type { ScanProblemEvent } from './components/p2p-scanner.ts';

import './components/p2p-settings.ts';
import './components/p2p-signal-in.ts';
import './components/p2p-signal-out.ts';
import type { SettingsChangeEvent } from './components/p2p-settings.ts';
import { clearReceivedFiles } from './files/opfs-sink.ts';
import { SessionController } from './controllers/session-controller.ts';
import type { BlobSubmitEvent, ChatSendEvent } from './events.ts';
import { loadSettings, saveSettings } from './settings-store.ts';
import { sharedStyles } from './styles/shared-styles.ts';

const NO_CANDIDATES_EXPLANATION =
  'This device found no network address to offer, so the other device could not reach it. ' +
  'This happens on a network without internet access: the browser hides local addresses until ' +
  'the page may use the camera. Allow camera access to reveal them (the camera is switched off ' +
  'again at once), or join a network with internet access.';

/** The browser's devices, looked up at call time: mediaDevices is absent on insecure origins. */
const browserMedia: MediaAccess = {
  getUserMedia: (constraints) => mediaDevices().getUserMedia(constraints),
  getDisplayMedia: (options) => mediaDevices().getDisplayMedia(options),
  enumerateDevices: () => mediaDevices().enumerateDevices(),
};

function mediaDevices(): MediaDevices {
  if (!navigator.mediaDevices) throw new DOMException('The camera needs a secure page (https).', 'NotAllowedError');
  return navigator.mediaDevices;
}

/** Root element: owns the session, picks what to show from its state, forwards intents to it. */
@customElement('p2p-app')
export class P2pApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        max-width: 44rem;
        margin: 0 auto;
        padding: 1rem;
      }
      header h1 {
        margin: 0;
        font-size: 1.5rem;
      }
      section {
        display: flex;
        flex-direction: column;
        gap: var(--p2p-gap);
        margin: var(--p2p-gap) 0;
      }
      .status {
        font-weight: 600;
        padding: 0.6rem 0.8rem;
        border-radius: var(--p2p-radius);
        background: var(--p2p-surface);
        border: 1px solid var(--p2p-border);
      }
      .status[data-phase='connected'] {
        border-color: #1e8e3e;
      }
      [role='alert'] {
        color: var(--p2p-danger);
        border: 1px solid currentColor;
        border-radius: var(--p2p-radius);
        padding: 0.6rem 0.8rem;
        margin: 0;
      }
      ol.steps {
        padding-left: 1.25rem;
        margin: 0;
      }
    `,
  ];

  @state() private settings: Settings = loadSettings();
  /** The latest thing that went wrong with the user's input; the session itself is unchanged. */
  @state() private error = '';
  private readonly session = new PeerSession({
    createPeerConnection: (config) => new RTCPeerConnection(config),
    codec: compactCodec,
    settings: () => this.settings,
    media: browserMedia,
  });

  /** Diagnostics (and the glare e2e test): the RTCPeerConnection's signaling state, if any. */
  get signalingState(): RTCSignalingState | undefined {
    return this.session.signalingState;
  }

  /** Diagnostics: the connection's getStats() report, if connected. */
  getStats(): Promise<RTCStatsReport | undefined> {
    return this.session.getStats();
  }

  private readonly handleHashChange = (): void => void this.applyLinkFragment();

  constructor() {
    super();
    new SessionController(this, this.session);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
    void this.applyLinkFragment();
    void clearReceivedFiles();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  /**
   * A link `…/#<blob>` (from a QR scanned by the phone's own camera app) is applied as if pasted.
   * The fragment never reaches any server; it is removed from the address bar at once so that a
   * reload or a shared screenshot does not reuse it.
   */
  private async applyLinkFragment(): Promise<void> {
    const fragment = location.hash.slice(1);
    if (!fragment) return;
    history.replaceState(null, '', location.pathname + location.search);
    const result = await this.session.acceptBlob(fragment);
    this.error = result.ok ? '' : `The link you opened cannot be used here. ${result.error}`;
  }

  override render() {
    const state = this.session.state;
    return html`
      <header>
        <h1>P2P Direct</h1>
        <p class="hint">Connect two devices directly, with no server: exchange one offer and one answer by hand.</p>
      </header>
      <main>
        <p role="status" class="status" data-phase=${state.phase}>${statusText(state, this.timeoutSeconds(state))}</p>
        ${this.renderProblem(state)} ${this.renderSignaling(state)} ${this.renderCall(state)}
        ${this.renderChat(state)} ${this.renderFiles(state)} ${this.renderStats(state)}
        ${state.phase === 'idle'
          ? nothing
          : html`<div class="row"><button @click=${this.handleNewSession}>New session</button></div>`}
        <p2p-settings .settings=${this.settings} @p2p-settings-change=${this.handleSettingsChange}></p2p-settings>
      </main>
    `;
  }

  private renderProblem(state: SessionState) {
    const alert = this.error || (state.phase === 'no-candidates' ? NO_CANDIDATES_EXPLANATION : '');
    return html`
      ${alert ? html`<p role="alert">${alert}</p>` : nothing}
      ${state.phase === 'no-candidates'
        ? html`<div class="row"><button class="primary" @click=${this.handleAllowCamera}>Allow camera and try again</button></div>`
        : nothing}
      ${state.phase === 'failed'
        ? html`<p class="hint">
            Check that both devices are on the same network, or add a TURN server in Settings. Press New session to
            start again.
          </p>`
        : nothing}
    `;
  }

  private renderSignaling(state: SessionState) {
    if (state.phase === 'connected' || state.phase === 'interrupted') return nothing;
    const canCreate = state.phase !== 'gathering' && state.phase !== 'offer-ready' && state.phase !== 'connecting';
    return html`
      <section aria-label="Connect">
        ${state.phase === 'idle'
          ? html`<ol class="steps">
              <li>One device presses <strong>Create offer</strong> and sends the offer to the other.</li>
              <li>The other device pastes it below and sends back the answer it gets.</li>
              <li>The first device pastes the answer. Done.</li>
            </ol>`
          : nothing}
        ${canCreate
          ? html`<div class="row"><button class="primary" @click=${this.handleCreateOffer}>Create offer</button></div>`
          : nothing}
        ${state.phase === 'offer-ready' ? html`<p2p-signal-out kind="offer" .blob=${state.offer}></p2p-signal-out>` : nothing}
        ${state.phase === 'connecting' && state.answer
          ? html`<p2p-signal-out kind="answer" .blob=${state.answer}></p2p-signal-out>`
          : nothing}
        <p2p-signal-in @p2p-blob-submit=${this.handleBlobSubmit}></p2p-signal-in>
        <p2p-scanner
          @p2p-blob-submit=${this.handleBlobSubmit}
          @p2p-scan-problem=${(event: ScanProblemEvent) => (this.error = event.detail.message)}
        ></p2p-scanner>

      </section>
    `;
  }

  private renderCall(state: SessionState) {
    if (state.phase !== 'connected' && state.phase !== 'interrupted') return nothing;
    void import('./connected-views.ts');
    return html`
      <section aria-label="Video call">
        <p2p-call
          .call=${this.session.call}
          @p2p-call-problem=${(event: CallProblemEvent) => (this.error = event.detail.message)}
        ></p2p-call>
      </section>
    `;
  }

  private renderFiles(state: SessionState) {
    if (state.phase !== 'connected' && state.phase !== 'interrupted') return nothing;
    return html`<section aria-label="Files"><p2p-files .manager=${this.session.transfers}></p2p-files></section>`;
  }

  private renderStats(state: SessionState) {
    if (state.phase !== 'connected' && state.phase !== 'interrupted') return nothing;
    return html`<section aria-label="Connection statistics">
      <p2p-stats .read=${() => this.session.getStats()}></p2p-stats>
    </section>`;
  }

  private renderChat(state: SessionState) {
    const live = state.phase === 'connected';
    if (!live && this.session.chat.length === 0) return nothing;
    return html`
      <section aria-label="Chat">
        <p2p-chat .entries=${this.session.chat} ?disabled=${!live} @p2p-chat-send=${this.handleChatSend}></p2p-chat>
      </section>
    `;
  }

  private timeoutSeconds(state: SessionState): number {
    const role = 'role' in state ? state.role : undefined;
    const ms = role === 'answerer' ? this.settings.answerTimeoutMs : this.settings.connectTimeoutMs;
    return Math.round(ms / 1000);
  }

  private async handleCreateOffer(): Promise<void> {
    this.error = '';
    await this.session.createOffer();
  }

  private async handleBlobSubmit(event: BlobSubmitEvent): Promise<void> {
    const result = await this.session.acceptBlob(event.detail.text);
    if (result.ok) {
      this.error = '';
      this.renderRoot.querySelector('p2p-signal-in')?.clear();
    } else {
      this.error = result.error;
    }
  }

  private handleChatSend(event: ChatSendEvent): void {
    if (!this.session.sendChat(event.detail.text)) this.error = 'The message could not be sent: the link is not open.';
  }

  private handleNewSession(): void {
    this.error = '';
    this.session.reset();
    void clearReceivedFiles();
  }

  private async handleAllowCamera(): Promise<void> {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      for (const track of stream.getTracks()) track.stop();
    } catch {
      this.error =
        'Camera access was refused or there is no camera, so the browser keeps this device’s local addresses hidden. Join a network with internet access, or allow the camera in the browser’s site settings.';
      return;
    }
    this.error = '';
    await this.session.retry();
  }

  private handleSettingsChange(event: SettingsChangeEvent): void {
    // A round trip through the parser clamps out-of-range numbers exactly as storage would.
    this.settings = parseSettings(serializeSettings(event.detail.settings));
    saveSettings(this.settings);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-app': P2pApp;
  }
}
