import type { CallMessage } from '../../src/core/media/call-messages.ts';
import type { NegotiationMessage } from '../../src/core/media/negotiation-messages.ts';
import { Call } from '../../src/core/media/call.ts';
import { Negotiator } from '../../src/core/media/negotiator.ts';
import { FakeMediaDevices } from './fake-media.ts';
import { ModelPeer } from './model-peer.ts';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface Side {
  readonly peer: ModelPeer;
  readonly negotiator: Negotiator;
  readonly call: Call;
}

/**
 * Two Calls, each with a Negotiator, on two ModelPeers: every control message crosses to the other
 * side on a later task, in order, as JSON, and goes to the negotiator or the call by its type.
 */
export function linkedCalls() {
  let inFlight = 0;
  const offers = { count: 0 };
  const errors: unknown[] = [];
  const makeSide = (polite: boolean, other: () => Side): Side => {
    const peer = new ModelPeer(nextTask);
    let queue = Promise.resolve();
    const send = (message: CallMessage | NegotiationMessage) => {
      if (message.type === 'description' && message.description.type === 'offer') offers.count++;
      const copy = JSON.parse(JSON.stringify(message)) as CallMessage | NegotiationMessage;
      inFlight++;
      queue = queue.then(nextTask).then(async () => {
        const to = other();
        if (copy.type === 'description' || copy.type === 'candidate') await to.negotiator.handle(copy);
        else to.call.handleRemote(copy);
        inFlight--;
      });
    };
    const negotiator = new Negotiator(peer, polite, send, (error) => errors.push(error));
    return { peer, negotiator, call: new Call(peer, new FakeMediaDevices(), send) };
  };
  const a: Side = makeSide(false, () => b);
  const b: Side = makeSide(true, () => a);
  /** Until nothing is in flight and both peers have been stable for three tasks in a row. */
  const quiet = async () => {
    for (let tasks = 0, stableTasks = 0; stableTasks < 3; tasks++) {
      if (tasks > 1000) throw new Error('the two sides never settle');
      await nextTask();
      const stable = [a, b].every((side) => side.peer.signalingState === 'stable');
      stableTasks = inFlight === 0 && stable ? stableTasks + 1 : 0;
    }
    if (errors.length > 0) throw new AggregateError(errors, 'negotiation failed');
  };
  return { a, b, offers, quiet };
}
