import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DeviceIdentity } from '../../core/device/device-identity.ts';
import {
  DEFAULT_SETTINGS,
  hasTurnServer,
  isTurnUrl,
  isValidIceUrl,
  type IceServerEntry,
  type Settings,
} from '../../core/settings/settings.ts';
import './p2p-forget-device.ts';
import { settingsStyles } from './p2p-settings.styles.ts';

export type SettingsChangeEvent = CustomEvent<{ settings: Settings }>;

declare global {
  interface HTMLElementTagNameMap {
    'p2p-settings': P2pSettings;
  }
  interface GlobalEventHandlersEventMap {
    'p2p-settings-change': SettingsChangeEvent;
  }
}

type NumberKey = 'gatherCapMs' | 'gatherQuietMs' | 'connectTimeoutMs' | 'answerTimeoutMs';

const NUMBER_FIELDS: readonly { key: NumberKey; label: () => string; scale: number; min: number }[] = [
  { key: 'gatherCapMs', label: () => msg('Address search limit (ms)'), scale: 1, min: 100 },
  { key: 'gatherQuietMs', label: () => msg('Stop after no new address for (ms)'), scale: 1, min: 0 },
  { key: 'connectTimeoutMs', label: () => msg('Connection timeout after the answer (s)'), scale: 1000, min: 1 },
  { key: 'answerTimeoutMs', label: () => msg('Answer waits to be used for (s)'), scale: 1000, min: 1 },
];

/**
 * ICE servers and timing. Edits apply to the next offer or answer and are remembered.
 * Servers with an invalid URL are kept in the form (marked invalid) but never used.
 *
 * @fires p2p-settings-change - with the settings to store and use
 */
@customElement('p2p-settings')
@localized()
export class P2pSettings extends LitElement {
  static override styles = settingsStyles;

  @property({ attribute: false }) settings: Settings = DEFAULT_SETTINGS;
  /** This device's lasting identity, which Settings can forget; absent where the platform keeps none. */
  @property({ attribute: false }) identity: Pick<DeviceIdentity, 'forget'> | undefined;
  /** Rows as typed, including invalid ones; only valid rows reach the settings. */
  @state() private rows: IceServerEntry[] | undefined;

  override render() {
    const rows = this.rows ?? [...this.settings.iceServers];
    return html`
      <details>
        <summary>${msg('Settings')}</summary>
        <p class="hint">${msg('Changes apply to the next offer or answer and are remembered on this device.')}</p>
        <fieldset>
          <legend>${msg('ICE servers (STUN and TURN)')}</legend>
          <p class="hint">
            ${msg(
              'Public STUN servers help devices on different networks find each other. Leave the list empty on a LAN without internet. A TURN server relays traffic when nothing else works; it needs a user name and a password.',
            )}
          </p>
          ${rows.map((row, index) => this.renderServer(row, index))}
          <div class="row">
            <button @click=${this.handleAdd}>${msg('Add server')}</button>
            <button @click=${this.handleRestore}>${msg('Restore defaults')}</button>
          </div>
          ${this.renderRelayOnly()}
        </fieldset>
        <fieldset>
          <legend>${msg('Timing')}</legend>
          ${NUMBER_FIELDS.map(
            (field) => html`
              <label>
                ${field.label()}
                <input
                  type="number"
                  min=${field.min}
                  .value=${String(this.settings[field.key] / field.scale)}
                  @change=${(event: Event) => this.handleNumber(field.key, field.scale, event)}
                />
              </label>
            `,
          )}
        </fieldset>
        <p2p-forget-device .identity=${this.identity}></p2p-forget-device>
      </details>
    `;
  }

  private renderRelayOnly() {
    const withoutTurn = !hasTurnServer(this.settings);
    return html`
      <label class="inline">
        <input type="checkbox" .checked=${this.settings.relayOnly} aria-describedby="relay-hint" @change=${this.handleRelayOnly} />
        ${msg('Relay only')}
      </label>
      <p class="hint" id="relay-hint">
        ${msg('Hide my address from the other device: connect only through the TURN server.')}
        ${withoutTurn ? html`<strong>${msg('This needs a TURN server above; without one nothing connects.')}</strong>` : ''}
      </p>
    `;
  }

  private renderServer(row: IceServerEntry, index: number) {
    const n = index + 1;
    const valid = isValidIceUrl(row.urls);
    const turn = isTurnUrl(row.urls);
    return html`
      <div class="server">
        <label>
          ${msg(str`Server ${n} URL`)}
          <input
            .value=${row.urls}
            placeholder=${msg('stun:host:3478 or turn:host:3478')}
            aria-invalid=${valid ? 'false' : 'true'}
            @change=${(event: Event) => this.handleRow(index, 'urls', event)}
          />
        </label>
        ${turn
          ? html`
              <label>
                ${msg(str`Server ${n} user name`)}
                <input .value=${row.username ?? ''} @change=${(event: Event) => this.handleRow(index, 'username', event)} />
              </label>
              <label>
                ${msg(str`Server ${n} password`)}
                <input
                  type="password"
                  .value=${row.credential ?? ''}
                  @change=${(event: Event) => this.handleRow(index, 'credential', event)}
                />
              </label>
            `
          : ''}
        <button aria-label=${msg(str`Remove server ${n}`)} @click=${() => this.handleRemove(index)}>${msg('Remove')}</button>
        ${valid ? '' : html`<p class="error">${msg('A server URL starts with stun:, stuns:, turn: or turns:. This one is not used.')}</p>`}
      </div>
    `;
  }

  private handleRow(index: number, key: keyof IceServerEntry, event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim();
    const rows = [...(this.rows ?? this.settings.iceServers)];
    rows[index] = { ...rows[index]!, [key]: value };
    this.commitRows(rows);
  }

  private handleAdd(): void {
    this.rows = [...(this.rows ?? this.settings.iceServers), { urls: '' }];
  }

  private handleRemove(index: number): void {
    this.commitRows((this.rows ?? [...this.settings.iceServers]).filter((_, i) => i !== index));
  }

  private handleRestore(): void {
    this.rows = undefined;
    this.emit({ ...this.settings, iceServers: DEFAULT_SETTINGS.iceServers });
  }

  private handleRelayOnly(event: Event): void {
    this.emit({ ...this.settings, relayOnly: (event.target as HTMLInputElement).checked });
  }

  private handleNumber(key: NumberKey, scale: number, event: Event): void {
    const value = Number((event.target as HTMLInputElement).value) * scale;
    if (Number.isFinite(value)) this.emit({ ...this.settings, [key]: value });
  }

  private commitRows(rows: IceServerEntry[]): void {
    this.rows = rows;
    this.emit({ ...this.settings, iceServers: rows.filter((row) => isValidIceUrl(row.urls)) });
  }

  private emit(settings: Settings): void {
    this.dispatchEvent(new CustomEvent('p2p-settings-change', { detail: { settings }, bubbles: true, composed: true }));
  }
}
