import { describe, expect, it } from 'vitest';
import { device, eventually, linkByHand, linkedNames } from './group-devices.ts';

describe('a group built from pairwise codes, introductions in-band', () => {
  it('A links B and C by hand; A introduces them, and B and C get a link of their own', async () => {
    const [a, b, c] = [device('A'), device('B'), device('C')];
    await linkByHand(a, b);
    await linkByHand(a, c);
    await eventually(() => linkedNames(b).length === 2 && linkedNames(c).length === 2, 'B and C linked');
    expect(linkedNames(a)).toEqual(['B', 'C']);
    expect(linkedNames(b)).toEqual(['A', 'C']);
    expect(linkedNames(c)).toEqual(['A', 'B']);
    const bToC = b.memberById(c.self.id)!;
    expect(bToC.introducedBy).toBe(a.self.id);
    expect(bToC.app.session.connection).not.toBe(b.memberById(a.self.id)!.app.session.connection);
    // Each pair has exactly one link.
    for (const group of [a, b, c]) expect(group.members.filter((member) => !member.left)).toHaveLength(2);
  });

  it('grows to 5 by hand-linking each newcomer to any one member: a full mesh, one link per pair', async () => {
    const devices = ['A', 'B', 'C', 'D', 'E'].map((name) => device(name));
    for (const [i, newcomer] of devices.slice(1).entries()) await linkByHand(devices[i % 2]!, newcomer);
    await eventually(() => devices.every((group) => linkedNames(group).length === 4), 'a full mesh of 5');
    for (const group of devices) expect(group.members).toHaveLength(4);
  });

  it('glare: two members introduce the same newcomer at once, and the pair still gets one link', async () => {
    // A–B and D–B are linked; A and D both hold C and B... built so that A and D introduce C to B together.
    const [a, b, c, d] = [device('A'), device('B', 'b-1'), device('C', 'c-2'), device('D')];
    await linkByHand(a, b);
    await linkByHand(d, b);
    await eventually(() => linkedNames(a).includes('D'), 'A and D introduced by B');
    await Promise.all([linkByHand(a, c), linkByHand(d, c)]);
    await eventually(() => [a, b, c, d].every((group) => linkedNames(group).length === 3), 'a full mesh of 4');
    for (const group of [a, b, c, d]) expect(group.members.filter((member) => !member.left)).toHaveLength(3);
  });

  it('a member leaving is announced; the others keep their link', async () => {
    const [a, b, c] = [device('A'), device('B'), device('C')];
    await linkByHand(a, b);
    await linkByHand(a, c);
    await eventually(() => linkedNames(b).length === 2, 'B and C linked');
    a.leave();
    await eventually(() => b.memberById(a.self.id) === undefined && c.memberById(a.self.id) === undefined, 'A gone');
    expect(linkedNames(b)).toEqual(['C']);
    expect(b.members.find((member) => member.card?.id === a.self.id)?.state).toBe('left');
    const sent = b.memberById(c.self.id)!.app.chat.send('still here');
    expect(sent.ok).toBe(true);
    await eventually(() => c.memberById(b.self.id)!.app.chat.entries.some((entry) => entry.text === 'still here'), 'chat B → C');
  });

  it('the introducer leaving before the answer comes back: no half link is left behind', async () => {
    const [a, b, c] = [device('A'), device('B', 'b-0'), device('C', 'c-9')];
    await linkByHand(a, b);
    const [toC] = await linkByHand(a, c);
    // A leaves the moment B's offer for C reaches it: the answer can never come back.
    const relay = toC.send.bind(toC);
    toC.send = (message) => {
      if (message.type === 'group-offer') queueMicrotask(() => a.leave());
      return relay(message);
    };
    await eventually(() => b.memberById(a.self.id) === undefined && c.memberById(a.self.id) === undefined, 'A gone');
    await eventually(() => b.members.every((member) => member.left) && c.members.every((member) => member.left), 'no attempt left', 5_000);
    expect(linkedNames(b)).toEqual([]);
    expect(linkedNames(c)).toEqual([]);
  });
});
