import { describe, expect, test } from 'vitest';
import { Conversation, type HelloMessage } from '../../../src/core/session/conversation.ts';
import { code, connect, firefox, chromium, linkedPeer, phase, reaches, until, type TestPeer } from '../../helpers/session-peers.ts';

/** Two conversations' ends exchanging hellos on a new link: the offerer's first, then the answerer's. */
function link(offerer: Conversation, answerer: Conversation) {
  const sent: Record<'offerer' | 'answerer', HelloMessage[]> = { offerer: [], answerer: [] };
  offerer.greet({ polite: false, send: (message) => (sent.offerer.push(message as HelloMessage), true) });
  answerer.greet({ polite: true, send: (message) => (sent.answerer.push(message as HelloMessage), true) });
  const unchecked = (message: HelloMessage) => ({ ...message });
  return { offerer: offerer.receive(unchecked(sent.answerer[0]!)), answerer: answerer.receive(unchecked(sent.offerer[0]!)), sent };
}

let counter = 0;
const ids = () => () => `id-${++counter}`;

describe('Conversation: what a new link means', () => {
  test('a first link: both sides agree on the offerer’s fresh id', () => {
    const [a, b] = [new Conversation(ids()), new Conversation(ids())];
    const outcome = link(a, b);
    expect([outcome.offerer, outcome.answerer]).toEqual(['first', 'first']);
    expect(a.id).toBe(outcome.sent.offerer[0]!.fresh);
    expect(b.id).toBe(a.id);
  });

  test('the same two devices again: continued, whichever side offers this time', () => {
    const [a, b] = [new Conversation(ids()), new Conversation(ids())];
    link(a, b);
    const id = a.id;
    const again = link(b, a);
    expect([again.offerer, again.answerer]).toEqual(['continued', 'continued']);
    expect([a.id, b.id]).toEqual([id, id]);
    expect(a.lastOutcome).toBe('continued');
    a.forget();
    expect([a.id, a.lastOutcome]).toEqual([undefined, undefined]);
  });

  test('one side pressed New session: a new conversation on both; the side that held one replaces it', () => {
    const [a, b] = [new Conversation(ids()), new Conversation(ids())];
    link(a, b);
    const before = a.id;
    b.forget();
    const next = link(a, b);
    expect([next.offerer, next.answerer]).toEqual(['replaced', 'first']);
    expect(a.id).not.toBe(before);
    expect(b.id).toBe(a.id);
  });

  test('a device with another conversation’s id does not continue this one', () => {
    const [a, b, c] = [new Conversation(ids()), new Conversation(ids()), new Conversation(ids())];
    link(a, b);
    link(c, new Conversation(ids()));
    expect(link(c, a).answerer).toBe('replaced');
  });

  test('malformed or unexpected hellos are ignored', () => {
    const a = new Conversation(ids());
    expect(a.receive({ type: 'hello', conversation: null, fresh: 'x' })).toBeUndefined(); // before greeting
    a.greet({ polite: true, send: () => true });
    for (const bad of [{ fresh: '' }, { fresh: 7 }, { conversation: 5, fresh: 'x' }, { conversation: 'y'.repeat(65), fresh: 'x' }]) {
      expect(a.receive({ type: 'hello', conversation: null, ...bad })).toBeUndefined();
    }
    expect(a.receive({ type: 'hello', conversation: null, fresh: 'ok' })).toBe('first');
    expect(a.receive({ type: 'hello', conversation: null, fresh: 'again' })).toBeUndefined(); // one per link
  });
});

/** Both links fail, as after a long outage: ICE gives up on both sides. */
async function failBoth(a: TestPeer, b: TestPeer): Promise<void> {
  for (const peer of [a, b]) peer.connections.at(-1)!.network('failed');
  await Promise.all([reaches(a.session, phase('failed')), reaches(b.session, phase('failed'))]);
}

/** Like `connect`, but checks how each side's feature was told the link's meaning. */
async function reconnect(offerer: TestPeer, answerer: TestPeer): Promise<[string | undefined, string | undefined]> {
  const logged = [offerer.feature.log.length, answerer.feature.log.length];
  await offerer.session.createOffer();
  await answerer.session.acceptBlob(code(offerer.session));
  await offerer.session.acceptBlob(code(answerer.session));
  await until(() => [offerer, answerer].every((peer) => peer.feature.log.at(-1)?.startsWith('resume') === true));
  return [offerer.feature.log.slice(logged[0]).join(', '), answerer.feature.log.slice(logged[1]).join(', ')] as [string, string];
}

describe('PeerSession: a reconnect continues the conversation', () => {
  test('after a failed link, one fresh exchange continues it on both sides, with nothing reset', async () => {
    const [a, b] = [linkedPeer(chromium), linkedPeer(firefox)];
    await connect(a, b);
    await failBoth(a, b);
    expect(await reconnect(b, a)).toEqual(['attach polite=false, resume continued', 'attach polite=true, resume continued']);
  });

  test('after New session on one side, the next link is a new conversation: the other side resets', async () => {
    const [a, b] = [linkedPeer(chromium), linkedPeer(firefox)];
    await connect(a, b);
    await failBoth(a, b);
    b.session.reset();
    expect(await reconnect(a, b)).toEqual(['attach polite=false, reset, resume replaced', 'attach polite=true, resume first']);
  });
});
