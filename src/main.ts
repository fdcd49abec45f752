import './ui/p2p-app.ts';
import './pwa/p2p-update-notice.ts';
import { registerServiceWorker } from './pwa/register-sw.ts';

// Every build has a sw.js (vite.config.ts); the dev server has none, and a worker serving cached
// files would fight hot reload. (Not import.meta.env.PROD: the e2e build runs with NODE_ENV=test.)
if (!import.meta.hot) {
  registerServiceWorker((update) => {
    const notice = document.querySelector('p2p-update-notice');
    if (notice) notice.pending = update;
  });
}
