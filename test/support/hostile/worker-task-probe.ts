/** Runs in the victim's page before its scripts: counts its workers and records its long tasks. */
export function probeWorkersAndLongTasks(): void {
  const probe: WorkerAndTaskProbe = { workersAlive: 0, workersCreated: 0, workersPeak: 0, longestTaskMs: 0, longTasks: 0 };
  Object.assign(window, { victimProbe: probe });
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    const ended = new WeakSet<Worker>();
    window.Worker = class extends NativeWorker {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        probe.workersCreated++;
        probe.workersPeak = Math.max(probe.workersPeak, ++probe.workersAlive);
      }
      override terminate(): void {
        if (!ended.has(this)) probe.workersAlive--;
        ended.add(this);
        super.terminate();
      }
    };
  }
  // Chromium only: tasks of 50 ms or more on the main thread.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks++;
      probe.longestTaskMs = Math.max(probe.longestTaskMs, entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** `window.victimProbe`. A worker that ends itself (close() inside it) still counts as alive. */
export interface WorkerAndTaskProbe {
  workersAlive: number;
  workersCreated: number;
  workersPeak: number;
  longestTaskMs: number;
  longTasks: number;
}
