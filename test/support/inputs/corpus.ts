import { readdirSync, readFileSync } from 'node:fs';
import type { SignalKind } from '../../../src/core/signal/index.ts';

export interface CorpusSample {
  readonly name: string;
  readonly kind: SignalKind;
  readonly media: 'data' | 'av';
  readonly sdp: string;
}

const DIR = new URL('../../fixtures/sdp/', import.meta.url);

/** Real descriptions captured from Chromium and Firefox (copied from ../shared/sdp). */
export function corpus(): CorpusSample[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.sdp'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.sdp$/, ''),
      kind: file.includes('-offer-') ? 'offer' : 'answer',
      media: file.includes('-av-') ? 'av' : 'data',
      sdp: readFileSync(new URL(file, DIR), 'utf8'),
    }));
}

/**
 * Runs in the browser: applies a remote description the way our session would, and reports the
 * browser's verdict. An answer needs a local offer with the same m-lines in the same order.
 */
export async function applyInBrowser(input: { kind: SignalKind; media: 'data' | 'av'; sdp: string }): Promise<string> {
  const pc = new RTCPeerConnection();
  try {
    if (input.kind === 'offer') {
      await pc.setRemoteDescription({ type: 'offer', sdp: input.sdp });
      await pc.setLocalDescription(await pc.createAnswer());
    } else {
      if (input.media === 'av') {
        pc.addTransceiver('audio');
        pc.addTransceiver('video');
      }
      pc.createDataChannel('control', { negotiated: true, id: 0 });
      await pc.setLocalDescription(await pc.createOffer());
      await pc.setRemoteDescription({ type: 'answer', sdp: input.sdp });
    }
    return `accepted:${pc.signalingState}`;
  } catch (error) {
    return `rejected: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    pc.close();
  }
}

declare global {
  interface Window {
    liveOfferer?: RTCPeerConnection;
  }
}

/**
 * Runs in the browser: makes a real offer/answer pair with audio and video, keeps the offerer
 * for applyLiveAnswer, and returns the answer SDP. A captured audio+video answer only fits the
 * exact offer it answered (codec and header-extension ids), so answers are tested live.
 */
export async function makeLiveAnswer(): Promise<string> {
  const offerer = new RTCPeerConnection();
  const answerer = new RTCPeerConnection();
  offerer.addTransceiver('audio');
  offerer.addTransceiver('video');
  offerer.createDataChannel('control', { negotiated: true, id: 0 });
  await offerer.setLocalDescription(await offerer.createOffer());
  await answerer.setRemoteDescription(offerer.localDescription!);
  await answerer.setLocalDescription(await answerer.createAnswer());
  window.liveOfferer = offerer;
  const sdp = answerer.localDescription!.sdp;
  answerer.close();
  return sdp;
}

export async function applyLiveAnswer(sdp: string): Promise<string> {
  const offerer = window.liveOfferer!;
  try {
    await offerer.setRemoteDescription({ type: 'answer', sdp });
    return `accepted:${offerer.signalingState}`;
  } catch (error) {
    return `rejected: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    offerer.close();
  }
}
