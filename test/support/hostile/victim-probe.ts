import type { CDPSession } from 'playwright-core';
import type { PeerPage } from '../page/peer-page.ts';
import type { PeerRecord } from './channel-recorder.ts';
import type { WorkerAndTaskProbe } from './worker-task-probe.ts';

/** What the victim holds after an attack: what the caps bound. */
export interface VictimHoldings {
  readonly workersAlive: number;
  readonly workersPeak: number;
  readonly chatEntries: number;
  readonly fileEntries: number;
  /** Data channels open on the victim's side besides the control channel. */
  readonly peerChannelsOpen: number;
}

export interface AttackCost {
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** JS heap after the attack minus before, both after a full garbage collection. */
  readonly heapGrowthMiB: number;
  /** The highest JS heap seen by a 250 ms sampler during the attack, above the baseline. */
  readonly heapPeakMiB: number;
}

const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise<undefined>((done) => setTimeout(() => done(undefined), ms));

/** The victim's page measured from outside: its heap through CDP, its counts through the page. */
export class VictimProbe {
  private baseline = 0;
  private peak = 0;
  private sampler: ReturnType<typeof setInterval> | undefined;

  private constructor(
    readonly peer: PeerPage,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(peer: PeerPage): Promise<VictimProbe> {
    const cdp = await peer.page.context().newCDPSession(peer.page);
    await cdp.send('Performance.enable');
    return new VictimProbe(peer, cdp);
  }

  /** The attack starts now: long tasks counted from here, heap measured against now. */
  async start(): Promise<void> {
    this.baseline = this.peak = await this.collectedHeap();
    await this.peer.page.evaluate(() => Object.assign((window as unknown as { victimProbe: WorkerAndTaskProbe }).victimProbe, { longestTaskMs: 0, longTasks: 0 }));
    // One reading at a time: a victim busy for seconds would otherwise pile them up.
    let reading = false;
    this.sampler = setInterval(() => {
      if (reading) return;
      reading = true;
      void this.heapUsed()
        .then((used) => (this.peak = Math.max(this.peak, used)), () => {})
        .finally(() => (reading = false));
    }, 250);
  }

  /** The attack is over and the victim has settled. */
  async finish(): Promise<AttackCost> {
    clearInterval(this.sampler);
    const after = await this.collectedHeap();
    const tasks = await this.peer.page.evaluate(() => (window as unknown as { victimProbe: WorkerAndTaskProbe }).victimProbe);
    return {
      longestTaskMs: tasks.longestTaskMs,
      longTasks: tasks.longTasks,
      heapGrowthMiB: (after - this.baseline) / MiB,
      heapPeakMiB: (Math.max(this.peak, after) - this.baseline) / MiB,
    };
  }

  async holdings(): Promise<VictimHoldings> {
    const { page } = this.peer;
    const [counts, chatEntries, fileEntries] = await Promise.all([
      page.evaluate(() => {
        const w = window as unknown as { victimProbe: WorkerAndTaskProbe; peerRecord: PeerRecord };
        const open = [...w.peerRecord.channels].filter((channel) => channel.label !== 'control' && channel.readyState === 'open');
        return { workersAlive: w.victimProbe.workersAlive, workersPeak: w.victimProbe.workersPeak, peerChannelsOpen: open.length };
      }),
      this.peer.chat.log.locator('li').count(),
      page.locator('p2p-files li[data-phase]').count(),
    ]);
    return { ...counts, chatEntries, fileEntries };
  }

  /**
   * Waits until what the victim holds has not changed for `quietMs`, at most `maxMs`. Every reading
   * waits for the victim's main thread, so a page still busy with the flood delays it; a reading
   * that outlasts the deadline is not waited for. Holdings: the last reading, if any came.
   */
  async settle(quietMs = 2000, maxMs = 300_000): Promise<{ holdings: VictimHoldings | undefined; settled: boolean }> {
    const deadline = Date.now() + maxMs;
    let last: VictimHoldings | undefined;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      // null: the page crashed; undefined: the deadline came first.
      const now = await Promise.race([this.holdings().catch(() => null), sleep(deadline - Date.now())]);
      if (!now) break;
      if (last && JSON.stringify(now) === JSON.stringify(last)) {
        if (Date.now() - quietSince >= quietMs) return { holdings: now, settled: true };
      } else {
        [last, quietSince] = [now, Date.now()];
      }
      await sleep(500);
    }
    return { holdings: last, settled: false };
  }

  async close(): Promise<void> {
    clearInterval(this.sampler);
    await this.cdp.detach().catch(() => {});
  }

  private async collectedHeap(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    return this.heapUsed();
  }

  private async heapUsed(): Promise<number> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  }
}
