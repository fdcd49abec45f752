import type { RTCPeerConnection } from 'node-datachannel/polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { blobMode, iceUfrag, type SignalDescription } from '../../../src/core/signal/index.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { LIBDATACHANNEL_RETRY } from '../../helpers/node-platform.ts';
import { gatheredDescription, libdatachannelPeer, pingPong } from './libdatachannel-peers.ts';
import { sdpCorpus } from './sdp-corpus.ts';

const open: RTCPeerConnection[] = [];
const peer = (bindAddress?: string): RTCPeerConnection => {
  const pc = libdatachannelPeer(bindAddress);
  open.push(pc);
  return pc;
};
afterEach(() => {
  for (const pc of open.splice(0)) pc.close();
});

/** What the other side gets: the description as text, read back by the codec. */
function carried(description: SignalDescription, offerUfrag?: string): { blob: string; sdp: string } {
  const blob = compactCodec.encode(description, { offerUfrag });
  const decoded = compactCodec.decode(blob);
  if (!decoded.ok) throw new Error(decoded.error.code);
  expect(decoded.value.kind).toBe(description.kind);
  return { blob, sdp: decoded.value.sdp };
}

describe('libdatachannel (node-datachannel) through the compact codec', LIBDATACHANNEL_RETRY, () => {
  it('two peers on loopback connect with the offer and the answer rebuilt from compact blobs', async () => {
    const [offerer, answerer] = [peer('127.0.0.1'), peer('127.0.0.1')];
    const channel = offerer.createDataChannel('control');
    const offerSdp = await gatheredDescription(offerer, 'offer');
    const offer = carried({ kind: 'offer', sdp: offerSdp });
    await answerer.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
    const answer = carried({ kind: 'answer', sdp: await gatheredDescription(answerer, 'answer') }, iceUfrag(offerSdp));
    await offerer.setRemoteDescription({ type: 'answer', sdp: answer.sdp });

    expect(await pingPong(channel, answerer, 5_000)).toEqual({ answererGot: 'ping', offererGot: 'pong' });
    expect([blobMode(offer.blob), blobMode(answer.blob)]).toEqual(['compact', 'compact']);
    expect(offer.sdp).toMatch(/^a=candidate:1 1 udp \d+ 127\.0\.0\.1 \d+ typ host\r$/m);
  });

  const dataOnly = sdpCorpus().filter((sample) => sample.dataOnly);

  it.each(dataOnly.map((sample) => [sample.file, sample] as const))(
    '%s, rebuilt from its blob, is accepted by libdatachannel',
    async (_, sample) => {
      const rebuilt = carried({ kind: sample.kind, sdp: sample.sdp }).sdp;
      const pc = peer('127.0.0.1');
      if (sample.kind === 'offer') {
        await pc.setRemoteDescription({ type: 'offer', sdp: rebuilt });
        expect(await gatheredDescription(pc, 'answer')).toMatch(/^m=application /m);
      } else {
        // An answer fits any data-only offer with mid 0; ICE would fail later, which is not tested here.
        pc.createDataChannel('control');
        await gatheredDescription(pc, 'offer');
        await pc.setRemoteDescription({ type: 'answer', sdp: rebuilt });
      }
      expect(pc.signalingState).toBe('stable');
    },
  );
});
