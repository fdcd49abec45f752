import { createApp, type App } from '../../src/core/app/create-app.ts';
import type { SessionState } from '../../src/core/session/session-state.ts';
import { nodePlatform } from './node-platform.ts';

export type NodePeer = App & { readonly platform: ReturnType<typeof nodePlatform> };

export function nodePeer(settings?: object): NodePeer {
  const platform = nodePlatform(settings);
  return { ...createApp(platform), platform };
}

/** Resolves once the session's state satisfies `done` (now or after a change), or rejects after timeoutMs. */
export function waitForState(app: App, done: (state: SessionState) => boolean, timeoutMs = 10_000): Promise<SessionState> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!done(app.session.state)) return;
      clearTimeout(timer);
      app.session.removeEventListener('change', check);
      resolve(app.session.state);
    };
    const timer = setTimeout(() => {
      app.session.removeEventListener('change', check);
      reject(new Error(`state stayed ${JSON.stringify(app.session.state)}`));
    }, timeoutMs);
    app.session.addEventListener('change', check);
    check();
  });
}

export function outgoingCode(app: App): string {
  const state = app.session.state;
  if (state.phase === 'offer-ready') return state.offer;
  if (state.phase === 'connecting' && state.answer) return state.answer;
  throw new Error(`no code to send in ${state.phase}`);
}

/** The whole manual exchange between two Node peers, through the real codec, until both are connected. */
export async function connectNodePeers(a: App, b: App): Promise<void> {
  await a.session.createOffer();
  const answered = await b.session.acceptBlob(outgoingCode(a));
  if (!answered.ok) throw new Error(`offer refused: ${JSON.stringify(answered.error)}`);
  const accepted = await a.session.acceptBlob(outgoingCode(b));
  if (!accepted.ok) throw new Error(`answer refused: ${JSON.stringify(accepted.error)}`);
  await Promise.all([a, b].map((peer) => waitForState(peer, (state) => state.phase === 'connected')));
}

/** Ends both sides so that libdatachannel's threads let the test process exit. */
export function closeNodePeers(...peers: App[]): void {
  for (const peer of peers) peer.session.reset();
}

/**
 * Accepts every file the peer offers, into the app's received files, as a user ticking "always
 * accept" would. The transfer machinery loads on its own, so the manager may come a moment after
 * the link: this waits for it (a page shows the files section when it comes).
 */
export async function acceptEveryFile(app: App): Promise<void> {
  const manager = await transferManagerOf(app);
  manager.addEventListener('offer', (event) => {
    void app.transfers.received.sinkFor(event.transfer.id).then((sink) => manager.accept(event.transfer.id, sink));
  });
}

/** The app's transfer manager, once its machinery has loaded and a link has given it one; fails after 10 s. */
export function transferManagerOf(app: App): Promise<NonNullable<App['transfers']['manager']>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no transfer manager: not connected')), 10_000);
  });
  return Promise.race([app.transfers.whenManager(), timeout]).finally(() => clearTimeout(timer));
}
