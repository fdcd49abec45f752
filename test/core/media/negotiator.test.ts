import { describe, expect, test } from 'vitest';
import { Negotiator } from '../../../src/core/media/negotiator.ts';
import type { NegotiationMessage } from '../../../src/core/media/negotiation-messages.ts';
import { ModelPeer } from '../../helpers/model-peer.ts';

/** Seeded so that a failing interleaving can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function pair(seed: number) {
  const random = prng(seed);
  const delay = () => new Promise<void>((resolve) => setTimeout(resolve, Math.floor(random() * 3)));
  const a = new ModelPeer(delay);
  const b = new ModelPeer(delay);
  const errors: unknown[] = [];
  // An in-memory ordered channel pair with random latency, like a data channel.
  let toB = Promise.resolve();
  let toA = Promise.resolve();
  let inFlight = 0;
  const deliver = (queue: Promise<void>, target: () => Negotiator, message: NegotiationMessage) => {
    inFlight++;
    return queue
      .then(delay)
      .then(() => target().handle(roundTrip(message)))
      .finally(() => inFlight--);
  };
  const negotiatorA: Negotiator = new Negotiator(a, false, (message) => {
    toB = deliver(toB, () => negotiatorB, message);
  }, (error) => errors.push(error));
  const negotiatorB: Negotiator = new Negotiator(b, true, (message) => {
    toA = deliver(toA, () => negotiatorA, message);
  }, (error) => errors.push(error));
  const quiet = () => inFlight === 0 && a.signalingState === 'stable' && b.signalingState === 'stable';
  return { a, b, errors, quiet };
}

/** Waits until nothing is in flight and both sides are stable for a while (or gives up after 3 s). */
async function settle(quiet: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  let quietPolls = 0;
  while (quietPolls < 5 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    quietPolls = quiet() ? quietPolls + 1 : 0;
  }
}

/** Messages cross the channel as JSON, as they do in the app. */
function roundTrip(message: NegotiationMessage): NegotiationMessage {
  return JSON.parse(JSON.stringify(message)) as NegotiationMessage;
}


describe('Negotiator (perfect negotiation) over an in-memory channel', () => {
  test('one side adds media; the other sees it and both return to stable', async () => {
    const { a, b, errors, quiet } = pair(1);
    a.addTrack('a-camera');
    await settle(quiet);
    expect([a.signalingState, b.signalingState]).toEqual(['stable', 'stable']);
    expect([...b.remoteTracks]).toEqual(['a-camera']);
    expect(errors).toEqual([]);
  });

  test('glare: both sides add media in the same tick, 100 interleavings, always converge', async () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { a, b, errors, quiet } = pair(seed);
      a.addTrack('a-camera');
      b.addTrack('b-camera');
      await settle(quiet);
      const context = `seed ${seed}`;
      expect([a.signalingState, b.signalingState], context).toEqual(['stable', 'stable']);
      expect([...b.remoteTracks], context).toEqual(['a-camera']);
      expect([...a.remoteTracks], context).toEqual(['b-camera']);
      expect(errors, context).toEqual([]);
    }
  }, 30_000);

  test('add, remove and re-add in quick succession on both sides ends consistent', async () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { a, b, errors, quiet } = pair(seed);
      a.addTrack('a-camera');
      b.addTrack('b-camera');
      a.removeTrack('a-camera');
      b.addTrack('b-screen');
      a.addTrack('a-mic');
      await settle(quiet);
      expect([a.signalingState, b.signalingState]).toEqual(['stable', 'stable']);
      expect([...b.remoteTracks].sort()).toEqual(['a-mic']);
      expect([...a.remoteTracks].sort()).toEqual(['b-camera', 'b-screen']);
      expect(errors).toEqual([]);
    }
  }, 30_000);
});
