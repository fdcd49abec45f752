import { parseAddress } from './candidate-address.ts';
import {
  CANDIDATE_TRANSPORTS,
  CANDIDATE_TYPES,
  ICE_OPTIONS,
  MAX_CANDIDATES,
  SCTP_PORT,
  TCP_ACTIVE_PORT,
  type DataCandidate,
  type DataDescription,
  type Endpoint,
} from './data-description.ts';
import { isIceCredential } from './ice-credentials.ts';
import { sdpMeaning, type CandidateMeaning } from './sdp-meaning.ts';
import type { SignalKind } from '../signal-codec.ts';

const DATA_CHANNEL_MEDIA = 'application UDP/DTLS/SCTP webrtc-datachannel';
const SHA256_FINGERPRINT = /^sha-256 ([0-9A-F]{2}(:[0-9A-F]{2}){31})$/;

/**
 * The compact fields of a data-channel-only description, or undefined when the description says
 * anything the compact form cannot carry (media sections, unknown attributes, several fingerprints,
 * uneven network costs, …): the caller then uses the lossless fallback form.
 */
export function dataDescriptionFromSdp(kind: SignalKind, sdp: string): DataDescription | undefined {
  const meaning = sdpMeaning(sdp);
  const [media, ...moreMedia] = meaning.media;
  if (!media || moreMedia.length > 0 || meaning.other.length > 0 || media.other.length > 0) return undefined;
  if (meaning.groups.join('\n') !== 'BUNDLE 0' || media.mid !== '0' || media.media !== DATA_CHANNEL_MEDIA) return undefined;
  // sdpMeaning sorts the space-separated options, so `trickle ice2` is carried as `ice2 trickle`.
  const iceOptions = ICE_OPTIONS.find((value) => value === media.iceOptions.join(' '));
  if (media.sctpPort !== SCTP_PORT || iceOptions === undefined) return undefined;
  const { iceUfrag, icePwd, setup } = media;
  if (iceUfrag === undefined || icePwd === undefined || !isIceCredential(iceUfrag) || !isIceCredential(icePwd)) {
    return undefined;
  }
  const setupValues = kind === 'offer' ? (['actpass'] as const) : (['active', 'passive'] as const);
  const validSetup = setupValues.find((value) => value === setup);
  if (!validSetup) return undefined;
  const fingerprint = media.fingerprints.length === 1 ? SHA256_FINGERPRINT.exec(media.fingerprints[0]!) : null;
  if (!fingerprint) return undefined;
  if (media.maxMessageSize !== undefined && media.maxMessageSize > 0xffffffff) return undefined;

  // Priority order; at equal rank UDP first, so that a TCP candidate can refer to its UDP twin's address.
  const transportIndex = (c: CandidateMeaning): number => CANDIDATE_TRANSPORTS.findIndex((t) => t === transportOf(c));
  const ordered = [...media.candidates].sort((a, b) => a.rank - b.rank || transportIndex(a) - transportIndex(b));
  const candidates = ordered.map(toDataCandidate);
  if (candidates.length > MAX_CANDIDATES || !candidates.every((c): c is DataCandidate => c !== undefined)) return undefined;
  return {
    kind,
    setup: validSetup,
    iceUfrag,
    icePwd,
    fingerprint: Uint8Array.from(fingerprint[1]!.split(':'), (hex) => parseInt(hex, 16)),
    candidates,
    endOfCandidates: media.endOfCandidates,
    iceOptions,
    maxMessageSize: media.maxMessageSize,
  };
}

function toDataCandidate(meaning: CandidateMeaning): DataCandidate | undefined {
  const type = CANDIDATE_TYPES.find((name) => name === meaning.type);
  const transport = CANDIDATE_TRANSPORTS.find((name) => name === transportOf(meaning));
  const address = parseAddress(meaning.address);
  if (!type || !transport || !address || meaning.component !== 1) return undefined;
  if (meaning.relativeCost !== 0 || meaning.extensions !== '') return undefined;
  if (transport === 'tcp-active' && meaning.port !== TCP_ACTIVE_PORT) return undefined;
  const related = meaning.related === undefined ? undefined : parseEndpoint(meaning.related);
  if (meaning.related !== undefined && related === undefined) return undefined;
  // RFC 8839 §5.1: host candidates have no related address; the others always have one.
  if ((type === 'host') !== (related === undefined)) return undefined;
  return { type, transport, address, port: meaning.port, related };
}

function transportOf(meaning: CandidateMeaning): string {
  return meaning.transport.replace(' ', '-');
}

function parseEndpoint(text: string): Endpoint | undefined {
  const [addressText = '', portText = ''] = text.split(' ');
  const address = parseAddress(addressText);
  return address ? { address, port: Number(portText) } : undefined;
}
