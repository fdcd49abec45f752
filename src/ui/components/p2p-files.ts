import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TransferManager } from '../../core/transfer/transfer-manager.ts';
import type { ReceivedFiles } from '../../core/transfer/received-files.ts';
import type { TransferEvent } from '../../core/transfer/transfer-event.ts';
import type { TransferSnapshot } from '../../core/transfer/transfer-state.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import { formatBytes, progressText, transferStateText } from '../text/transfer-text.ts';
import { filesStyles } from './p2p-files.styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-files': P2pFiles;
  }
}

/**
 * Files both ways: send with the picker, by dropping them on the page or by pasting; accept or
 * decline what arrives; progress, speed, time left and the end-to-end SHA-256 verdict per file.
 */
@customElement('p2p-files')
@localized()
export class P2pFiles extends LitElement {
  static override styles = filesStyles;

  @property({ attribute: false }) manager: TransferManager | undefined;
  /** Where accepted files are written, and the verified ones kept for Save. */
  @property({ attribute: false }) files: ReceivedFiles | undefined;
  @state() private autoAccept = false;
  private readonly objectUrls = new Map<string, string>();

  constructor() {
    super();
    new SubscriptionController(this, () => this.manager, ['change', 'progress']);
    new SubscriptionController(this, () => this.manager, ['offer'], (event: TransferEvent) => {
      if (this.autoAccept) void this.accept(event.transfer.id);
    });
    new SubscriptionController(this, () => this.files, ['change']);
  }

  private readonly handleDragOver = (event: DragEvent): void => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  };
  private readonly handleDrop = (event: DragEvent): void => {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    this.send(files);
  };
  private readonly handlePaste = (event: ClipboardEvent): void => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length > 0) this.send(files);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('dragover', this.handleDragOver);
    document.addEventListener('drop', this.handleDrop);
    document.addEventListener('paste', this.handlePaste);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('dragover', this.handleDragOver);
    document.removeEventListener('drop', this.handleDrop);
    document.removeEventListener('paste', this.handlePaste);
    for (const url of this.objectUrls.values()) URL.revokeObjectURL(url);
  }

  override render() {
    const transfers = this.manager?.list() ?? [];
    return html`
      <h3>${msg('Files')}</h3>
      <div class="row">
        <button @click=${this.handlePick}>${msg('Send files')}</button>
        <label class="inline">
          <input type="checkbox" .checked=${this.autoAccept} @change=${this.handleAutoAccept} />
          ${msg('Always accept files from this device for this session')}
        </label>
      </div>
      <p class="hint">${msg('Or drop files anywhere on this page, or paste them. Every file is checked end to end (SHA-256).')}</p>
      <input class="visually-hidden" type="file" multiple tabindex="-1" aria-hidden="true" @change=${this.handleFiles} />
      <ul aria-label=${msg('Transfers')}>
        ${repeat(transfers, (t) => t.id, (t) => this.renderTransfer(t))}
      </ul>
    `;
  }

  private renderTransfer(t: TransferSnapshot) {
    const { progress, state, file } = t;
    const active = ['sending', 'receiving', 'waiting', 'verifying', 'interrupted'].includes(state.phase);
    const saved = this.files?.saved(t.id);
    return html`
      <li data-direction=${t.direction} data-phase=${state.phase} data-resume-from=${t.resumeFrom} data-bytes-resent=${t.bytesResent}><div
        role="group" aria-label=${file.name}>
        <div class="name">${t.direction === 'outgoing' ? '↑' : '↓'} ${file.name}</div>
        <div class="hint">${formatBytes(file.size)}${file.mimeType ? ` · ${file.mimeType}` : ''}</div>
        ${active || state.phase === 'offered'
          ? html`<progress
                aria-label=${msg(str`Progress of ${file.name}`)}
                max=${Math.max(1, progress.total)}
                .value=${progress.bytesDone}
              ></progress>
              <div class="hint">${progressText(t)}</div>`
          : nothing}
        <div class=${state.phase === 'verified' ? 'verified' : state.phase === 'failed' ? 'failed' : ''}>${transferStateText(t)}</div>
        <div class="row">
          ${t.direction === 'incoming' && state.phase === 'offered'
            ? html`<button class="primary" @click=${() => this.accept(t.id)}>${msg('Accept')}</button>
                <button @click=${() => this.manager?.decline(t.id)}>${msg('Decline')}</button>`
            : nothing}
          ${active || (t.direction === 'outgoing' && state.phase === 'offered')
            ? html`<button @click=${() => this.manager?.cancel(t.id)}>${msg('Cancel')}</button>`
            : nothing}
          ${state.phase === 'verified' && saved
            ? html`<a class="save" href=${this.urlFor(t.id, saved)} download=${file.name}>${msg('Save')}</a>`
            : nothing}
        </div>
      </div></li>
    `;
  }

  private async accept(id: string): Promise<void> {
    if (this.files) await this.manager?.accept(id, await this.files.sinkFor(id));
  }

  private send(files: File[]): void {
    this.manager?.offerFiles(files);
  }

  private urlFor(id: string, file: File | Blob): string {
    let url = this.objectUrls.get(id);
    if (!url) {
      url = URL.createObjectURL(file);
      this.objectUrls.set(id, url);
    }
    return url;
  }

  private handlePick(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  private handleFiles(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) this.send(files);
  }

  private handleAutoAccept(event: Event): void {
    this.autoAccept = (event.target as HTMLInputElement).checked;
    if (!this.autoAccept) return;
    for (const t of this.manager?.list() ?? []) {
      if (t.direction === 'incoming' && t.state.phase === 'offered') void this.accept(t.id);
    }
  }
}
