import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';
import { sameAddress, unspecifiedAddress } from './candidate-address.ts';
import { indexBits, readAddress, readIndex, writeAddress } from './compact-address.ts';
import {
  CANDIDATE_TRANSPORTS,
  CANDIDATE_TYPES,
  TCP_ACTIVE_PORT,
  type DataCandidate,
  type Endpoint,
} from './data-description.ts';

/** Related-address forms (2 bits), for non-host candidates only. */
const RELATED = { unspecified: 0, own: 1, earlier: 2, explicit: 3 } as const;

/**
 * One candidate: type (2 bits), transport (2), address, port (16; none for TCP active, whose port
 * is always 9), and for non-host candidates the related address. An address or endpoint that an
 * earlier candidate already has is sent as that candidate's index: Firefox's TCP candidates
 * repeat the UDP host's address, and srflx/relay related addresses repeat a host candidate's.
 */
export function writeCandidate(writer: BitWriter, candidate: DataCandidate, earlier: readonly DataCandidate[]): void {
  writer.write(CANDIDATE_TYPES.indexOf(candidate.type), 2);
  writer.write(CANDIDATE_TRANSPORTS.indexOf(candidate.transport), 2);
  writeAddress(writer, candidate.address, earlier);
  if (candidate.transport !== 'tcp-active') writer.write(candidate.port, 16);
  const { related } = candidate;
  if (candidate.type === 'host' || !related) return;
  const sameEndpoint = (other: Endpoint): boolean => other.port === related.port && sameAddress(other.address, related.address);
  const earlierIndex = earlier.findIndex(sameEndpoint);
  if (related.port === 0 && sameAddress(related.address, unspecifiedAddress(candidate.address))) {
    writer.write(RELATED.unspecified, 2);
  } else if (sameEndpoint(candidate)) {
    writer.write(RELATED.own, 2);
  } else if (earlierIndex >= 0) {
    writer.write(RELATED.earlier, 2);
    writer.write(earlierIndex, indexBits(earlier.length));
  } else {
    writer.write(RELATED.explicit, 2);
    writeAddress(writer, related.address, earlier);
    writer.write(related.port, 16);
  }
}

/** Undefined when a field holds a value no encoder writes (an index beyond the earlier ones). */
export function readCandidate(reader: BitReader, earlier: readonly DataCandidate[]): DataCandidate | undefined {
  const type = CANDIDATE_TYPES[reader.read(2)]!;
  const transport = CANDIDATE_TRANSPORTS[reader.read(2)]!;
  const address = readAddress(reader, earlier);
  const port = transport === 'tcp-active' ? TCP_ACTIVE_PORT : reader.read(16);
  if (!address) return undefined;
  if (type === 'host') return { type, transport, address, port };
  const form = reader.read(2);
  let related: Endpoint | undefined;
  if (form === RELATED.unspecified) related = { address: unspecifiedAddress(address), port: 0 };
  else if (form === RELATED.own) related = { address, port };
  else if (form === RELATED.earlier) related = earlier[readIndex(reader, earlier.length) ?? -1];
  else {
    const relatedAddress = readAddress(reader, earlier);
    const relatedPort = reader.read(16);
    related = relatedAddress && { address: relatedAddress, port: relatedPort };
  }
  return related && { type, transport, address, port, related: { address: related.address, port: related.port } };
}
