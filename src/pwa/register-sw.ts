/** A new version, installed and waiting; `apply()` switches to it and reloads the page. */
export interface UpdateReady {
  apply(): void;
}

/**
 * Registers ./sw.js (see sw.ts) and reports a new version once it has been downloaded.
 *
 * The URL and the scope are relative to the page, so the same build works at a host's root and
 * under a sub-path such as GitHub Pages' /<repo>/.
 */
export function registerServiceWorker(onUpdateReady: (update: UpdateReady) => void): void {
  if (!('serviceWorker' in navigator)) return;
  // After 'load', so that downloading the whole app for offline use does not slow the first render.
  if (document.readyState === 'complete') void register(onUpdateReady);
  else window.addEventListener('load', () => void register(onUpdateReady), { once: true });
}

async function register(onUpdateReady: (update: UpdateReady) => void): Promise<void> {
  let registration: ServiceWorkerRegistration;
  try {
    // 'none': the browser checks sw.js itself, never a copy from the HTTP cache.
    registration = await navigator.serviceWorker.register('./sw.js', { scope: './', updateViaCache: 'none' });
  } catch {
    // Plain http:// on a LAN address, or a self-signed certificate in Chromium (which refuses service
    // workers there even after "Proceed"): the page still works, only not offline.
    return;
  }

  const announce = (worker: ServiceWorker) => {
    // With no controller this is the first install, not an update: nothing to announce.
    if (!navigator.serviceWorker.controller) return;
    onUpdateReady({
      apply: () => {
        // Another tab may have switched already; then this page only needs to load the new version.
        if (registration.waiting !== worker) return location.reload();
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
        worker.postMessage({ type: 'skip-waiting' });
      },
    });
  };
  const track = (worker: ServiceWorker | null) => {
    if (!worker) return;
    if (worker.state === 'installed') return announce(worker);
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') announce(worker);
    });
  };

  // The browser checks for an update on every navigation, possibly before this code runs: the new
  // version may already be installing, or waiting from an earlier visit.
  track(registration.waiting);
  track(registration.installing);
  registration.addEventListener('updatefound', () => track(registration.installing));
  // A call can keep a tab open for hours; look again whenever the user comes back to it.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
  });
}
