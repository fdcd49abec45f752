import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StatsSummary } from '../../core/media/connection-stats.ts';
import { StatsController } from '../controllers/stats-controller.ts';
import { sharedStyles } from '../styles/shared-styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'p2p-stats': P2pStats;
  }
}

const CHART_WIDTH = 240;
const CHART_HEIGHT = 48;

/** Live connection statistics in plain words, refreshed every second, with a one-minute chart. */
@customElement('p2p-stats')
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
      <details open>
        <summary>Stats</summary>
        ${s ? this.renderSummary(s) : html`<p class="hint">Measuring…</p>`}
      </details>
    `;
  }

  private renderSummary(s: StatsSummary) {
    const kbps = (value?: number) => (value === undefined ? '—' : `${Math.round(value)} kbit/s`);
    const lossPercent = s.packetsReceived + s.packetsLost > 0 ? (100 * s.packetsLost) / (s.packetsReceived + s.packetsLost) : 0;
    return html`
      <dl>
        <dt>Connection</dt>
        <dd data-stat="connection-type">${s.connectionType}</dd>
        <dt>This device</dt>
        <dd>${s.local ? `${s.local.type} ${s.local.address}${s.local.protocol ? ` (${s.local.protocol})` : ''}` : '—'}</dd>
        <dt>Other device</dt>
        <dd>${s.remote ? `${s.remote.type} ${s.remote.address}` : '—'}</dd>
        <dt>Round trip</dt>
        <dd data-stat="rtt">${s.rttMs === undefined ? '—' : `${s.rttMs.toFixed(1)} ms`}</dd>
        <dt>Sending</dt>
        <dd>${kbps(s.sendKbps)}</dd>
        <dt>Receiving</dt>
        <dd>${kbps(s.receiveKbps)}</dd>
        ${s.video
          ? html`<dt>Video in</dt>
              <dd>${s.video.width}×${s.video.height}${s.video.fps === undefined ? '' : ` at ${Math.round(s.video.fps)} fps`}</dd>`
          : nothing}
        <dt>Packet loss</dt>
        <dd>${lossPercent.toFixed(1)} % (${s.packetsLost} lost)</dd>
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
    const peakKbps = Math.round(Math.max(...bitrate));
    const peakRtt = Math.max(...rtt).toFixed(1);
    return html`
      <svg
        viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"
        role="img"
        aria-label="Bitrate and round-trip time over the last minute: peak ${peakKbps} kbit/s, peak ${peakRtt} ms"
      >
        ${svg`<polyline fill="none" stroke="#1a73e8" stroke-width="1.5" points=${line(bitrate)}></polyline>
          <polyline fill="none" stroke="#e37400" stroke-width="1.5" stroke-dasharray="3 2" points=${line(rtt)}></polyline>`}
      </svg>
      <p class="hint">Blue: bitrate (peak ${peakKbps} kbit/s). Orange, dashed: round trip (peak ${peakRtt} ms).</p>
    `;
  }
}
