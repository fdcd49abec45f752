import { parseCandidateLine, parseUint, type CandidateLine } from './candidate-line.ts';
import { candidateMeanings, type CandidateMeaning } from './candidate-meaning.ts';

export type { CandidateMeaning } from './candidate-meaning.ts';

interface MediaMeaning {
  /** The m= line without its port: media, protocol and formats. */
  readonly media: string;
  readonly mid: string | undefined;
  /** ICE and DTLS attributes after applying session-level defaults. */
  readonly iceUfrag: string | undefined;
  readonly icePwd: string | undefined;
  readonly iceOptions: readonly string[];
  readonly fingerprints: readonly string[];
  readonly setup: string | undefined;
  /** Sorted, so that candidate order in the text does not count. */
  readonly candidates: readonly CandidateMeaning[];
  readonly endOfCandidates: boolean;
  readonly sctpPort: number | undefined;
  readonly maxMessageSize: number | undefined;
  /** Lines this normaliser does not interpret, verbatim and in order: they must survive as they are. */
  readonly other: readonly string[];
}

/**
 * A session description reduced to what the remote browser acts on. Two descriptions with equal
 * meaning (compare with JSON.stringify or a deep equality) set up the same connection. Left out:
 * o= (only compared across renegotiations of one session), s=, t=, the default destination in
 * c= and the m= port (for peers without ICE; browsers connect to a=candidate addresses only),
 * candidate foundations (freezing groups), generation and network-id, and, in data-only
 * descriptions, extmap-allow-mixed, msid-semantic and a=sendrecv, which concern RTP only.
 */
interface SdpMeaning {
  readonly groups: readonly string[];
  readonly media: readonly MediaMeaning[];
  readonly other: readonly string[];
}

interface Section {
  iceUfrag?: string;
  icePwd?: string;
  iceOptions?: string[];
  fingerprints: string[];
  setup?: string;
  mid?: string;
  sctpPort?: number;
  maxMessageSize?: number;
  endOfCandidates: boolean;
  candidates: CandidateLine[];
  groups: string[];
  other: string[];
}

const DATA_ONLY_IGNORED = /^a=(extmap-allow-mixed|msid-semantic:.*|sendrecv)$/;
const SESSION_IGNORED = /^[ost]=/;

export function sdpMeaning(sdp: string): SdpMeaning {
  const lines = sdp.split(/\r?\n/).filter((line) => line !== '');
  const starts = lines.flatMap((line, i) => (line.startsWith('m=') ? [i] : []));
  const mediaLines = starts.map((start, i) => lines.slice(start, starts[i + 1]));
  const dataOnly = mediaLines.length > 0 && mediaLines.every(([mLine]) => mLine!.startsWith('m=application '));
  const ignoredInData = (line: string): boolean => dataOnly && DATA_ONLY_IGNORED.test(line);
  const sessionLines = lines.slice(0, starts[0] ?? lines.length);
  const session = readSection(sessionLines.filter((line) => line !== 'v=0' && !SESSION_IGNORED.test(line) && !ignoredInData(line)));
  const media = mediaLines.map(([mLine, ...rest]) => {
    const section = readSection(rest.filter((line) => !ignoredInData(line)));
    return mediaMeaning(mLine!, section, session);
  });
  const sessionOther = [...session.other, ...session.candidates.map((c) => `candidate at session level: ${c.foundation}`)];
  return { groups: session.groups, media, other: sessionOther };
}

function mediaMeaning(mLine: string, section: Section, session: Section): MediaMeaning {
  const [media = '', , ...protoAndFormats] = mLine.slice(2).split(' ');
  return {
    media: [media, ...protoAndFormats].join(' '),
    mid: section.mid,
    iceUfrag: section.iceUfrag ?? session.iceUfrag,
    icePwd: section.icePwd ?? session.icePwd,
    iceOptions: section.iceOptions ?? session.iceOptions ?? [],
    fingerprints: section.fingerprints.length > 0 ? section.fingerprints : session.fingerprints,
    setup: section.setup ?? session.setup,
    candidates: candidateMeanings(section.candidates),
    endOfCandidates: section.endOfCandidates || session.endOfCandidates,
    sctpPort: section.sctpPort,
    maxMessageSize: section.maxMessageSize,
    other: [...section.groups.map((group) => `a=group:${group}`), ...section.other],
  };
}

function readSection(lines: readonly string[]): Section {
  const section: Section = { fingerprints: [], endOfCandidates: false, candidates: [], groups: [], other: [] };
  const once = <K extends keyof Section>(key: K, value: Section[K], line: string): void => {
    if (section[key] === undefined && value !== undefined) section[key] = value;
    else section.other.push(line);
  };
  for (const line of lines) {
    const [name, value = ''] = splitAttribute(line);
    if (name === 'a=candidate') {
      const candidate = parseCandidateLine(value);
      if (candidate) section.candidates.push(candidate);
      else section.other.push(line);
    } else if (name === 'a=ice-ufrag') once('iceUfrag', value, line);
    else if (name === 'a=ice-pwd') once('icePwd', value, line);
    else if (name === 'a=ice-options') once('iceOptions', [...new Set(value.split(' '))].sort(), line);
    else if (name === 'a=setup') once('setup', value, line);
    else if (name === 'a=mid') once('mid', value, line);
    else if (name === 'a=sctp-port') once('sctpPort', parseUint(value), line);
    else if (name === 'a=max-message-size') once('maxMessageSize', parseUint(value), line);
    else if (line.startsWith('c=')) continue;
    else if (name === 'a=group') section.groups.push(value);
    else if (name === 'a=fingerprint') section.fingerprints.push(fingerprintMeaning(value));
    else if (line === 'a=end-of-candidates' && !section.endOfCandidates) section.endOfCandidates = true;
    else section.other.push(line);
  }
  return section;
}

function splitAttribute(line: string): [string, string?] {
  const colon = line.indexOf(':');
  return colon < 0 ? [line] : [line.slice(0, colon), line.slice(colon + 1)];
}

function fingerprintMeaning(value: string): string {
  const [algorithm = '', hex = ''] = value.split(' ');
  return `${algorithm.toLowerCase()} ${hex.toUpperCase()}`;
}
