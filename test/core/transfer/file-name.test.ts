import { describe, expect, test } from 'vitest';
import { cleanFileName, fileExtension, shownFileName } from '../../../src/core/transfer/file-name.ts';
import { MAX_FILE_NAME_CHARS, MAX_MIME_TYPE_CHARS, offerRefusal } from '../../../src/core/transfer/transfer-limits.ts';
import { prng } from './fixtures.ts';

describe('cleanFileName', () => {
  test('a right-to-left override cannot hide the real extension', () => {
    const cleaned = cleanFileName('invoice\u202Efdp.exe');
    expect(cleaned).toBe('invoicefdp.exe');
    expect(fileExtension(cleaned)).toBe('.exe');
  });

  test('every bidi embedding, override, isolate and mark goes', () => {
    const bidi = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    for (const char of bidi) expect(cleanFileName(`a${char}b.txt`), JSON.stringify(char)).toBe('ab.txt');
  });

  test('control characters, line separators, zero-width spaces and a BOM go; slashes become "_"', () => {
    expect(cleanFileName('re\u0000port\u0007\u001b[31m.pdf')).toBe('report[31m.pdf');
    expect(cleanFileName('one\ntwo\r\u2028three\u2029.txt')).toBe('onetwothree.txt');
    expect(cleanFileName('\uFEFFzero\u200Bwidth\u2060.txt')).toBe('zerowidth.txt');
    expect(cleanFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(cleanFileName('C:\\Windows\\evil.dll')).toBe('C:_Windows_evil.dll');
    expect(cleanFileName('\u0085next\u009fline.txt')).toBe('nextline.txt');
  });

  test('white space collapses and is trimmed; a name of nothing becomes "file"', () => {
    expect(cleanFileName('  photo\t\t  of   me .jpg  ')).toBe('photo of me .jpg');
    expect(cleanFileName('photo.jpg' + ' '.repeat(300) + '.exe')).toBe('photo.jpg .exe');
    expect(cleanFileName('\u202E\u0000 \u200B')).toBe('file');
  });

  test('ordinary names in any script, and emoji sequences with their joiner, are left as they are', () => {
    for (const name of ['보고서 최종.hwp', 'Ünïcødé 📷.jpg', 'family 👨‍👩‍👧.png', 'مرحبا.txt', '.bashrc', 'a<b>&"c".html']) {
      expect(cleanFileName(name)).toBe(name);
    }
  });

  test('is idempotent, and never leaves a control or format character, on 10,000 random names', () => {
    const random = prng(0xf11e);
    const pool = ['a', '.', ' ', '/', '\\', '\u202E', '\u2066', '\u200F', '\u0000', '\n', '\u200D', '😀', 'é', '\u0301', '\uFEFF', '\uD800'];
    for (let i = 0; i < 10_000; i++) {
      const name = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pool[Math.floor(random() * pool.length)]).join('');
      const cleaned = cleanFileName(name);
      expect(cleanFileName(cleaned)).toBe(cleaned);
      expect(cleaned).not.toMatch(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF/\\]/u);
      expect(cleaned.length).toBeGreaterThan(0);
    }
  });
});

describe('shownFileName', () => {
  test('a long name is shortened in the middle, so its extension stays in sight', () => {
    const shown = shownFileName(`${'harmless-looking-document-'.repeat(20)}.pdf\u202Eexe.scr`);
    expect([...shown].length).toBeLessThanOrEqual(120);
    expect(shown).toMatch(/^harmless-looking-document-.*….scr$/);
    expect(fileExtension(shown)).toBe('.scr');
  });

  test('a short name is only cleaned', () => {
    expect(shownFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });
});

describe('offerRefusal (checked by the sender before offering)', () => {
  test('names and types the receiver would drop are refused, with a code', () => {
    expect(offerRefusal({ name: 'ok.txt', type: 'text/plain' })).toBeUndefined();
    expect(offerRefusal({ name: 'n'.repeat(MAX_FILE_NAME_CHARS), type: 't'.repeat(MAX_MIME_TYPE_CHARS) })).toBeUndefined();
    expect(offerRefusal({ name: '', type: '' })).toBe('empty-name');
    expect(offerRefusal({ name: 'n'.repeat(MAX_FILE_NAME_CHARS + 1), type: '' })).toBe('name-too-long');
    expect(offerRefusal({ name: 'n', type: 't'.repeat(MAX_MIME_TYPE_CHARS + 1) })).toBe('type-too-long');
  });
});
