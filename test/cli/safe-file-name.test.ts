import { describe, expect, it } from 'vitest';
import { numberedName, safeFileName } from '../../src/cli/files/safe-file-name.ts';
import { prng } from '../helpers/prng.ts';

describe('safeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', '_._.._etc_passwd'],
    ['..', 'file'],
    ['.', 'file'],
    ['.bashrc', '_bashrc'],
    ['-rf', '_rf'],
    ['a/b\\c', 'a_b_c'],
    ['what?<>:"|*.txt', 'what_______.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['name. . .', 'name'],
    ['CON', '_CON'],
    ['lpt1.txt', '_lpt1.txt'],
    ['', 'file'],
    ['\u0000\u001b[31m', '[31m'],
  ])('%j → %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('keeps the extension and at most 255 bytes, also for multi-byte names', () => {
    const long = `${'가'.repeat(200)}.tar.gz`;
    const safe = safeFileName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(255);
    expect(safe.endsWith('.gz')).toBe(true);
    expect(Buffer.byteLength(numberedName(safe, 12))).toBeLessThanOrEqual(255);
    expect(numberedName(safe, 12).endsWith(' (12).gz')).toBe(true);
  });

  it('numbers a taken name before its extension', () => {
    expect([numberedName('a.txt', 0), numberedName('a.txt', 1), numberedName('Makefile', 2)]).toEqual(['a.txt', 'a (1).txt', 'Makefile (2)']);
  });

  it('never yields a path, a hidden name or an empty name for 20,000 random names', () => {
    const random = prng(19);
    const alphabet = ['.', '/', '\\', '-', ' ', 'a', '가', '\u202E', '\u0000', '\n', ':', '😀', '\u200D'];
    for (let i = 0; i < 20_000; i++) {
      const name = Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const safe = safeFileName(name);
      expect(safe).not.toMatch(/[/\\\u0000-\u001f]|^[.-]|^$/);
      expect(safe === '.' || safe === '..').toBe(false);
      expect(safeFileName(safe)).toBe(safe);
    }
  });
});
