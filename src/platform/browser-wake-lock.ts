import type { WakeLockAccess } from '../core/app/keep-awake.ts';

/**
 * The Screen Wake Lock API. The browser releases the lock whenever the page is hidden, so while
 * it is wanted it is taken again each time the page is shown. Absent (older Safari, Firefox
 * before 126) it refuses, and the screen may sleep as before.
 */
export const browserWakeLock: WakeLockAccess = {
  async request() {
    if (!('wakeLock' in navigator)) throw new Error('no Screen Wake Lock API');
    let sentinel: WakeLockSentinel | undefined = await navigator.wakeLock.request('screen');
    let wanted = true;
    const takeAgain = async (): Promise<void> => {
      if (!wanted || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      sentinel = await navigator.wakeLock.request('screen').catch(() => undefined);
    };
    const handleVisibility = (): void => void takeAgain();
    document.addEventListener('visibilitychange', handleVisibility);
    return () => {
      wanted = false;
      document.removeEventListener('visibilitychange', handleVisibility);
      void sentinel?.release().catch(() => {});
    };
  },
};
