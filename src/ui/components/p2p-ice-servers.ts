import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { iceServerProblems } from '../../core/settings/ice-server-check.ts';
import { hasTurnServer, type IceServerEntry } from '../../core/settings/ice-urls.ts';
import { usedFields } from '../../core/settings/settings-load.ts';
import type { SettingsModel, SettingsRefusal } from '../../core/settings/settings-model.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings/settings.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import { settingsRefusalText } from '../text/settings-text.ts';
import { iceServerRow } from './ice-server-row.ts';
import { settingsStyles } from './p2p-settings.styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-ice-servers': P2pIceServers;
  }
}

/**
 * The ICE servers part of Settings, checked as typed: each row says what is wrong with it (core's
 * codes, worded here) and is not used until fixed; the usable rows are saved when a field is left,
 * unless the browser refuses them, which is said too. Relay only sits here, since it needs TURN.
 */
@customElement('p2p-ice-servers')
@localized()
export class P2pIceServers extends LitElement {
  static override styles = settingsStyles;

  @property({ attribute: false }) model: SettingsModel | undefined;
  /** Rows as typed, including unusable ones; only usable rows reach the settings. */
  @state() private rows: IceServerEntry[] | undefined;
  @state() private refusal: SettingsRefusal | undefined;

  constructor() {
    super();
    new SubscriptionController(this, () => this.model, ['change']);
  }

  private get settings(): Settings {
    return this.model?.current ?? DEFAULT_SETTINGS;
  }

  override render() {
    const rows = this.rows ?? [...this.settings.iceServers];
    return html`
      <fieldset>
        <legend>${msg('ICE servers (STUN and TURN)')}</legend>
        <p class="hint">
          ${msg(
            'Public STUN servers help devices on different networks find each other. Leave the list empty on a LAN without internet. A TURN server relays traffic when nothing else works; it needs a user name and a password.',
          )}
        </p>
        ${rows.map((row, index) =>
          iceServerRow(row, index, {
            edit: (key, event, save) => this.handleEdit(index, key, event, save),
            remove: () => this.handleRemove(index),
          }),
        )}
        <div class="row">
          <button @click=${this.handleAdd}>${msg('Add server')}</button>
          <button @click=${this.handleRestore}>${msg('Restore defaults')}</button>
        </div>
        <p class="error" aria-live="polite">${this.refusal ? settingsRefusalText(this.refusal) : nothing}</p>
        ${this.renderRelayOnly()}
      </fieldset>
    `;
  }

  private renderRelayOnly() {
    return html`
      <label class="inline">
        <input type="checkbox" .checked=${live(this.settings.relayOnly)} aria-describedby="relay-hint" @change=${this.handleRelayOnly} />
        ${msg('Relay only')}
      </label>
      <p class="hint" id="relay-hint">
        ${msg('Hide my address from the other device: connect only through the TURN server.')}
        ${hasTurnServer(this.settings) ? '' : html`<strong>${msg('This needs a TURN server above; without one nothing connects.')}</strong>`}
      </p>
    `;
  }

  /** Every keystroke re-checks the row; leaving the field saves (trimmed). */
  private handleEdit(index: number, key: keyof IceServerEntry, event: Event, save: boolean): void {
    const typed = (event.target as HTMLInputElement).value;
    const rows = [...(this.rows ?? this.settings.iceServers)];
    rows[index] = { ...rows[index]!, [key]: save ? typed.trim() : typed };
    this.rows = rows;
    if (save) this.save(rows);
  }

  private handleAdd(): void {
    this.rows = [...(this.rows ?? this.settings.iceServers), { urls: '' }];
  }

  private handleRemove(index: number): void {
    this.save((this.rows ?? [...this.settings.iceServers]).filter((_, i) => i !== index));
  }

  private handleRestore(): void {
    this.rows = undefined;
    this.apply({ ...this.settings, iceServers: DEFAULT_SETTINGS.iceServers });
  }

  private handleRelayOnly(event: Event): void {
    this.apply({ ...this.settings, relayOnly: (event.target as HTMLInputElement).checked });
  }

  private save(rows: IceServerEntry[]): void {
    this.rows = rows;
    const usable = rows.map(usedFields).filter((row) => iceServerProblems(row).length === 0);
    this.apply({ ...this.settings, iceServers: usable });
  }

  private apply(next: Settings): void {
    const saved = this.model?.update(next);
    this.refusal = saved && !saved.ok ? saved.error : undefined;
  }
}
