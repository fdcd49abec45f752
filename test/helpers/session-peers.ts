import { readFileSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import type { UncheckedMessage } from '../../src/core/channel/control-messages.ts';
import type { LinkOutcome } from '../../src/core/session/conversation.ts';
import type { FeatureLink, SessionFeature } from '../../src/core/session/feature.ts';
import { PeerSession } from '../../src/core/session/peer-session.ts';
import type { SessionState } from '../../src/core/session/session-state.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings/settings.ts';
import { compactCodec } from '../../src/core/signal/compact-codec.ts';
import { FakePeerConnection, type FakeGatheringOptions } from './fake-peer-connection.ts';
import { LinkedPeerConnection } from './linked-peer-connection.ts';

/** Sessions between in-memory linked connections (real browser descriptions, the real codec), for session tests. */

const capture = (name: string) => readFileSync(new URL(`../fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');
export const chromium = { offer: capture('chromium156-offer-data-mdns'), answer: capture('chromium156-answer-data-mdns') };
export const firefox = { offer: capture('firefox153-offer-data-mdns'), answer: capture('firefox153-answer-data-mdns') };
export const loopback: Settings = { ...DEFAULT_SETTINGS, iceServers: [] };

/** Records what the session hands it, and lets a test send on the link it was given. */
export class RecordingFeature implements SessionFeature {
  readonly messageTypes = ['probe'];
  readonly received: UncheckedMessage[] = [];
  readonly log: string[] = [];
  link: FeatureLink | undefined;
  attach(link: FeatureLink): void {
    this.link = link;
    this.log.push(`attach polite=${link.polite}`);
  }
  handle(message: UncheckedMessage): void {
    this.received.push(message);
  }
  detach(): void {
    this.log.push('detach');
  }
  reset(): void {
    this.log.push('reset');
  }
  resume(outcome: LinkOutcome): void {
    this.log.push(`resume ${outcome}`);
  }
}

export interface TestPeer {
  readonly session: PeerSession;
  readonly feature: RecordingFeature;
  readonly connections: LinkedPeerConnection[];
}

let open: TestPeer[] = [];
afterEach(() => {
  for (const peer of open) peer.session.reset();
  open = [];
});

export function linkedPeer(
  captures: { offer: string; answer: string },
  settings: Partial<Settings> = {},
  gathering: FakeGatheringOptions = {},
): TestPeer {
  const feature = new RecordingFeature();
  const connections: LinkedPeerConnection[] = [];
  const session = new PeerSession({
    createPeerConnection: () => {
      const pc = new LinkedPeerConnection(captures, gathering);
      connections.push(pc);
      return pc as unknown as RTCPeerConnection;
    },
    codec: compactCodec,
    settings: () => ({ ...loopback, ...settings }),
    features: [feature],
  });
  const peer = { session, feature, connections };
  open.push(peer);
  return peer;
}

export function fakePeer(captures: { offer: string; answer: string }): PeerSession {
  return new PeerSession({
    createPeerConnection: () => new FakePeerConnection(captures) as unknown as RTCPeerConnection,
    codec: compactCodec,
    settings: () => loopback,
  });
}

export function code(session: PeerSession): string {
  const state = session.state;
  if (state.phase === 'offer-ready') return state.offer;
  if (state.phase === 'connecting' && state.answer) return state.answer;
  throw new Error(`no code in ${state.phase}`);
}

export function reaches(session: PeerSession, done: (state: SessionState) => boolean, timeoutMs = 5_000): Promise<SessionState> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!done(session.state)) return;
      session.removeEventListener('change', check);
      clearTimeout(timer);
      resolve(session.state);
    };
    const timer = setTimeout(() => reject(new Error(`stayed ${JSON.stringify(session.state)}`)), timeoutMs);
    session.addEventListener('change', check);
    check();
  });
}

export async function until(done: () => boolean, timeoutMs = 5_000): Promise<void> {
  for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
  }
}

export const phase = (name: SessionState['phase']) => (state: SessionState) => state.phase === name;

export async function connect(a: TestPeer, b: TestPeer): Promise<void> {
  await a.session.createOffer();
  expect(await b.session.acceptBlob(code(a.session))).toEqual({ ok: true, value: 'answer-offer' });
  expect(await a.session.acceptBlob(code(b.session))).toEqual({ ok: true, value: 'accept-answer' });
  await Promise.all([reaches(a.session, phase('connected')), reaches(b.session, phase('connected'))]);
  // And both have heard the other's hello, so the link's meaning is settled.
  await until(() => [a, b].every((peer) => peer.feature.log.at(-1)?.startsWith('resume') === true));
}

