import { compactBlobText, describedBy, fallbackBlobText, readBlob } from './internal/blob-text.ts';
import type { SignalCodec } from './signal-codec.ts';

/** pako and the dictionary: about a quarter of the page's entry chunk if imported statically. */
const loadCompression = () => import('./internal/fallback-compression.ts');

/**
 * compactCodec's blobs for the page: compact codes are encoded and decoded at once, and the
 * fallback form's compressor is loaded (import()) only when a blob needs it. Decoding never
 * throws for any input; both reject only when that module cannot be loaded.
 */
export const lazyCodec: SignalCodec = {
  async encode(description, options = {}) {
    const compact = compactBlobText(description, options);
    if (compact !== undefined) return compact;
    const { compressFallback } = await loadCompression();
    return fallbackBlobText(description.kind, options, compressFallback(description.sdp));
  },

  async decode(text) {
    const read = readBlob(text);
    if (!read.ok) return read;
    const { body } = read.value;
    if (body.mode === 'compact') return describedBy(read.value, body.sdp);
    const { fallbackSdp } = await loadCompression();
    return describedBy(read.value, fallbackSdp(body.payload));
  },
};

/**
 * Whether a text is a whole blob of this version (checksum right, structure complete): what a
 * scanner needs to tell our codes from other QR codes without inflating anything.
 */
export function isIntactBlob(text: string): boolean {
  return readBlob(text).ok;
}
