import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';
import { readCandidates, writeCandidates } from './compact-candidates.ts';
import { readProfile, writeProfile } from './compact-profile.ts';
import type { DataDescription } from './data-description.ts';
import { iceFormOf, readIceCredentials, writeIceCredentials } from './ice-credentials.ts';
import type { SignalKind } from '../signal-codec.ts';

const FINGERPRINT_BYTES = 32;

/**
 * The compact body, after the header (docs/blob-format.md §4):
 *   [answers: setup 1]  profile  ICE credentials  fingerprint 256  candidates…  end
 */
export function writeCompactBody(writer: BitWriter, description: DataDescription): void {
  if (description.kind === 'answer') writer.write(description.setup === 'passive' ? 1 : 0, 1);
  const iceForm = iceFormOf(description.iceUfrag, description.icePwd);
  const { maxMessageSize, iceOptions, endOfCandidates } = description;
  writeProfile(writer, { iceForm, maxMessageSize, iceOptions, endOfCandidates });
  writeIceCredentials(writer, iceForm, description.iceUfrag, description.icePwd);
  writer.writeBytes(description.fingerprint);
  writeCandidates(writer, description.candidates);
}

/**
 * Undefined when a field holds a value no encoder writes. Reading past the end is not detected
 * here: the caller checks reader.overrun.
 */
export function readCompactBody(reader: BitReader, kind: SignalKind): DataDescription | undefined {
  const setup = kind === 'offer' ? 'actpass' : reader.read(1) === 1 ? 'passive' : 'active';
  const profile = readProfile(reader);
  if (!profile) return undefined;
  const credentials = readIceCredentials(reader, profile.iceForm);
  const fingerprint = reader.readBytes(FINGERPRINT_BYTES);
  const candidates = readCandidates(reader);
  if (!candidates) return undefined;
  return {
    kind,
    setup,
    iceUfrag: credentials.ufrag,
    icePwd: credentials.pwd,
    fingerprint,
    candidates,
    endOfCandidates: profile.endOfCandidates,
    iceOptions: profile.iceOptions,
    maxMessageSize: profile.maxMessageSize,
  };
}
