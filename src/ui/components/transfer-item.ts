import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { cleanFileName, shownFileName, shownFileType } from '../../core/transfer/file-name.ts';
import { INERT_FILE_TYPE } from '../../core/transfer/received-files.ts';
import type { TransferSnapshot } from '../../core/transfer/transfer-state.ts';
import { formatBytes, progressText, transferStateText } from '../text/transfer-text.ts';

/** What one list item can ask of the files element. */
export interface TransferItemActions {
  readonly accept: (id: string) => void;
  readonly decline: (id: string) => void;
  readonly cancel: (id: string) => void;
  /** An object URL for the verified file, or undefined while there is none to save. */
  readonly saveUrl: (id: string) => string | undefined;
}

const ACTIVE_PHASES = new Set(['sending', 'receiving', 'waiting', 'verifying', 'interrupted']);

/**
 * One transfer in the files list. The name and type came from the peer: they are shown as text
 * (Lit escapes them), cleaned of bidi and control characters with the real extension in sight
 * (file-name.ts), and the Save link is typed application/octet-stream, never the sender's type.
 */
export function transferItem(t: TransferSnapshot, actions: TransferItemActions) {
  const { progress, state, file } = t;
  const name = shownFileName(file.name);
  const type = shownFileType(file.mimeType);
  const active = ACTIVE_PHASES.has(state.phase);
  const saveUrl = state.phase === 'verified' ? actions.saveUrl(t.id) : undefined;
  return html`
    <li data-direction=${t.direction} data-phase=${state.phase} data-resume-from=${t.resumeFrom} data-bytes-resent=${t.bytesResent}><div
      role="group" aria-label=${name}>
      <div class="name">${t.direction === 'outgoing' ? '↑' : '↓'} ${name}</div>
      <div class="hint">${formatBytes(file.size)}${type ? ` · ${type}` : ''}</div>
      ${active || state.phase === 'offered'
        ? html`<progress
              aria-label=${msg(str`Progress of ${name}`)}
              max=${Math.max(1, progress.total)}
              .value=${progress.bytesDone}
            ></progress>
            <div class="hint">${progressText(t)}</div>`
        : nothing}
      <div class=${state.phase === 'verified' ? 'verified' : state.phase === 'failed' ? 'failed' : ''}>${transferStateText(t)}</div>
      <div class="row">
        ${t.direction === 'incoming' && state.phase === 'offered'
          ? html`<button class="primary" @click=${() => actions.accept(t.id)}>${msg('Accept')}</button>
              <button @click=${() => actions.decline(t.id)}>${msg('Decline')}</button>`
          : nothing}
        ${active || (t.direction === 'outgoing' && state.phase === 'offered')
          ? html`<button @click=${() => actions.cancel(t.id)}>${msg('Cancel')}</button>`
          : nothing}
        ${saveUrl
          ? html`<a class="save" href=${saveUrl} download=${cleanFileName(file.name)} type=${INERT_FILE_TYPE}>${msg('Save')}</a>`
          : nothing}
      </div>
    </div></li>
  `;
}
