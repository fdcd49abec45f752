import { afterEach, expect, test } from 'vitest';
import type { App } from '../../../src/core/app/create-app.ts';
import { closeNodePeers, connectNodePeers, nodePeer, waitForState, type NodePeer } from '../../helpers/node-pair.ts';
import { LIBDATACHANNEL_RETRY, memoryIdentityStore } from '../../helpers/node-platform.ts';
import { until } from '../../helpers/session-peers.ts';

// The page's own createApp on libdatachannel: the code is derived from the fingerprints of the
// descriptions that the real codec carried and the browsers-to-be applied.

let peers: NodePeer[] = [];
afterEach(() => closeNodePeers(...peers));

async function codeOf(app: App): Promise<string> {
  await until(() => app.verification.state.phase === 'ready', 10_000);
  const state = app.verification.state;
  return state.phase === 'ready' ? state.code : '';
}

test('two Node peers show one code; confirmed, the next session with the same device says verified before', { ...LIBDATACHANNEL_RETRY, timeout: 30_000 }, async () => {
  const [a, b] = (peers = [nodePeer(), nodePeer()]);
  await Promise.all([a!.identity!.ready, b!.identity!.ready]);
  await connectNodePeers(a!, b!);
  const code = await codeOf(a!);
  expect(code).toMatch(/^\d{6}$/);
  expect(await codeOf(b!)).toBe(code);
  a!.verification.confirm();
  await until(() => (a!.platform.deviceIdentity as ReturnType<typeof memoryIdentityStore>).verified.size === 1);

  closeNodePeers(a!, b!);
  await connectNodePeers(a!, b!);
  const next = await codeOf(a!);
  // Fresh nonces on every link: a code read out once is no use on the next.
  expect(await codeOf(b!)).toBe(next);
  await until(() => a!.verification.verified);
  expect(a!.verification.state).toMatchObject({ trust: 'verified-before' });
  expect(b!.verification.verified).toBe(false);
});

test('"Codes don\'t match" ends the link on both sides and says why on this one', { ...LIBDATACHANNEL_RETRY, timeout: 30_000 }, async () => {
  const [a, b] = (peers = [nodePeer(), nodePeer()]);
  await connectNodePeers(a!, b!);
  await codeOf(a!);
  a!.verification.reject();
  expect(a!.session.state.phase).toBe('idle');
  expect(a!.verification.ending).toBe('codes-differ');
  expect(a!.conversation.id).toBeUndefined();
  await waitForState(b!, (state) => state.phase === 'ended');
});
