import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { App } from '../../core/app/create-app.ts';
import '../components/p2p-chat.ts';
import '../components/p2p-keep-awake-notice.ts';

/**
 * The open link: call, chat, files, statistics. All but the chat load with connected-views.ts,
 * once the link is up, so the start screen does not pay for them.
 */
export function conversationView(app: App, live: boolean) {
  return html`
    <section aria-label=${msg('Video call')}><p2p-call .call=${app.calls.call}></p2p-call></section>
    ${chatView(app, live)}
    <p2p-keep-awake-notice .keepAwake=${app.keepAwake}></p2p-keep-awake-notice>
    <section aria-label=${msg('Files')}>
      <p2p-files .manager=${app.transfers.manager} .files=${app.transfers.received}></p2p-files>
    </section>
    <section aria-label=${msg('Connection statistics')}>
      <p2p-stats .read=${() => app.session.getStats()}></p2p-stats>
    </section>
  `;
}

/** The chat stays readable (not writable) after the link ends, until New session. */
export function chatView(app: App, live: boolean) {
  if (!live && app.chat.entries.length === 0) return nothing;
  return html`<section aria-label=${msg('Chat')}>
    <p2p-chat .entries=${app.chat.entries} ?disabled=${!live}></p2p-chat>
  </section>`;
}
