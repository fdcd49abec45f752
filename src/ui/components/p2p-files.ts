import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { shownFileName } from '../../core/transfer/file-name.ts';
import type { TransferManager } from '../../core/transfer/transfer-manager.ts';
import type { ReceivedFiles } from '../../core/transfer/received-files.ts';
import type { TransferEvent } from '../../core/transfer/transfer-event.ts';
import { offerRefusal } from '../../core/transfer/transfer-limits.ts';
import { coalescedUpdate } from '../controllers/coalesced-update.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import { offerRefusalText, transferCountsText } from '../text/transfer-text.ts';
import { filesStyles } from './p2p-files.styles.ts';
import { transferItem, type TransferItemActions } from './transfer-item.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-files': P2pFiles;
  }
}

/**
 * Files both ways: send with the picker, by dropping them on the page or by pasting; accept or
 * decline what arrives; progress, speed, time left and the end-to-end SHA-256 verdict per file.
 * What the core's bounds refused (transfer-limits.ts) is said below the list, in counts.
 */
@customElement('p2p-files')
@localized()
export class P2pFiles extends LitElement {
  static override styles = filesStyles;

  @property({ attribute: false }) manager: TransferManager | undefined;
  /** Where accepted files are written, and the verified ones kept for Save. */
  @property({ attribute: false }) files: ReceivedFiles | undefined;
  @state() private autoAccept = false;
  /** Why the files last picked, dropped or pasted were not all offered. */
  @state() private refusals: string[] = [];
  private readonly objectUrls = new Map<string, string>();
  private readonly actions: TransferItemActions = {
    accept: (id) => void this.accept(id),
    decline: (id) => this.manager?.decline(id),
    cancel: (id) => this.manager?.cancel(id),
    saveUrl: (id) => this.urlFor(id),
  };

  constructor() {
    super();
    new SubscriptionController(this, () => this.manager, ['change', 'progress']);
    new SubscriptionController(this, () => this.manager, ['counts'], coalescedUpdate(this, 250));
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
    this.releaseUrls(new Set(transfers.map((t) => t.id)));
    const notes = this.manager ? transferCountsText(this.manager) : [];
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
      ${this.refusals.map((text) => html`<p class="failed">${text}</p>`)}
      <ul aria-label=${msg('Transfers')}>
        ${repeat(transfers, (t) => t.id, (t) => transferItem(t, this.actions))}
      </ul>
      ${notes.map((text) => html`<p class="hint">${text}</p>`)}
    `;
  }

  private async accept(id: string): Promise<void> {
    if (this.files) await this.manager?.accept(id, await this.files.sinkFor(id));
  }

  /** Offers what the peer can take; says why any other was not sent. */
  private send(files: File[]): void {
    this.refusals = files.flatMap((file) => {
      const refusal = offerRefusal(file);
      return refusal ? [offerRefusalText(shownFileName(file.name, 60), refusal)] : [];
    });
    const offerable = files.filter((file) => !offerRefusal(file));
    if (offerable.length > 0) this.manager?.offerFiles(offerable);
  }

  private urlFor(id: string): string | undefined {
    const file = this.files?.saved(id);
    if (file && !this.objectUrls.has(id)) this.objectUrls.set(id, URL.createObjectURL(file));
    return file && this.objectUrls.get(id);
  }

  /** The list drops old entries (MAX_LISTED_TRANSFERS): their object URLs go with them. */
  private releaseUrls(listed: ReadonlySet<string>): void {
    for (const [id, url] of this.objectUrls) {
      if (listed.has(id)) continue;
      URL.revokeObjectURL(url);
      this.objectUrls.delete(id);
    }
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
