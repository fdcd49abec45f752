import { describe, expect, it } from 'vitest';
import { moveFingerprint, restoreFingerprint } from '../../../src/core/signal/internal/fallback-fingerprint.ts';
import { corpusSample } from './sdp-corpus.ts';

const FINGERPRINT = `a=fingerprint:sha-256 ${'5D:F4:26:81:A1:AE:75:4D:EF:4C:2C:64:67:73:DD:03'}:${'8C:D7:12:BE:7A:E6:E6:C1:56:FA:97:47:42:1A:53:86'}`;

describe('moving the SHA-256 fingerprint out of a fallback SDP', () => {
  it.each(['chromium156-offer-av-ip.sdp', 'firefox153-offer-av-ip.sdp'])('%s: every copy is blanked and restored', (file) => {
    const { sdp } = corpusSample(file);
    const moved = moveFingerprint(sdp)!;
    expect(moved.fingerprint).toHaveLength(32);
    expect(moved.sdp).not.toMatch(/^a=fingerprint:sha-256 /m);
    expect(moved.sdp.match(/^a=fingerprint:sha-256\r$/gm)).toHaveLength(sdp.match(/^a=fingerprint:/gm)!.length);
    expect(restoreFingerprint(moved.sdp, moved.fingerprint)).toBe(sdp);
  });

  it('keeps line ends as they are (LF only, CRLF, no final line end)', () => {
    for (const sdp of [`v=0\n${FINGERPRINT}\na=x`, `v=0\r\n${FINGERPRINT}`, `${FINGERPRINT}\r\na=x\r\n`]) {
      const moved = moveFingerprint(sdp)!;
      expect(restoreFingerprint(moved.sdp, moved.fingerprint)).toBe(sdp);
    }
  });

  it.each([
    ['no fingerprint', 'v=0\r\na=setup:actpass\r\n'],
    ['two different values', `${FINGERPRINT}\r\n${FINGERPRINT.replace('5D', '5E')}\r\n`],
    ['lower-case hex', `${FINGERPRINT.toLowerCase()}\r\n`],
    ['a value that is not 32 bytes', `${FINGERPRINT}:00\r\n`],
    ['a bare line already there', `a=fingerprint:sha-256\r\n${FINGERPRINT}\r\n`],
  ])('leaves the text alone when it could not be restored exactly: %s', (_, sdp) => {
    expect(moveFingerprint(sdp)).toBeUndefined();
  });

  it('refuses to restore into a text without a bare line', () => {
    expect(restoreFingerprint(`v=0\r\n${FINGERPRINT}\r\n`, new Uint8Array(32))).toBeUndefined();
  });
});
