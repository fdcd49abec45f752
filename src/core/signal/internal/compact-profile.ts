import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';
import { ICE_OPTIONS, type IceOptions } from './data-description.ts';
import { ICE_FORMS, type IceForm } from './ice-credentials.ts';
import { PrefixCode } from './prefix-code.ts';

/** The fields that come in one combination per WebRTC stack; a profile names the combination. */
interface Profile {
  readonly iceForm: IceForm;
  readonly maxMessageSize: number | undefined;
  readonly iceOptions: IceOptions;
  readonly endOfCandidates: boolean;
}

/**
 * Chromium's shape (1 bit), Firefox's (2 bits), or each field spelt out (`explicit`). Firefox adds
 * a=end-of-candidates once gathering is complete, which is when the page encodes; Chromium never does.
 */
const PROFILES: Readonly<Record<'chromium' | 'firefox', Profile>> = {
  chromium: { iceForm: 'short', maxMessageSize: 262144, iceOptions: 'trickle', endOfCandidates: false },
  firefox: { iceForm: 'hex', maxMessageSize: 1073741823, iceOptions: 'trickle', endOfCandidates: true },
};
const PROFILE_CODE = new PrefixCode<'chromium' | 'firefox' | 'explicit'>([
  ['0', 'chromium'],
  ['10', 'firefox'],
  ['11', 'explicit'],
]);

/** Explicit profile: max-message-size code (2 bits), the values browsers send have codes. */
const MAX_MESSAGE_SIZE_CODES: readonly (number | undefined)[] = [undefined, 262144, 1073741823];
const EXPLICIT_MAX_MESSAGE_SIZE = 3;
/**
 * Explicit profile: ICE form codes 0–2 are the first three forms, and the trickle bit says
 * whether ice-options is `trickle` or absent. Code 3 (reserved before libdatachannel was added,
 * so older pages refuse such blobs) says that the ICE options and the ICE form follow, 2 bits each.
 */
const EXTENDED = 3;
const BASIC_ICE_OPTIONS: readonly IceOptions[] = ['', 'trickle'];

export function writeProfile(writer: BitWriter, profile: Profile): void {
  const name = (['chromium', 'firefox'] as const).find((stack) => sameProfile(PROFILES[stack], profile));
  PROFILE_CODE.write(writer, name ?? 'explicit');
  if (!name) writeExplicitProfile(writer, profile);
}

/** Undefined for field values no encoder writes. */
export function readProfile(reader: BitReader): Profile | undefined {
  const name = PROFILE_CODE.read(reader);
  return name === 'explicit' || name === undefined ? readExplicitProfile(reader) : PROFILES[name];
}

/** mms code 2 [mms 32]  end-of-candidates 1  trickle 1  ICE form 2  [extended: ICE options 2  ICE form 2] */
function writeExplicitProfile(writer: BitWriter, profile: Profile): void {
  const code = MAX_MESSAGE_SIZE_CODES.indexOf(profile.maxMessageSize);
  writer.write(code >= 0 ? code : EXPLICIT_MAX_MESSAGE_SIZE, 2);
  if (code < 0) writer.write(profile.maxMessageSize!, 32);
  writer.write(profile.endOfCandidates ? 1 : 0, 1);
  if (needsExtension(profile)) {
    writer.write(0, 1);
    writer.write(EXTENDED, 2);
    writer.write(ICE_OPTIONS.indexOf(profile.iceOptions), 2);
    writer.write(ICE_FORMS.indexOf(profile.iceForm), 2);
  } else {
    writer.write(BASIC_ICE_OPTIONS.indexOf(profile.iceOptions), 1);
    writer.write(ICE_FORMS.indexOf(profile.iceForm), 2);
  }
}

/** Undefined for fields that spell out a named profile, or an extension that was not needed. */
function readExplicitProfile(reader: BitReader): Profile | undefined {
  const code = reader.read(2);
  const maxMessageSize = code === EXPLICIT_MAX_MESSAGE_SIZE ? reader.read(32) : MAX_MESSAGE_SIZE_CODES[code];
  const endOfCandidates = reader.read(1) === 1;
  const trickle = reader.read(1);
  const form = reader.read(2);
  const extended = form === EXTENDED;
  const iceOptions = extended ? ICE_OPTIONS[reader.read(2)]! : BASIC_ICE_OPTIONS[trickle]!;
  const iceForm = ICE_FORMS[extended ? reader.read(2) : form]!;
  const profile: Profile = { iceForm, maxMessageSize, iceOptions, endOfCandidates };
  if (extended && (trickle === 1 || !needsExtension(profile))) return undefined;
  return Object.values(PROFILES).some((named) => sameProfile(named, profile)) ? undefined : profile;
}

function needsExtension(profile: Profile): boolean {
  return ICE_FORMS.indexOf(profile.iceForm) >= EXTENDED || !BASIC_ICE_OPTIONS.includes(profile.iceOptions);
}

function sameProfile(a: Profile, b: Profile): boolean {
  return (
    a.iceForm === b.iceForm &&
    a.maxMessageSize === b.maxMessageSize &&
    a.iceOptions === b.iceOptions &&
    a.endOfCandidates === b.endOfCandidates
  );
}
