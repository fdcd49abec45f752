import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// The core must run wherever JavaScript and WebRTC do: a browser page, Node, a terminal peer. This
// reads its source, so a forbidden import or a browser-only global fails here, not on some platform.

const root = resolve(import.meta.dirname, '../..');
const core = join(root, 'src/core');
const files = readdirSync(core, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts'))
  .map((path) => join(core, path));

/** Packages the core may use: each runs in Node and in browsers. */
const ALLOWED_PACKAGES = new Set(['@noble/hashes/hkdf.js', '@noble/hashes/sha2.js', 'jsqr', 'pako', 'qrcode']);

/** Globals that exist only in a browser window (Node, workers and libdatachannel have none). */
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'history',
  'customElements',
  'requestAnimationFrame',
  'indexedDB',
];
const BROWSER_CONSTRUCTORS = ['MediaStream', 'HTMLElement', 'HTMLVideoElement', 'Worker', 'OffscreenCanvas', 'RTCPeerConnection', 'Image'];

function specifiers(source: string): string[] {
  const found = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
  return [...new Set(found)];
}

/** The source without comments and string contents, so prose and messages do not count as uses. */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, "''");
}

describe('src/core stays UI-free and platform-free', () => {
  test('it was read: the core has its folders of modules', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files.some((file) => file.endsWith('session/peer-session.ts'))).toBe(true);
  });

  test('imports stay inside src/core or name an allowed package', () => {
    const leaks: string[] = [];
    for (const file of files) {
      for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
        const inside = specifier.startsWith('.') && !relative(core, resolve(dirname(file), specifier)).startsWith('..');
        if (!inside && !ALLOWED_PACKAGES.has(specifier)) leaks.push(`${relative(root, file)} → ${specifier}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  test('no browser-only global is used as a value', () => {
    const uses: string[] = [];
    const global = new RegExp(`(?<![.\\w])(${BROWSER_GLOBALS.join('|')})\\s*[.[(]`);
    const construct = new RegExp(`\\bnew\\s+(${BROWSER_CONSTRUCTORS.join('|')})\\b`);
    for (const file of files) {
      for (const [index, line] of code(readFileSync(file, 'utf8')).split('\n').entries()) {
        if (global.test(line) || construct.test(line)) uses.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`);
      }
    }
    expect(uses).toEqual([]);
  });

  test('the checks catch what they look for', () => {
    expect(specifiers("import { html } from 'lit';\nconst m = import('../../ui/x.ts');")).toEqual(['lit', '../../ui/x.ts']);
    expect(code("const a = 'window.x'; // navigator.y\nnew MediaStream();")).not.toContain('window');
    expect(new RegExp(`\\bnew\\s+(${BROWSER_CONSTRUCTORS.join('|')})\\b`).test('new MediaStream([track])')).toBe(true);
  });
});
