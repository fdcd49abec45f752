import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { App } from '../../core/app/create-app.ts';
import type { ChatHistory } from '../../core/chat/chat-entry.ts';
import type { GroupApp } from '../../core/group/group-app.ts';
import '../components/p2p-chat.ts';
import '../components/p2p-keep-awake-notice.ts';
import { FLOW_TEXT } from '../text/flow-text.ts';

/**
 * The open link: call, chat and files in front (side by side on a laptop or a phone held sideways),
 * statistics tucked away below. All but the chat load with connected-views.ts, once the link is up,
 * so the start screen does not pay for them.
 */
export function conversationView(app: App, live: boolean, groupApp?: GroupApp) {
  return html`
    <h2 class="conversation-title" tabindex="-1" data-step-focus>${FLOW_TEXT.conversation}</h2>
    <p class="hint" aria-live="polite">${app.conversation.lastOutcome === 'continued' ? FLOW_TEXT.continued : ''}</p>
    <p2p-peer-recognition .recognition=${app.recognition}></p2p-peer-recognition>
    <p2p-verification .verification=${app.verification}></p2p-verification>
    ${groupApp ? html`<section class="panel group-area"><p2p-group .groupApp=${groupApp}></p2p-group></section>` : nothing}
    <div class="conversation">
      <section class="panel call-area" aria-labelledby="call-title">
        <h3 id="call-title">${msg('Video call')}</h3>
        <p2p-call .call=${app.calls.call} ?frozen=${!live}></p2p-call>
      </section>
      ${chatView(groupApp?.chat ?? app.chat, true)}
      ${filesView(app)}
    </div>
    <p2p-keep-awake-notice .keepAwake=${app.keepAwake}></p2p-keep-awake-notice>
    <section class="tucked" aria-label=${msg('Connection statistics')}>
      <p2p-stats .read=${async () => app.session.connection?.getStats()}></p2p-stats>
    </section>
  `;
}

/**
 * writable: while the conversation can go on (an interrupted or lost link queues what is typed);
 * after it ended the chat stays readable until New session. The element follows the chat itself,
 * so a message re-renders the chat alone.
 */
export function chatView(chat: ChatHistory, writable: boolean) {
  if (!writable && chat.entries.length === 0) return nothing;
  return html`<section class="panel chat-area" aria-labelledby="chat-title">
    <h3 id="chat-title">${msg('Chat')}</h3>
    <p2p-chat .chat=${chat} ?disabled=${!writable}></p2p-chat>
  </section>`;
}

/** Files, also while a lost link waits to be reconnected: what was under way shows as paused. */
export function filesView(app: App) {
  return html`<section class="panel files-area" aria-label=${msg('Files')}>
    <p2p-files .manager=${app.transfers.manager} .files=${app.transfers.received} ?peerVerified=${app.verification.verified}></p2p-files>
  </section>`;
}
