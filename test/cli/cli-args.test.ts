import { describe, expect, it } from 'vitest';
import { parseCommandLine, turnEntry, type CliOptions } from '../../src/cli/cli-args.ts';

function options(...argv: string[]): CliOptions {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok || parsed.value.kind !== 'run') throw new Error(JSON.stringify(parsed));
  return parsed.value.options;
}

function refusal(...argv: string[]): string {
  const parsed = parseCommandLine(argv);
  if (parsed.ok) throw new Error(`accepted ${argv.join(' ')}`);
  return parsed.error;
}

describe('the command line', () => {
  it('reads the three commands and their arguments', () => {
    expect(options('send', 'a.txt', 'b.bin')).toMatchObject({ command: 'send', files: ['a.txt', 'b.bin'], answer: false });
    expect(options('receive')).toMatchObject({ command: 'receive', directory: '.', force: false, keepOpen: false });
    expect(options('receive', 'in', '--force', '--keep-open')).toMatchObject({ directory: 'in', force: true, keepOpen: true });
    expect(options('chat', '--answer', '--no-qr')).toMatchObject({ command: 'chat', answer: true, qr: false });
    expect(options('chat').qr).toBeUndefined();
  });

  it('keeps the page default STUN servers unless told otherwise', () => {
    expect(options('chat').iceServers).toBeUndefined();
    expect(options('chat', '--no-ice-servers').iceServers).toEqual([]);
    expect(options('chat', '--stun', 'stun.example.org:3478', '--stun', 'stun:10.0.0.1').iceServers).toEqual([
      { urls: 'stun:stun.example.org:3478' },
      { urls: 'stun:10.0.0.1' },
    ]);
    expect(options('chat', '--turn', 'turn:alice:wonder%40land@10.99.0.2:3478?transport=udp', '--relay-only')).toMatchObject({
      iceServers: [{ urls: 'turn:10.99.0.2:3478?transport=udp', username: 'alice', credential: 'wonder@land' }],
      relayOnly: true,
    });
    expect(turnEntry('turns:bob:pw@[fd00::1]:5349')).toEqual({ urls: 'turns:[fd00::1]:5349', username: 'bob', credential: 'pw' });
  });

  it('says in one sentence what is wrong', () => {
    expect(refusal()).toMatch(/send, receive or chat/);
    expect(refusal('fly')).toMatch(/Unknown command "fly"/);
    expect(refusal('send')).toMatch(/at least one file/);
    expect(refusal('receive', 'a', 'b')).toMatch(/at most one folder/);
    expect(refusal('chat', 'x')).toMatch(/no arguments/);
    expect(refusal('chat', '--turn', 'turn:10.99.0.2:3478')).toMatch(/TURN needs a user name/);
    expect(refusal('chat', '--stun', 'http://x')).toMatch(/must start with stun:/);
    expect(refusal('chat', '--no-ice-servers', '--stun', 'stun:x')).toMatch(/cannot be combined/);
    expect(refusal('chat', '--page', 'file:///x')).toMatch(/http/);
    expect(refusal('send', 'a', '--force')).toMatch(/--force is for receive/);
    expect(refusal('chat', '--bogus')).toMatch(/bogus/);
    expect(refusal('chat', '--lang', 'fr')).toBe('--lang takes ko or en.');
    expect(options('chat', '--lang', 'ko')).toMatchObject({ command: 'chat' });
  });

  it('knows help and version', () => {
    expect(parseCommandLine(['--help'])).toEqual({ ok: true, value: { kind: 'help' } });
    expect(parseCommandLine(['-V'])).toEqual({ ok: true, value: { kind: 'version' } });
  });
});
