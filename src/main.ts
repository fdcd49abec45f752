import { GroupApp } from './core/group/group-app.ts';
import { browserPlatform } from './platform/browser-platform.ts';
import { localLocaleStore, localNameStore } from './platform/local-storage-slot.ts';
import { registerServiceWorker } from './pwa/register-sw.ts';
import './pwa/p2p-update-notice.ts';
import { refuseToRunInFrame } from './ui/frame-refusal.ts';
import { LocaleChoice } from './ui/locale/localization.ts';
import './ui/p2p-app.ts';

const locale = new LocaleChoice(localLocaleStore, navigator.languages);
// Framed by another page, nothing of the app starts: no session, no buttons to trick a click on.
if (!refuseToRunInFrame(locale)) start();

// The composition root: the only place that knows which platform the core runs on.
function start(): void {
  const page = document.querySelector('p2p-app');
  // Every link, the first included, belongs to one group; a page that links one device is a group of two.
  const groupApp = new GroupApp(browserPlatform(), localNameStore, '');
  const app = groupApp.primary.app;

  // The language is settled before the page first renders, so a Korean browser never flashes English;
  // and this device's certificate is loaded, so that even an offer made at once carries it (else the
  // other device would not know it again after a reconnect). Storage that hangs delays nothing long.
  const IDENTITY_WAIT_MS = 300;
  document.addEventListener('p2p-locale-change', (event) => void locale.choose(event.detail.locale));
  const identity = Promise.race([app.identity?.ready, new Promise((resolve) => setTimeout(resolve, IDENTITY_WAIT_MS))]);
  void Promise.allSettled([locale.start(), identity]).finally(() => {
    if (!page) return;
    page.groupApp = groupApp;
    page.app = app;
  });

  // Every build has a sw.js (vite.config.ts); the dev server has none, and a worker serving cached
  // files would fight hot reload. (Not import.meta.env.PROD: the e2e build runs with NODE_ENV=test.)
  if (!import.meta.hot) {
    registerServiceWorker((update) => {
      const notice = document.querySelector('p2p-update-notice');
      if (notice) notice.pending = update;
    });
  }
}
