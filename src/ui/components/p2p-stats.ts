import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StatsSummary } from '../../core/media/connection-stats.ts';
import { StatsController } from '../controllers/stats-controller.ts';
import { sharedStyles } from '../styles/shared-styles.ts';
import { candidateText, connectionTypeText, kbpsText, lossText, msText, videoText } from '../text/stats-text.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-stats': P2pStats;
  }
}

const CHART_WIDTH = 240;
const CHART_HEIGHT = 48;

/** Live connection statistics in plain words, refreshed every second, with a one-minute chart. */
@customElement('p2p-stats')
@localized()
export class P2pStats extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2rem 1rem;
        margin: 0.5rem 0;
      }
      dt {
        color: var(--p2p-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .glance {
        font-weight: 400;
        margin-left: 0.4em;
        white-space: pre-wrap;
      }
      svg {
        width: 100%;
        max-width: 24rem;
        height: auto;
        background: var(--p2p-surface);
        border: 1px solid var(--p2p-border);
        border-radius: 6px;
      }
    `,
  ];

  @property({ attribute: false }) read: () => Promise<RTCStatsReport | undefined> = async () => undefined;
  private readonly stats = new StatsController(this, () => this.read());

  override render() {
    const s = this.stats.latest;
    return html`
      <details>
        <summary>${msg('Stats')}${s ? this.renderGlance(s) : nothing}</summary>
        ${s ? this.renderSummary(s) : html`<p class="hint">${msg('Measuring…')}</p>`}
      </details>
    `;
  }

  /** Tucked away, the panel still shows at a glance how the devices are linked and how fast. */
  private renderGlance(s: StatsSummary) {
    return html`<span class="glance">
      · <span data-stat="connection-type">${connectionTypeText(s.connectionType)}</span> · ${msg('Round trip')}
      <span data-stat="rtt">${msText(s.rttMs)}</span>
    </span>`;
  }

  private renderSummary(s: StatsSummary) {
    return html`
      <dl>
        <dt>${msg('This device')}</dt>
        <dd>${candidateText(s.local)}</dd>
        <dt>${msg('Other device')}</dt>
        <dd>${candidateText(s.remote, { protocol: false })}</dd>
        <dt>${msg('Sending')}</dt>
        <dd>${kbpsText(s.sendKbps)}</dd>
        <dt>${msg('Receiving')}</dt>
        <dd>${kbpsText(s.receiveKbps)}</dd>
        ${s.video ? html`<dt>${msg('Video in')}</dt><dd>${videoText(s.video)}</dd>` : nothing}
        <dt>${msg('Packet loss')}</dt>
        <dd>${lossText(s.packetsLost, s.packetsReceived)}</dd>
      </dl>
      ${this.renderChart()}
    `;
  }

  /** Receive bitrate (solid) and RTT (dashed) over the last minute, each scaled to its own peak. */
  private renderChart() {
    const history = this.stats.history;
    if (history.length < 2) return nothing;
    const line = (values: number[]) => {
      const peak = Math.max(1, ...values);
      return values
        .map((value, i) => `${(i / 59) * CHART_WIDTH},${CHART_HEIGHT - 2 - (value / peak) * (CHART_HEIGHT - 4)}`)
        .join(' ');
    };
    const bitrate = history.map((s) => (s.receiveKbps ?? 0) + (s.sendKbps ?? 0));
    const rtt = history.map((s) => s.rttMs ?? 0);
    const peakKbps = kbpsText(Math.max(...bitrate));
    const peakRtt = msText(Math.max(...rtt));
    return html`
      <svg
        viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"
        role="img"
        aria-label=${msg(str`Bitrate and round-trip time over the last minute: peak ${peakKbps}, peak ${peakRtt}`)}
      >
        ${svg`<polyline fill="none" stroke="#1a73e8" stroke-width="1.5" points=${line(bitrate)}></polyline>
          <polyline fill="none" stroke="#e37400" stroke-width="1.5" stroke-dasharray="3 2" points=${line(rtt)}></polyline>`}
      </svg>
      <p class="hint">${msg(str`Blue: bitrate (peak ${peakKbps}). Orange, dashed: round trip (peak ${peakRtt}).`)}</p>
    `;
  }
}
