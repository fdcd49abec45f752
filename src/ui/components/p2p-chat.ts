import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatEntry, ChatHistory } from '../../core/chat/chat-feature.ts';
import { MAX_CHAT_CHARS } from '../../core/chat/chat-messages.ts';
import { FrameUpdate } from '../controllers/frame-update.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import { intent } from '../events.ts';
import { formatNumber, formatTime } from '../locale/intl.ts';
import { getLocale } from '../locale/localization.ts';
import { chatStyles } from './p2p-chat.styles.ts';

/**
 * Chat: the message log (role log) and a composer. Enter or Send sends. It follows the chat
 * itself and renders at most once per animation frame; an entry already shown is not rendered
 * again unless it changed (its delivery) or the language did.
 *
 * @fires p2p-chat-send - with the text to send
 */
@customElement('p2p-chat')
@localized()
export class P2pChat extends LitElement {
  static override styles = chatStyles;

  @property({ attribute: false }) chat: ChatHistory | undefined;
  @property({ type: Boolean }) disabled = false;
  private readonly frame = new FrameUpdate(this);

  constructor() {
    super();
    new SubscriptionController(this, () => this.chat, ['change'], () => this.frame.request());
  }

  override updated(): void {
    const log = this.renderRoot.querySelector('[role="log"]');
    if (log) log.scrollTop = log.scrollHeight;
  }

  override render() {
    const entries = this.chat?.entries ?? [];
    const removed = this.chat?.removed ?? 0;
    const refused = this.chat?.refused ?? 0;
    const locale = getLocale();
    return html`
      <div role="log" aria-label=${msg('Chat messages')}>
        ${refused > 0
          ? html`<p class="too-fast">
              ${msg(str`The other device is sending messages too fast; some were not shown (${formatNumber(refused)}).`)}
            </p>`
          : ''}
        ${entries.length === 0 ? html`<p class="empty">${msg('No messages yet.')}</p>` : ''}
        ${removed > 0 ? html`<p class="removed">${msg(str`Older messages removed: ${formatNumber(removed)}`)}</p>` : ''}
        <ol>
          ${repeat(
            entries,
            (entry) => entry.id + entry.from,
            (entry) => guard([entry, locale], () => this.renderEntry(entry)),
          )}
        </ol>
      </div>
      <form class="row" @submit=${this.handleSubmit}>
        <input
          type="text"
          aria-label=${msg('Message')}
          autocomplete="off"
          maxlength=${MAX_CHAT_CHARS}
          placeholder=${msg('Type a message')}
          ?disabled=${this.disabled}
        />
        <button class="primary" type="submit" ?disabled=${this.disabled}>${msg('Send')}</button>
      </form>
    `;
  }

  private renderEntry(entry: ChatEntry) {
    return html`
      <li data-from=${entry.from}>
        <span class="meta">
          ${entry.from === 'mine' ? msg('You') : (entry.author ?? msg('Them'))} ·
          <time datetime=${new Date(entry.at).toISOString()}>${formatTime(entry.at)}</time>
          ${entry.delivery === 'queued' ? html`· <span class="pending">${msg('not sent yet')}</span>` : ''}
        </span>
        <span class="text">${entry.text}</span>
      </li>
    `;
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector('input');
    if (!input || input.value.trim() === '') return;
    this.dispatchEvent(intent('p2p-chat-send', { text: input.value }));
    input.value = '';
    input.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'p2p-chat': P2pChat;
  }
}
