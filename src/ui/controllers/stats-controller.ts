import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { summarizeStats, type StatsSummary } from '../../core/media/connection-stats.ts';

/** A minute of readings at one per second, for the chart. */
const HISTORY = 60;

/** Polls getStats() once a second while the host is on the page and polling is wanted. */
export class StatsController implements ReactiveController {
  history: StatsSummary[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly read: () => Promise<RTCStatsReport | undefined>,
  ) {
    host.addController(this);
  }

  get latest(): StatsSummary | undefined {
    return this.history.at(-1);
  }

  hostConnected(): void {
    this.timer = setInterval(() => void this.poll(), 1000);
    void this.poll();
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.history = [];
  }

  private async poll(): Promise<void> {
    const report = await this.read().catch(() => undefined);
    if (!report) return;
    this.history = [...this.history.slice(-(HISTORY - 1)), summarizeStats(report, this.latest)];
    this.host.requestUpdate();
  }
}
