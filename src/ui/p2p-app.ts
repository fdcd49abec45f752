import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { App } from '../core/app/create-app.ts';
import type { GroupApp } from '../core/group/group-app.ts';
import { stepKey, type Screen } from '../core/session/screen.ts';
import './components/p2p-language.ts';
import './components/p2p-settings.ts';
import { StepFocusController } from './controllers/step-focus-controller.ts';
import { SubscriptionController } from './controllers/subscription-controller.ts';
import type { BlobSubmitEvent, ChatSendEvent } from './events.ts';
import { appStyles } from './p2p-app.styles.ts';
import type { Problem, ProblemEvent } from './problems.ts';
import { takeLinkFragment } from './link-fragment.ts';
import { alertText } from './text/alert-text.ts';
import { HINTS } from './text/hints.ts';
import { statusText } from './text/status-text.ts';
import { connectView } from './views/connect-view.ts';
import { pageScreen } from './views/page-screen.ts';
import { chatView, conversationView, filesView } from './views/conversation-view.ts';

/**
 * Root element: renders the screen for the session's state and forwards intents to the app it is
 * handed (src/main.ts builds it). Owns one thing itself: the latest problem to show.
 */
@customElement('p2p-app')
// Below @customElement, so applied before it: <p2p-app> is in index.html and is upgraded the moment
// it is defined; a controller added after that would never reach it.
@localized()
export class P2pApp extends LitElement {
  static override styles = appStyles;

  @property({ attribute: false }) app: App | undefined;
  /** The group this page's links belong to (src/main.ts); `app` is its first link. */
  @property({ attribute: false }) groupApp: GroupApp | undefined;
  /** The latest thing that went wrong with what the user did; the session itself is unchanged. */
  @state() private problem: Problem | undefined;
  private readonly handleHashChange = (): void => void this.applyLinkFragment();
  private readonly connectIntents = { createOffer: () => void this.createOffer(), allowCamera: () => void this.allowCamera() };
  private connectedViewsLoading: Promise<unknown> | undefined;

  constructor() {
    super();
    for (const part of ['session', 'conversation', 'calls', 'transfers', 'settings', 'verification'] as const) {
      new SubscriptionController(this, () => this.app?.[part], ['change']);
    }
    new SubscriptionController(this, () => this.groupApp?.group, ['change']);
    new StepFocusController(this, () => this.app && stepKey(pageScreen(this.app, this.groupApp)));
    this.addEventListener('p2p-problem', (event: ProblemEvent) => (this.problem = event.detail.problem));
    this.addEventListener('p2p-blob-submit', (event: BlobSubmitEvent) => void this.submitCode(event.detail.text, 'paste'));
    this.addEventListener('p2p-chat-send', (event: ChatSendEvent) => this.sendChat(event.detail.text));
  }

  /** Diagnostics (and the glare e2e test): the RTCPeerConnection's signaling state, if any. */
  get signalingState(): RTCSignalingState | undefined {
    return this.app?.session.connection?.signalingState;
  }

  /** Diagnostics: the connection's getStats() report, if connected. */
  getStats(): Promise<RTCStatsReport | undefined> {
    return this.app?.session.connection?.getStats() ?? Promise.resolve(undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('app') && this.app?.settings.repaired.length) this.problem = { kind: 'settings-repaired' };
    if (changed.has('app') && this.app) void this.applyLinkFragment();
    if (!this.connectedViewsLoading && this.app && pageScreen(this.app, this.groupApp).name === 'conversation') {
      this.connectedViewsLoading = import('./connected-views.ts');
    }
  }

  override render() {
    const app = this.app;
    if (!app) return nothing;
    const state = app.session.state;
    const screen = pageScreen(app, this.groupApp);
    const alert = alertText(this.problem, app.verification.ending, screen);
    return html`
      <header>
        <div class="title">
          <h1>${HINTS.title}</h1>
          <p2p-language></p2p-language>
        </div>
        <p class="hint">${HINTS.tagline}</p>
      </header>
      <main>
        <p role="status" class="status" data-phase=${state.phase}>${statusText(state)}</p>
        ${alert ? html`<p role="alert">${alert}</p>` : nothing} ${this.renderScreen(screen, app)}
        <div class="tools">
          ${screen.name === 'connect' && screen.atStart
            ? nothing
            : html`<div class="row"><button @click=${this.newSession}>${msg('New session')}</button></div>`}
          <p2p-settings .model=${app.settings} .identity=${app.identity}></p2p-settings>
        </div>
      </main>
    `;
  }

  private renderScreen(screen: Screen, app: App) {
    switch (screen.name) {
      case 'connect':
        return html`<div class="connect">
          ${connectView(screen, { intents: this.connectIntents, media: app.media, timing: app.session.timing })}
        </div>
        ${chatView(app.chat, screen.canReconnect)} ${screen.canReconnect ? filesView(app) : nothing}`;
      case 'conversation':
        return conversationView(app, screen.live, this.groupApp);
    }
  }

  /** A link to this page that carries a code is applied as if pasted. */
  private async applyLinkFragment(): Promise<void> {
    const fragment = this.app && takeLinkFragment();
    if (fragment) await this.submitCode(fragment, 'link');
  }

  private async submitCode(text: string, via: 'paste' | 'link'): Promise<void> {
    const result = await this.app?.session.acceptBlob(text);
    if (!result) return;
    this.problem = result.ok ? undefined : { kind: 'code', via, problem: result.error };
    if (result.ok && via === 'paste') this.renderRoot.querySelector('p2p-signal-in')?.clear();
  }

  private sendChat(text: string): void {
    const sent = (this.groupApp?.chat ?? this.app?.chat)?.send(text);
    if (sent && !sent.ok) this.problem = { kind: 'chat', code: sent.error };
  }

  private async createOffer(): Promise<void> {
    this.problem = undefined;
    const started = await this.app?.session.createOffer();
    if (started && !started.ok) this.problem = started.error;
  }

  private newSession(): void {
    this.problem = undefined;
    if (this.groupApp) this.app = this.groupApp.restart().app;
    else this.app?.session.reset();
  }

  private async allowCamera(): Promise<void> {
    const revealed = await this.app?.revealLocalAddresses();
    this.problem = revealed?.ok ? undefined : { kind: 'address-camera-refused' };
    if (revealed?.ok) await this.app?.session.retry();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-app': P2pApp;
  }
}
