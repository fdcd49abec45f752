import { describe, expect, test } from 'vitest';
import { classifyTurnError, RelayWatch } from '../../../src/core/session/relay-watch.ts';

class FakeSource extends EventTarget {
  candidate(line: string): void {
    this.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: { candidate: line } }));
  }

  error(url: string, errorCode: number): void {
    this.dispatchEvent(Object.assign(new Event('icecandidateerror'), { url, errorCode }));
  }
}

const relayLine = 'candidate:1 1 udp 50339839 10.99.0.2 53285 typ relay raddr 0.0.0.0 rport 0';
const hostLine = 'candidate:1 1 udp 2113937151 a.local 48659 typ host';

describe('classifyTurnError', () => {
  test('what Chromium 156 and Firefox 153 fire for a wrong password (401) is a refusal of the credentials', () => {
    expect(classifyTurnError(401)).toEqual({ code: 'credentials-refused', errorCode: 401 });
    for (const errorCode of [403, 431, 441]) expect(classifyTurnError(errorCode).code).toBe('credentials-refused');
  });

  test('701 (no answer: Firefox after 11 s, Chromium after 40 s) is unreachable; other errors are refusals', () => {
    expect(classifyTurnError(701)).toEqual({ code: 'unreachable' });
    expect(classifyTurnError(486)).toEqual({ code: 'refused', errorCode: 486 });
  });
});

describe('RelayWatch', () => {
  test('no TURN server and no Relay only: nothing to watch, nothing wrong', () => {
    const watch = new RelayWatch(new FakeSource(), {});
    expect(watch.pending).toBe(false);
    expect(watch.problem()).toBeUndefined();
  });

  test('Relay only without a TURN server: the problem is that there is none', () => {
    expect(new RelayWatch(new FakeSource(), { relayOnly: true }).problem()).toEqual({ code: 'no-turn-server' });
  });

  test('pending until a relay candidate arrives; host candidates do not count', () => {
    const source = new FakeSource();
    const watch = new RelayWatch(source, { expectRelay: true });
    source.candidate(hostLine);
    expect(watch.pending).toBe(true);
    expect(watch.problem()).toEqual({ code: 'no-relay' });
    source.candidate(relayLine);
    expect(watch.pending).toBe(false);
    expect(watch.problem()).toBeUndefined();
  });

  test("the TURN server's first error decides; STUN servers' errors are ignored (Chromium names both)", () => {
    const source = new FakeSource();
    const watch = new RelayWatch(source, { expectRelay: true });
    source.error('stun:10.99.0.2:3479', 701);
    expect(watch.pending).toBe(true);
    source.error('turn:10.99.0.2:3478?transport=udp', 401);
    source.error('turns:10.99.0.2:5349', 701);
    expect(watch.failed).toBe(true);
    expect(watch.problem()).toEqual({ code: 'credentials-refused', errorCode: 401 });
  });

  test('after stop() it hears nothing more', () => {
    const source = new FakeSource();
    const watch = new RelayWatch(source, { expectRelay: true });
    watch.stop();
    source.candidate(relayLine);
    expect(watch.problem()).toEqual({ code: 'no-relay' });
  });
});
