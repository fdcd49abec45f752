import type { ReactiveControllerHost } from 'lit';

/**
 * A listener that re-renders the host at most once per intervalMs however often it is called:
 * for counters that a flooding peer can bump thousands of times a second, where a render per
 * event would keep the main thread busy for nothing anyone could read.
 */
export function coalescedUpdate(host: ReactiveControllerHost, intervalMs: number): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  return () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      host.requestUpdate();
    }, intervalMs);
  };
}
