import { describe, expect, it, test } from 'vitest';
import { ICE_SERVER_PROBLEMS, iceServerProblems, type IceServerProblem } from '../../../src/core/settings/ice-server-check.ts';
import type { IceServerEntry } from '../../../src/core/settings/ice-urls.ts';
import { loadSettings } from '../../../src/core/settings/settings-load.ts';
import { SettingsModel } from '../../../src/core/settings/settings-model.ts';
import { DEFAULT_SETTINGS, serializeSettings } from '../../../src/core/settings/settings.ts';
import { prng } from '../../helpers/prng.ts';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function label(random: Random): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const inner = Array.from({ length: int(random, 0, 12) }, () => pick(random, [...chars, '-'])).join('');
  return pick(random, [...'abcxyz']) + inner + pick(random, [...chars]);
}

function validHost(random: Random): string {
  switch (int(random, 0, 3)) {
    case 0:
      return Array.from({ length: int(random, 1, 4) }, () => label(random)).join('.');
    case 1:
      return Array.from({ length: 4 }, () => int(random, 0, 255)).join('.');
    case 2:
      return `[${Array.from({ length: 8 }, () => int(random, 0, 0xffff).toString(16)).join(':')}]`;
    default:
      return `[${int(random, 0, 0xffff).toString(16)}::${int(random, 0, 0xffff).toString(16)}]`;
  }
}

interface Parts {
  scheme: string;
  host: string;
  port: string | undefined;
  query: string | undefined;
  username: string | undefined;
  credential: string | undefined;
}

function validParts(random: Random): Parts {
  const scheme = pick(random, ['stun', 'stuns', 'turn', 'turns']);
  const turn = scheme.startsWith('turn');
  return {
    scheme,
    host: validHost(random),
    port: random() < 0.7 ? String(int(random, 1, 65_535)) : undefined,
    query: turn && random() < 0.4 ? pick(random, ['transport=udp', 'transport=tcp']) : undefined,
    username: turn ? `user${int(random, 0, 999)}` : undefined,
    credential: turn ? `secret-${int(random, 0, 1e6)}` : undefined,
  };
}

function entryOf({ scheme, host, port, query, username, credential }: Parts): IceServerEntry {
  const urls = `${scheme}:${host}${port === undefined ? '' : `:${port}`}${query === undefined ? '' : `?${query}`}`;
  return { urls, ...(username === undefined ? {} : { username }), ...(credential === undefined ? {} : { credential }) };
}

/** One way to break a valid server, and the code that must say so. */
const BREAKS: readonly ((parts: Parts, random: Random) => IceServerProblem)[] = [
  (parts, random) => {
    parts.scheme = pick(random, ['http', 'https', 'STUN', 'Turn', 'stunn', 'tur', '', 'turn ', 'sturn', 'stun/', 'udp']);
    return 'bad-scheme';
  },
  (parts, random) => {
    // Inside the host: whitespace at the URL's ends is trimmed away, as the form does.
    const i = int(random, 1, parts.host.length - 1);
    parts.host = parts.host.slice(0, i) + pick(random, [...' /#@%{}\\"<>,;!~^|\t']) + parts.host.slice(i);
    return 'bad-host';
  },
  (parts, random) => {
    parts.host = pick(random, [
      '',
      '[::1',
      '::1',
      '[::1]x',
      '[1:2:3:4:5:6:7:8:9]',
      '[1::2::3]',
      '[12345::1]',
      '[g::1]',
      '[::1%25eth0]',
      '[1.2.3.4::1]',
      '[::1.2.3.256]',
      '[]',
      '-start.example',
      'end-.example',
      'a..b',
      '.example',
      '999.1.1.1',
      '1.2.3',
      '1.2.3.4.5',
      `${'a'.repeat(64)}.example`,
      `${'abc.'.repeat(64)}org`,
    ]);
    return 'bad-host';
  },
  (parts, random) => {
    parts.port = pick(random, ['0', '65536', '99999', '', 'abc', '-1', '1e3', '123456', '34 78', '+80', '0x50', String(int(random, 65_536, 1e9))]);
    return 'bad-port';
  },
  (parts, random) => {
    if (parts.scheme.startsWith('stun')) parts.query = pick(random, ['transport=udp', 'transport=tcp', '', 'x']);
    else parts.query = pick(random, ['transport=sctp', 'transport=UDP', '', 'transport=udp&x=1', 'foo', 'transport=', 'transport=tcp#']);
    return 'bad-query';
  },
  (parts, random) => {
    parts.scheme = pick(random, ['turn', 'turns']);
    parts.username = pick(random, [undefined, '']);
    parts.credential = 'secret';
    return 'missing-username';
  },
  (parts, random) => {
    parts.scheme = pick(random, ['turn', 'turns']);
    parts.username = 'user';
    parts.credential = pick(random, [undefined, '']);
    return 'missing-password';
  },
  (parts, random) => {
    if (random() < 0.5) parts.host = 'a'.repeat(1100);
    else {
      parts.scheme = pick(random, ['turn', 'turns']);
      parts.username = 'user';
      parts.credential = 'x'.repeat(int(random, 1025, 5000));
    }
    return 'too-long';
  },
];

