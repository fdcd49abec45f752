import { describe, expect, test } from 'vitest';
import { isQrAlphanumeric, linkFor, qrSegmentsFor } from '../../../src/core/qr/qr-link.ts';

describe('linkFor', () => {
  test('puts the blob in the fragment and keeps sub-path and query', () => {
    expect(linkFor('https://example.github.io/p2p-direct/', 'AB12')).toBe('https://example.github.io/p2p-direct/#AB12');
    expect(linkFor('http://192.168.1.5:8080/sub/path/index.html?lang=de', 'AB12')).toBe(
      'http://192.168.1.5:8080/sub/path/index.html?lang=de#AB12',
    );
  });

  test('replaces an existing fragment, even an empty one', () => {
    expect(linkFor('https://example.org/app/?x=1#OLDBLOB', 'NEW')).toBe('https://example.org/app/?x=1#NEW');
    expect(linkFor('https://example.org/app/#', 'NEW')).toBe('https://example.org/app/#NEW');
    expect(linkFor('https://example.org/app/#a#b', 'NEW')).toBe('https://example.org/app/#NEW');
  });
});

describe('qrSegmentsFor', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  test('URL up to "#" in byte mode, an alphanumeric blob in alphanumeric mode', () => {
    expect(qrSegmentsFor('https://example.github.io/p2p-direct/#0A$+-./Z9')).toEqual([
      { mode: 'byte', data: bytes('https://example.github.io/p2p-direct/#') },
      { mode: 'alphanumeric', data: '0A$+-./Z9' },
    ]);
  });

  test('a blob with lower case or other characters stays in byte mode', () => {
    expect(qrSegmentsFor('https://x.org/#cAEAab_-')).toEqual([
      { mode: 'byte', data: bytes('https://x.org/#') },
      { mode: 'byte', data: bytes('cAEAab_-') },
    ]);
  });

  test('a bare blob (no "#") is one segment', () => {
    expect(qrSegmentsFor('ABC123')).toEqual([{ mode: 'alphanumeric', data: 'ABC123' }]);
  });

  test('knows the QR alphanumeric alphabet', () => {
    expect(isQrAlphanumeric('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:')).toBe(true);
    for (const char of ['a', '#', '_', '=', 'é']) expect(isQrAlphanumeric(`AB${char}`)).toBe(false);
  });
});
