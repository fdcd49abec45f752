import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';
import { readCandidates, writeCandidates } from './compact-candidates.ts';
import type { DataDescription } from './data-description.ts';
import { ICE_FORMS, iceFormOf, readIceCredentials, writeIceCredentials, type IceForm } from './ice-credentials.ts';
import { PrefixCode } from './prefix-code.ts';
import type { SignalKind } from '../signal-codec.ts';

/** The fields that come in one combination per browser; a profile names the combination. */
interface Profile {
  readonly iceForm: IceForm;
  readonly maxMessageSize: number | undefined;
  readonly trickle: boolean;
  readonly endOfCandidates: boolean;
}

/**
 * Chromium's shape (1 bit), Firefox's (2 bits), or each field spelt out (`explicit`). Firefox adds
 * a=end-of-candidates once gathering is complete, which is when the page encodes; Chromium never does.
 */
const PROFILES: Readonly<Record<'chromium' | 'firefox', Profile>> = {
  chromium: { iceForm: 'short', maxMessageSize: 262144, trickle: true, endOfCandidates: false },
  firefox: { iceForm: 'hex', maxMessageSize: 1073741823, trickle: true, endOfCandidates: true },
};
const PROFILE_CODE = new PrefixCode<'chromium' | 'firefox' | 'explicit'>([
  ['0', 'chromium'],
  ['10', 'firefox'],
  ['11', 'explicit'],
]);

/** Explicit profile: max-message-size code (2 bits), the values browsers send have codes. */
const MAX_MESSAGE_SIZE_CODES: readonly (number | undefined)[] = [undefined, 262144, 1073741823];
const EXPLICIT_MAX_MESSAGE_SIZE = 3;
/** Explicit profile: ICE form (2 bits); 3 is reserved. */
const RESERVED_ICE_FORM = 3;
const FINGERPRINT_BYTES = 32;

/**
 * The compact body, after the header (docs/blob-format.md §4):
 *   [answers: setup 1]  profile  ICE credentials  fingerprint 256  candidates…  end
 */
export function writeCompactBody(writer: BitWriter, description: DataDescription): void {
  if (description.kind === 'answer') writer.write(description.setup === 'passive' ? 1 : 0, 1);
  const profile: Profile = {
    iceForm: iceFormOf(description.iceUfrag, description.icePwd),
    maxMessageSize: description.maxMessageSize,
    trickle: description.trickle,
    endOfCandidates: description.endOfCandidates,
  };
  const name = (['chromium', 'firefox'] as const).find((browser) => sameProfile(PROFILES[browser], profile));
  PROFILE_CODE.write(writer, name ?? 'explicit');
  if (!name) writeExplicitProfile(writer, profile);
  writeIceCredentials(writer, profile.iceForm, description.iceUfrag, description.icePwd);
  writer.writeBytes(description.fingerprint);
  writeCandidates(writer, description.candidates);
}

/**
 * Undefined when a field holds a value no encoder writes. Reading past the end is not detected
 * here: the caller checks reader.overrun.
 */
export function readCompactBody(reader: BitReader, kind: SignalKind): DataDescription | undefined {
  const setup = kind === 'offer' ? 'actpass' : reader.read(1) === 1 ? 'passive' : 'active';
  const name = PROFILE_CODE.read(reader);
  const profile = name === 'explicit' || name === undefined ? readExplicitProfile(reader) : PROFILES[name];
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
    trickle: profile.trickle,
    maxMessageSize: profile.maxMessageSize,
  };
}

/** mms code 2 [mms 32]  end-of-candidates 1  trickle 1  ICE form 2 */
function writeExplicitProfile(writer: BitWriter, profile: Profile): void {
  const code = MAX_MESSAGE_SIZE_CODES.indexOf(profile.maxMessageSize);
  writer.write(code >= 0 ? code : EXPLICIT_MAX_MESSAGE_SIZE, 2);
  if (code < 0) writer.write(profile.maxMessageSize!, 32);
  writer.write(profile.endOfCandidates ? 1 : 0, 1);
  writer.write(profile.trickle ? 1 : 0, 1);
  writer.write(ICE_FORMS.indexOf(profile.iceForm), 2);
}

/** Undefined for the reserved ICE form, or for fields that spell out a named profile (never written). */
function readExplicitProfile(reader: BitReader): Profile | undefined {
  const code = reader.read(2);
  const maxMessageSize = code === EXPLICIT_MAX_MESSAGE_SIZE ? reader.read(32) : MAX_MESSAGE_SIZE_CODES[code];
  const endOfCandidates = reader.read(1) === 1;
  const trickle = reader.read(1) === 1;
  const form = reader.read(2);
  if (form === RESERVED_ICE_FORM) return undefined;
  const profile: Profile = { iceForm: ICE_FORMS[form]!, maxMessageSize, trickle, endOfCandidates };
  return Object.values(PROFILES).some((named) => sameProfile(named, profile)) ? undefined : profile;
}

function sameProfile(a: Profile, b: Profile): boolean {
  return (
    a.iceForm === b.iceForm &&
    a.maxMessageSize === b.maxMessageSize &&
    a.trickle === b.trickle &&
    a.endOfCandidates === b.endOfCandidates
  );
}
