import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';
import { sameAddress, unspecifiedAddress } from './candidate-address.ts';
import { readShape, writeShape, type CandidateShape, type RelatedForm } from './candidate-descriptor.ts';
import {
  addressFormOf,
  indexBits,
  readAddress,
  readAddressPayload,
  readIndex,
  writeAddress,
  writeAddressPayload,
} from './compact-address.ts';
import { MAX_CANDIDATES, TCP_ACTIVE_PORT, type DataCandidate, type Endpoint } from './data-description.ts';

/**
 * The candidates, highest priority first, then the end descriptor. Each one is a descriptor
 * (candidate-descriptor.ts) followed by its payload: the address, the port (none for TCP active,
 * whose port is always 9), and for non-host candidates what the related-address form needs.
 */
export function writeCandidates(writer: BitWriter, candidates: readonly DataCandidate[]): void {
  candidates.forEach((candidate, i) => writeCandidate(writer, candidate, candidates.slice(0, i)));
  writeShape(writer, undefined);
}

/**
 * Undefined when a field holds a value no encoder writes (an index beyond the earlier ones, more
 * than MAX_CANDIDATES). Reading past the end reads zero bits, i.e. the end descriptor: the caller
 * checks reader.overrun.
 */
export function readCandidates(reader: BitReader): DataCandidate[] | undefined {
  const candidates: DataCandidate[] = [];
  for (;;) {
    const shape = readShape(reader);
    if (shape === 'end') return candidates;
    const candidate = shape && candidates.length < MAX_CANDIDATES ? readCandidate(reader, shape, candidates) : undefined;
    if (!candidate) return undefined;
    candidates.push(candidate);
  }
}

function writeCandidate(writer: BitWriter, candidate: DataCandidate, earlier: readonly DataCandidate[]): void {
  const { type, transport, address, port, related } = candidate;
  const shape: CandidateShape = {
    type,
    transport,
    address: addressFormOf(address, earlier),
    related: type === 'host' || !related ? undefined : relatedFormOf(candidate, related, earlier),
  };
  writeShape(writer, shape);
  writeAddressPayload(writer, shape.address, address, earlier);
  if (transport !== 'tcp-active') writer.write(port, 16);
  if (!related || !shape.related) return;
  if (shape.related === 'earlier') writer.write(earlier.findIndex(sameEndpoint(related)), indexBits(earlier.length));
  if (shape.related === 'explicit') {
    writeAddress(writer, related.address, earlier);
    writer.write(related.port, 16);
  }
}

function readCandidate(reader: BitReader, shape: CandidateShape, earlier: readonly DataCandidate[]): DataCandidate | undefined {
  const { type, transport } = shape;
  const address = readAddressPayload(reader, shape.address, earlier);
  const port = transport === 'tcp-active' ? TCP_ACTIVE_PORT : reader.read(16);
  if (!address) return undefined;
  if (type === 'host') return { type, transport, address, port };
  let related: Endpoint | undefined;
  if (shape.related === 'unspecified') related = { address: unspecifiedAddress(address), port: 0 };
  else if (shape.related === 'own') related = { address, port };
  else if (shape.related === 'earlier') related = earlier[readIndex(reader, earlier.length) ?? -1];
  else {
    const relatedAddress = readAddress(reader, earlier);
    const relatedPort = reader.read(16);
    related = relatedAddress && { address: relatedAddress, port: relatedPort };
  }
  return related && { type, transport, address, port, related: { address: related.address, port: related.port } };
}

/** The first form that applies, in the order unspecified, own, earlier, explicit. */
function relatedFormOf(candidate: DataCandidate, related: Endpoint, earlier: readonly DataCandidate[]): RelatedForm {
  if (related.port === 0 && sameAddress(related.address, unspecifiedAddress(candidate.address))) return 'unspecified';
  if (sameEndpoint(related)(candidate)) return 'own';
  return earlier.some(sameEndpoint(related)) ? 'earlier' : 'explicit';
}

function sameEndpoint(endpoint: Endpoint): (other: Endpoint) => boolean {
  return (other) => other.port === endpoint.port && sameAddress(other.address, endpoint.address);
}
