import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeviceIdentity } from '../../core/device/device-identity.ts';
import type { SettingsModel } from '../../core/settings/settings-model.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings/settings.ts';
import { SubscriptionController } from '../controllers/subscription-controller.ts';
import './p2p-forget-device.ts';
import './p2p-ice-servers.ts';
import { settingsStyles } from './p2p-settings.styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-settings': P2pSettings;
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
 * ICE servers (p2p-ice-servers) and timing, read from and saved to the settings model. Edits apply
 * to the next offer or answer and are remembered.
 */
@customElement('p2p-settings')
@localized()
export class P2pSettings extends LitElement {
  static override styles = settingsStyles;

  @property({ attribute: false }) model: SettingsModel | undefined;
  /** This device's lasting identity, which Settings can forget; absent where the platform keeps none. */
  @property({ attribute: false }) identity: Pick<DeviceIdentity, 'forget'> | undefined;

  constructor() {
    super();
    new SubscriptionController(this, () => this.model, ['change']);
  }

  private get settings(): Settings {
    return this.model?.current ?? DEFAULT_SETTINGS;
  }

  override render() {
    return html`
      <details>
        <summary>${msg('Settings')}</summary>
        <p class="hint">${msg('Changes apply to the next offer or answer and are remembered on this device.')}</p>
        <p2p-ice-servers .model=${this.model}></p2p-ice-servers>
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

  private handleNumber(key: NumberKey, scale: number, event: Event): void {
    const value = Number((event.target as HTMLInputElement).value) * scale;
    if (Number.isFinite(value)) this.model?.update({ ...this.settings, [key]: value });
  }
}
