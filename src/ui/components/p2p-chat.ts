import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatEntry } from '../../core/chat/chat-feature.ts';
import { MAX_CHAT_CHARS } from '../../core/chat/chat-messages.ts';
import { intent } from '../events.ts';
import { formatTime } from '../locale/intl.ts';
import { sharedStyles } from '../styles/shared-styles.ts';

/**
 * Chat: the message log (role log) and a composer. Enter or Send sends.
 *
 * @fires p2p-chat-send - with the text to send
 */
@customElement('p2p-chat')
@localized()
export class P2pChat extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      [role='log'] {
        max-height: min(50vh, 24rem);
        overflow-y: auto;
        border: 1px solid var(--p2p-border);
        border-radius: var(--p2p-radius);
        padding: 0.5rem;
        background: var(--p2p-surface);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
      }
      li {
        max-width: 85%;
        padding: 0.4rem 0.7rem;
        border-radius: var(--p2p-radius);
        overflow-wrap: anywhere;
      }
      .text {
        white-space: pre-wrap;
      }
      li[data-from='mine'] {
        align-self: flex-end;
        background: var(--p2p-mine);
      }
      li[data-from='theirs'] {
        align-self: flex-start;
        background: var(--p2p-theirs);
      }
      .meta {
        display: block;
        font-size: 0.75rem;
        color: var(--p2p-muted);
      }
      .pending {
        font-style: italic;
      }
      .empty {
        color: var(--p2p-muted);
        margin: 0.25rem;
      }
      form {
        margin-top: 0.5rem;
        flex-wrap: nowrap;
      }
      form input {
        flex: 1;
        min-width: 0;
      }
    `,
  ];

  @property({ attribute: false }) entries: readonly ChatEntry[] = [];
  @property({ type: Boolean }) disabled = false;

  override updated(): void {
    const log = this.renderRoot.querySelector('[role="log"]');
    if (log) log.scrollTop = log.scrollHeight;
  }

  override render() {
    return html`
      <div role="log" aria-label=${msg('Chat messages')}>
        ${this.entries.length === 0 ? html`<p class="empty">${msg('No messages yet.')}</p>` : ''}
        <ol>
          ${repeat(
            this.entries,
            (entry) => entry.id + entry.from,
            (entry) => html`
              <li data-from=${entry.from}>
                <span class="meta">
                  ${entry.from === 'mine' ? msg('You') : msg('Them')} ·
                  <time datetime=${new Date(entry.at).toISOString()}>${formatTime(entry.at)}</time>
                  ${entry.delivery === 'queued' ? html`· <span class="pending">${msg('not sent yet')}</span>` : ''}
                </span>
                <span class="text">${entry.text}</span>
              </li>
            `,
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
