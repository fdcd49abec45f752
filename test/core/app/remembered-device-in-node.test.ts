import { afterEach, expect, test } from 'vitest';
import type { App } from '../../../src/core/app/create-app.ts';
import type { DeviceRecognition } from '../../../src/core/device/device-identity.ts';
import { closeNodePeers, connectNodePeers, nodePeer, type NodePeer } from '../../helpers/node-pair.ts';
import { LIBDATACHANNEL_RETRY } from '../../helpers/node-platform.ts';

// Through the page's own createApp on libdatachannel: each peer's lasting certificate goes into
// every connection, and the other side reads its fingerprint from the description the codec carried.

let peers: NodePeer[] = [];
afterEach(() => closeNodePeers(...peers));

function recognised(app: App): Promise<DeviceRecognition> {
  return new Promise((resolve) => {
    const check = (): void => {
      const peer = app.recognition.peer;
      if (peer === undefined) return;
      app.recognition.removeEventListener('change', check);
      resolve(peer);
    };
    app.recognition.addEventListener('change', check);
    check();
  });
}

async function session(a: NodePeer, b: NodePeer): Promise<DeviceRecognition[]> {
  closeNodePeers(a, b);
  await connectNodePeers(a, b);
  return Promise.all([recognised(a), recognised(b)]);
}

test('two Node peers are new to each other, then the same device as before; after A forgets, each is new to the other again', { ...LIBDATACHANNEL_RETRY, timeout: 30_000 }, async () => {
  const [a, b] = (peers = [nodePeer(), nodePeer()]);
  // Made at start-up; a connection made before then would get one of libdatachannel's own.
  await Promise.all([a!.identity!.ready, b!.identity!.ready]);
  expect(await session(a!, b!)).toEqual(['new', 'new']);
  expect(await session(a!, b!)).toEqual(['known', 'known']);
  await a!.identity!.forget();
  // A forgot B, and has a new certificate, so B does not know A either.
  expect(await session(a!, b!)).toEqual(['new', 'new']);
});
