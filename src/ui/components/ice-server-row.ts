import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { iceServerProblems, type IceServerProblem } from '../../core/settings/ice-server-check.ts';
import { isTurnUrl, type IceServerEntry } from '../../core/settings/ice-urls.ts';
import { usedFields } from '../../core/settings/settings-load.ts';
import { iceServerProblemText, SETTINGS_TEXT } from '../text/settings-text.ts';

const URL_PROBLEMS: ReadonlySet<IceServerProblem> = new Set(['too-long', 'bad-scheme', 'bad-host', 'bad-port', 'bad-query']);

export interface IceServerRowIntents {
  /** save: the field was left (change), else a keystroke (input). */
  edit(key: keyof IceServerEntry, event: Event, save: boolean): void;
  remove(): void;
}

/**
 * One server of the Settings form as typed: URL, and for TURN a user name and a password, each
 * marked invalid where core found a problem, and the problems in words below, described-by all
 * three fields.
 */
export function iceServerRow(row: IceServerEntry, index: number, intents: IceServerRowIntents) {
  const n = index + 1;
  // A row just added and still empty is simply not used: nothing to point out yet.
  const problems = row.urls.trim() === '' && !row.username && !row.credential ? [] : iceServerProblems(usedFields(row));
  const described = problems.length > 0 ? `server-${n}-problems` : nothing;
  const field = (key: keyof IceServerEntry, wrong: boolean, type = 'text') => html`<input
    type=${type}
    .value=${row[key] ?? ''}
    placeholder=${key === 'urls' ? msg('stun:host:3478 or turn:host:3478') : nothing}
    aria-invalid=${wrong ? 'true' : 'false'}
    aria-describedby=${described}
    @input=${(event: Event) => intents.edit(key, event, false)}
    @change=${(event: Event) => intents.edit(key, event, true)}
  />`;
  return html`
    <div class="server">
      <label>${msg(str`Server ${n} URL`)} ${field('urls', problems.some((problem) => URL_PROBLEMS.has(problem)))}</label>
      ${isTurnUrl(row.urls)
        ? html`
            <label>${msg(str`Server ${n} user name`)} ${field('username', problems.includes('missing-username'))}</label>
            <label>${msg(str`Server ${n} password`)} ${field('credential', problems.includes('missing-password'), 'password')}</label>
          `
        : nothing}
      <button aria-label=${msg(str`Remove server ${n}`)} @click=${intents.remove}>${msg('Remove')}</button>
      ${problems.length > 0
        ? html`<div class="error" id=${`server-${n}-problems`}>
            ${problems.map((problem) => html`<p>${iceServerProblemText(problem)}</p>`)}
            <p>${SETTINGS_TEXT.serverNotUsed}</p>
          </div>`
        : nothing}
    </div>
  `;
}
