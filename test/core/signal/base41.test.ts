import { describe, expect, it } from 'vitest';
import { BASE41_ALPHABET } from '../../../src/core/signal/index.ts';
import { fromBase41, fromBase41Prefix, isBase41Text, toBase41 } from '../../../src/core/signal/internal/base41.ts';

const QR_ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function randomBytes(length: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24);
}

describe('base41 alphabet', () => {
  it('has 41 distinct characters, all in QR alphanumeric mode', () => {
    expect(new Set(BASE41_ALPHABET).size).toBe(41);
    for (const char of BASE41_ALPHABET) expect(QR_ALPHANUMERIC).toContain(char);
  });

  it('needs no escaping in a URL fragment (encodeURI leaves every character alone)', () => {
    expect(encodeURI(`https://example.org/#${BASE41_ALPHABET}`)).toBe(`https://example.org/#${BASE41_ALPHABET}`);
    expect(new URL(`https://example.org/p/#${BASE41_ALPHABET}`).hash).toBe(`#${BASE41_ALPHABET}`);
  });

  it('leaves out characters that chat apps turn into formatting or emoji', () => {
    for (const char of ' %*:_~`') expect(BASE41_ALPHABET).not.toContain(char);
  });
});

describe('toBase41 / fromBase41', () => {
  it('round-trips every length from 0 to 64 bytes', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = randomBytes(length, length + 1);
      const text = toBase41(bytes);
      expect(text.length).toBe(Math.floor(length / 2) * 3 + (length % 2) * 2);
      expect(fromBase41(text)).toEqual({ ok: true, value: bytes });
    }
  });

  it('writes two bytes as three big-endian base-41 digits', () => {
    expect(toBase41(Uint8Array.of(0, 0))).toBe('000');
    expect(toBase41(Uint8Array.of(0xff, 0xff))).toBe('-/H'); // 65535 = 38·41² + 40·41 + 17
    expect(toBase41(Uint8Array.of(0xff))).toBe('69'); // 255 = 6·41 + 9
  });

  it('accepts lower case, as people type it', () => {
    const text = toBase41(randomBytes(30, 7));
    expect(fromBase41(text.toLowerCase())).toEqual(fromBase41(text));
  });

  it('refuses foreign characters, impossible lengths and out-of-range chunks', () => {
    expect(fromBase41('AB_')).toEqual({ ok: false, error: 'bad-character' });
    expect(fromBase41('ß00')).toEqual({ ok: false, error: 'bad-character' });
    expect(fromBase41('0000')).toEqual({ ok: false, error: 'bad-length' });
    expect(fromBase41('///')).toEqual({ ok: false, error: 'out-of-range' });
    expect(fromBase41('//')).toEqual({ ok: false, error: 'out-of-range' });
  });

  it('reads the chunks before the first bad one', () => {
    const bytes = randomBytes(8, 3);
    expect(fromBase41Prefix(`${toBase41(bytes)}/`)).toEqual(bytes);
    expect(fromBase41Prefix(`${toBase41(bytes.subarray(0, 4))}///${toBase41(bytes)}`)).toEqual(bytes.subarray(0, 4));
  });

  it('tells base41 text apart from other text, in either case', () => {
    expect(isBase41Text('ABC$+-./09xyz')).toBe(true);
    expect(isBase41Text('AB C')).toBe(false);
    expect(isBase41Text('ſ')).toBe(false);
  });
});
