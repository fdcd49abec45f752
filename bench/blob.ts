/**
 * npm run bench:blob — blob sizes on the SDP corpus (test/fixtures/sdp): raw SDP, the naive
 * deflate+base64url codec, ours, the QR version (level M) of the blob alone and of a link with the
 * blob in its fragment, and the information floor no codec can go below.
 */
import QRCode, { type QRCodeSegment } from 'qrcode';
import { BASE41_ALPHABET, blobMode, iceUfrag, sdpMeaning } from '../src/core/signal/index.ts';
import { compactCodec } from '../src/core/signal/compact-codec.ts';
import { deflateCodec } from './baselines/deflate-codec.ts';
import { sdpCorpus, type CorpusSample } from '../test/core/signal/sdp-corpus.ts';

/** A GitHub Pages origin and path of typical length; lower case, so it needs QR byte mode. */
const LINK_PREFIX = 'https://example.github.io/p2p-direct-app/#';
const BITS_PER_CHAR = Math.log2(BASE41_ALPHABET.length);
const ADDRESS_BITS: Readonly<Record<string, number>> = { ipv4: 32, ipv6: 128, mdns: 122 };

const corpus = sdpCorpus();
const rows = corpus.map((sample) => measure(sample));

console.log('| sample | kind | raw SDP | naive | ours | form | QR blob (M) | QR link auto | QR link split | floor | ours/floor |');
console.log('|---|---|--:|--:|--:|---|---|---|---|--:|--:|');
for (const row of rows) console.log(`| ${row.cells.join(' | ')} |`);

const sizeOf = (file: string): Row => rows.find((row) => row.file === file)!;
const dataRows = rows.filter((row) => row.sample.dataOnly);
const avRows = rows.filter((row) => !row.sample.dataOnly);
const mdnsSrflx = sizeOf('chromium156-offer-data-mdns-srflx.sdp');
console.log();
console.log(`Chromium offer, mDNS host + srflx: ${mdnsSrflx.ours} chars, QR version ${mdnsSrflx.qrBlob} (M) (target ≤ 120, ≤ 5)`);
const libdatachannel = rows.filter((row) => row.file.startsWith('libdatachannel-'));
const range = (values: number[]): string => `${Math.min(...values)}…${Math.max(...values)}`;
const forms = [...new Set(libdatachannel.map((row) => row.cells[5]))].join('+');
console.log(
  `libdatachannel (${libdatachannel.length} samples): ${range(libdatachannel.map((row) => row.ours))} chars, ` +
    `QR version ${range(libdatachannel.map((row) => row.qrBlob))} (M), form ${forms}`,
);
const small = dataRows.filter((row) => row.sample.candidateCount <= 4);
console.log(`Data-only, ≤ 4 candidates: at most ${Math.max(...small.map((row) => row.ours))} chars (${small.length} samples)`);
for (const row of avRows) {
  const ratio = (row.ours / row.naive).toFixed(3);
  console.log(`Audio+video fallback ${row.file}: ${row.ours} of ${row.naive} chars = ${ratio} of naive (target ≤ 0.333)`);
}
const answers = dataRows.filter((row) => row.sample.kind === 'answer');
const tagCost = answers.map((row) => row.ours - compactCodec.encode({ kind: 'answer', sdp: row.sample.sdp }).length);
console.log(`Offer tag in answers: +${Math.min(...tagCost)}…+${Math.max(...tagCost)} chars (9 bits)`);

interface Row {
  readonly file: string;
  readonly sample: CorpusSample;
  readonly naive: number;
  readonly ours: number;
  readonly qrBlob: number;
  readonly cells: readonly (string | number)[];
}

function measure(sample: CorpusSample): Row {
  const { file, kind, sdp } = sample;
  const offer = corpus.find((other) => other.file === sample.pairedWith);
  const offerUfrag = kind === 'answer' && offer ? iceUfrag(offer.sdp) : undefined;
  const blob = compactCodec.encode({ kind, sdp }, { offerUfrag });
  const naive = deflateCodec.encode({ kind, sdp }).length;
  const qrBlob = QRCode.create(blob, { errorCorrectionLevel: 'M' });
  const link = QRCode.create(LINK_PREFIX + blob, { errorCorrectionLevel: 'M' });
  const split: QRCodeSegment[] = [
    { mode: 'byte', data: new TextEncoder().encode(LINK_PREFIX) },
    { mode: 'alphanumeric', data: blob },
  ];
  const linkSplit = QRCode.create(split, { errorCorrectionLevel: 'M' });
  const floorBits = sample.dataOnly ? informationFloorBits(sdp) : undefined;
  const floorChars = floorBits === undefined ? undefined : Math.ceil(floorBits / BITS_PER_CHAR);
  return {
    file,
    sample,
    naive,
    ours: blob.length,
    qrBlob: qrBlob.version,
    cells: [
      file.replace(/\.sdp$/, ''),
      kind,
      sdp.length,
      naive,
      blob.length,
      blobMode(blob) ?? '?',
      `${qrBlob.version} ${modes(qrBlob)}`,
      `${link.version} ${modes(link)}`,
      `${linkSplit.version} ${modes(linkSplit)}`,
      floorChars === undefined ? '—' : `${floorBits} b = ${floorChars}`,
      floorChars === undefined ? '—' : (blob.length / floorChars).toFixed(2),
    ],
  };
}

/** Segment modes in order, e.g. "B+A" for a byte segment followed by an alphanumeric one. */
function modes(code: QRCode.QRCode): string {
  return code.segments.map((segment) => segment.mode.id[0]).join('+');
}

/**
 * Bits that any codec must carry: ice-ufrag and ice-pwd at their alphabet's entropy (hex 4 bits,
 * ice-char 6), the SHA-256 fingerprint, and each distinct candidate address (mDNS UUIDs have 122
 * random bits) and distinct port (0 and TCP active's 9 are implied).
 */
function informationFloorBits(sdp: string): number {
  const media = sdpMeaning(sdp).media[0]!;
  const credentialBits = (text: string): number => text.length * (/^[0-9a-f]+$/.test(text) ? 4 : 6);
  const addresses = new Set<string>();
  const ports = new Set<number>();
  for (const candidate of media.candidates) {
    addresses.add(candidate.address);
    ports.add(candidate.port);
    if (candidate.related) {
      const [address = '', port = '0'] = candidate.related.split(' ');
      addresses.add(address);
      ports.add(Number(port));
    }
  }
  addresses.delete('0.0.0.0');
  addresses.delete('::');
  ports.delete(0);
  ports.delete(9);
  const addressBits = [...addresses].reduce((sum, address) => sum + ADDRESS_BITS[kindOf(address)]!, 0);
  return credentialBits(media.iceUfrag!) + credentialBits(media.icePwd!) + 256 + addressBits + 16 * ports.size;
}

function kindOf(address: string): string {
  return address.endsWith('.local') ? 'mdns' : address.includes(':') ? 'ipv6' : 'ipv4';
}
