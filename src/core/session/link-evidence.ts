import { OneTimer } from '../util/one-timer.ts';
import { diagnoseLink, type CandidatePairEvidence, type DiagnosisCode } from './link-diagnosis.ts';

/**
 * The failure is reported only once the statistics are read (the connection closes right after),
 * so a browser that is slow to answer getStats() may delay it this long, and no longer.
 */
const STATS_WAIT_MS = 500;

/**
 * Diagnoses a failed connection from its two descriptions, the ICE servers it was given and its
 * candidate pairs. Must run before the connection closes: a closed one has no statistics.
 */
export async function diagnoseConnection(pc: RTCPeerConnection, iceServers: readonly RTCIceServer[]): Promise<DiagnosisCode[]> {
  // Read before waiting: the descriptions are the ones the link failed with.
  const localSdp = pc.localDescription?.sdp;
  const remoteSdp = pc.remoteDescription?.sdp;
  const iceServerUrls = iceServers.flatMap((server) => server.urls);
  return diagnoseLink({ localSdp, remoteSdp, iceServerUrls, pairs: await candidatePairs(pc) });
}

async function candidatePairs(pc: RTCPeerConnection): Promise<CandidatePairEvidence[] | undefined> {
  const timer = new OneTimer();
  const tooLate = new Promise<undefined>((resolve) => timer.start(STATS_WAIT_MS, () => resolve(undefined)));
  try {
    const report = await Promise.race([pc.getStats(), tooLate]);
    if (!report) return undefined;
    const pairs: CandidatePairEvidence[] = [];
    report.forEach((stat: RTCIceCandidatePairStats) => {
      if (stat.type !== 'candidate-pair') return;
      pairs.push({ state: stat.state, requestsSent: stat.requestsSent, responsesReceived: stat.responsesReceived });
    });
    return pairs;
  } catch {
    return undefined; // no statistics (a closed connection, a platform without them): the descriptions still speak
  } finally {
    timer.clear();
  }
}
