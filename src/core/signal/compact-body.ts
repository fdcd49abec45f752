import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';
import { readCandidate, writeCandidate } from './compact-candidates.ts';
import type { DataCandidate, DataDescription } from './data-description.ts';
import { readIceCredentials, writeIceCredentials } from './ice-credentials.ts';
import type { SignalKind } from './signal-codec.ts';

/** max-message-size (2 bits): the two values browsers send get a code, anything else 32 bits. */
const MAX_MESSAGE_SIZE_CODES: readonly (number | undefined)[] = [undefined, 262144, 1073741823];
const EXPLICIT_MAX_MESSAGE_SIZE = 3;
const FINGERPRINT_BYTES = 32;

/**
 * The compact body, after the header (docs/blob-format.md §Compact body):
 *   [answers: setup 1] mms-code 2 [mms 32] end-of-candidates 1 trickle 1
 *   ice-credentials  fingerprint 256  count 4  candidates…
 */
export function writeCompactBody(writer: BitWriter, description: DataDescription): void {
  if (description.kind === 'answer') writer.write(description.setup === 'passive' ? 1 : 0, 1);
  const code = MAX_MESSAGE_SIZE_CODES.indexOf(description.maxMessageSize);
  writer.write(code >= 0 ? code : EXPLICIT_MAX_MESSAGE_SIZE, 2);
  if (code < 0) writer.write(description.maxMessageSize!, 32);
  writer.write(description.endOfCandidates ? 1 : 0, 1);
  writer.write(description.trickle ? 1 : 0, 1);
  writeIceCredentials(writer, description.iceUfrag, description.icePwd);
  writer.writeBytes(description.fingerprint);
  writer.write(description.candidates.length, 4);
  description.candidates.forEach((candidate, i) => writeCandidate(writer, candidate, description.candidates.slice(0, i)));
}

/**
 * Undefined when a field holds a value no encoder writes. Reading past the end is not detected
 * here: the caller checks reader.overrun.
 */
export function readCompactBody(reader: BitReader, kind: SignalKind): DataDescription | undefined {
  const setup = kind === 'offer' ? 'actpass' : reader.read(1) === 1 ? 'passive' : 'active';
  const code = reader.read(2);
  const maxMessageSize = code === EXPLICIT_MAX_MESSAGE_SIZE ? reader.read(32) : MAX_MESSAGE_SIZE_CODES[code];
  const endOfCandidates = reader.read(1) === 1;
  const trickle = reader.read(1) === 1;
  const credentials = readIceCredentials(reader);
  const fingerprint = reader.readBytes(FINGERPRINT_BYTES);
  const count = reader.read(4);
  const candidates: DataCandidate[] = [];
  for (let i = 0; i < count && candidates.length === i && !reader.overrun; i++) {
    const candidate = readCandidate(reader, candidates);
    if (candidate) candidates.push(candidate);
  }
  if (!credentials || candidates.length !== count) return undefined;
  return {
    kind,
    setup,
    iceUfrag: credentials.ufrag,
    icePwd: credentials.pwd,
    fingerprint,
    candidates,
    endOfCandidates,
    trickle,
    maxMessageSize,
  };
}
