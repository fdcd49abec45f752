import { RTCPeerConnection } from 'node-datachannel/polyfill';

/**
 * Peers of libdatachannel (npm node-datachannel), a WebRTC stack for Node, for the tests and for
 * scripts/capture-libdatachannel.ts. Without ICE servers, gathering finishes as soon as the host
 * candidates are known; the polyfill's default is already no ICE servers (unlike a browser, it
 * adds no public STUN server), so `iceServers: []` only says so.
 */
export function libdatachannelPeer(bindAddress?: string): RTCPeerConnection {
  // bindAddress is libdatachannel's own option: with 127.0.0.1 its only candidate is on loopback,
  // which every machine has (without it libdatachannel never offers loopback addresses).
  const config = { iceServers: [], ...(bindAddress === undefined ? {} : { bindAddress }) };
  return new RTCPeerConnection(config as RTCConfiguration);
}

/** Creates the offer or answer, waits until every candidate is in it, and returns its SDP. */
export async function gatheredDescription(pc: RTCPeerConnection, kind: 'offer' | 'answer'): Promise<string> {
  const gathered = new Promise<void>((resolve) => {
    const check = (): void => {
      if (pc.iceGatheringState === 'complete') resolve();
    };
    pc.addEventListener('icegatheringstatechange', check);
    check();
  });
  await pc.setLocalDescription(kind === 'offer' ? await pc.createOffer() : await pc.createAnswer());
  await gathered;
  return pc.localDescription!.sdp;
}

/**
 * Sends `ping` from the offerer's channel and `pong` back over the channel the answerer receives;
 * resolves with what each side got, or rejects after `timeoutMs`.
 */
export function pingPong(
  offererChannel: RTCDataChannel,
  answerer: RTCPeerConnection,
  timeoutMs: number,
): Promise<{ answererGot: string; offererGot: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message both ways within ${timeoutMs} ms`)), timeoutMs);
    let answererGot = '';
    answerer.addEventListener('datachannel', (event) => {
      const channel = (event as RTCDataChannelEvent).channel;
      channel.addEventListener('message', (message) => {
        answererGot = String(message.data);
        channel.send('pong');
      });
    });
    offererChannel.addEventListener('open', () => offererChannel.send('ping'));
    offererChannel.addEventListener('message', (message) => {
      clearTimeout(timer);
      resolve({ answererGot, offererGot: String(message.data) });
    });
  });
}