function malformed(random: Random): { entry: IceServerEntry; expected: IceServerProblem } {
  const parts = validParts(random);
  const expected = pick(random, BREAKS)(parts, random);
  return { entry: entryOf(parts), expected };
}

describe('the ICE server check', () => {
  const random = prng(0x1ce);
  const cases = Array.from({ length: 1000 }, () => malformed(random));

  it('refuses 1,000 seeded malformed servers, each with the code of what was broken, and never throws', () => {
    const seen = new Set<IceServerProblem>();
    for (const { entry, expected } of cases) {
      const problems = iceServerProblems(entry);
      expect(problems, JSON.stringify(entry).slice(0, 200)).toContain(expected);
      for (const problem of problems) expect(ICE_SERVER_PROBLEMS).toContain(problem);
      seen.add(expected);
    }
    expect([...seen].sort()).toEqual([...ICE_SERVER_PROBLEMS].sort());
  });

  it('every one of them, stored, falls back to the defaults; offered to the settings, it is refused and not stored', () => {
    for (const { entry } of cases) {
      const stored = serializeSettings({ ...DEFAULT_SETTINGS, iceServers: [{ urls: 'stun:ok.example' }, entry] });
      expect(loadSettings(stored), JSON.stringify(entry).slice(0, 200)).toEqual({ settings: DEFAULT_SETTINGS, repaired: ['iceServers'] });
    }
    const saved: string[] = [];
    const model = new SettingsModel({ load: () => null, save: (text) => void saved.push(text) });
    for (const { entry } of cases) {
      const refused = model.update({ ...DEFAULT_SETTINGS, iceServers: [entry] });
      expect(!refused.ok && refused.error.kind).toBe('invalid-server');
    }
    expect([saved, model.current]).toEqual([[], DEFAULT_SETTINGS]);
  });

  it('accepts 1,000 seeded valid servers', () => {
    const valid = prng(0xa11);
    for (let n = 0; n < 1000; n++) {
      const entry = entryOf(validParts(valid));
      expect(iceServerProblems(entry), entry.urls).toEqual([]);
    }
  });

  test.each([
    'stun:stun.l.google.com:19302',
    'stun:stun.cloudflare.com:3478',
    'stuns:stun.example.org',
    'stun:10.0.0.1',
    'stun:localhost:1',
    'stun:host:65535',
    'stun:my_host.example.',
    'stun:[::1]:3478',
    'stun:[2001:db8::1]',
    'stun:[::ffff:192.0.2.1]:3478',
    'stun:[2001:0db8:0000:0000:0000:ff00:0042:8329]',
    'stun:[::]',
  ])('accepts %s', (urls) => {
    expect(iceServerProblems({ urls })).toEqual([]);
  });

  test.each([
    'turn:turn.example.org:3478',
    'turn:10.99.0.2:3478?transport=tcp',
    'turn:[fd00::2]?transport=udp',
    'turns:turn.example.org:443?transport=tcp',
  ])('accepts %s with a user name and a password', (urls) => {
    expect(iceServerProblems({ urls, username: 'alice', credential: 'wonderland' })).toEqual([]);
  });

  test('names every problem of one server, in the order of the fields', () => {
    expect(iceServerProblems({ urls: 'turn:host' })).toEqual(['missing-username', 'missing-password']);
    expect(iceServerProblems({ urls: 'stun:[::1' })).toEqual(['bad-host']);
    expect(iceServerProblems({ urls: 'turn:bad host:0?x', username: 'u' })).toEqual(['bad-host', 'bad-port', 'bad-query', 'missing-password']);
    expect(iceServerProblems({ urls: 'stun.example.org:3478' })).toEqual(['bad-scheme']);
    expect(iceServerProblems({ urls: '' })).toEqual(['bad-scheme']);
    // A STUN server's credentials are dropped, never used: nothing to check.
    expect(iceServerProblems({ urls: 'stun:a.example', credential: 'x'.repeat(5000) })).toEqual([]);
  });
});
