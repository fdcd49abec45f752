import { describe, expect, it } from 'vitest';
import type { MemberLink } from '../../../src/core/group/member-link.ts';
import type { LinkedPeerConnection } from '../../helpers/linked-peer-connection.ts';
import { code } from '../../helpers/session-peers.ts';
import { device, eventually, linkByHand, linkedNames } from './group-devices.ts';

/** ICE gives up on this link at both ends, as after a long outage. */
function fail(a: MemberLink, b: MemberLink): void {
  for (const member of [a, b]) (member.app.session.connection as unknown as LinkedPeerConnection).network('failed');
}

describe('a member that dropped out comes back', () => {
  it('its links fail; one fresh exchange with one member, and the others are re-linked by introduction, conversations continued', async () => {
    const [a, b, c] = [device('A'), device('B'), device('C')];
    const [aToC, cToA] = [...(await linkByHand(a, b)), ...(await linkByHand(a, c))].slice(2) as [MemberLink, MemberLink];
    await eventually(() => linkedNames(b).length === 2 && linkedNames(c).length === 2, 'a mesh of 3');
    const [bToC, cToB] = [b.memberById(c.self.id)!, c.memberById(b.self.id)!];
    bToC.app.chat.send('before the outage');
    await eventually(() => cToB.app.chat.entries.length === 1, 'B → C before');

    fail(aToC, cToA);
    fail(bToC, cToB);
    await eventually(() => [aToC, cToA, bToC, cToB].every((member) => member.state === 'lost'), 'C lost');
    // A and B keep their own link meanwhile.
    expect(a.memberById(b.self.id)!.state).toBe('linked');

    // C comes back by one exchange with A, on the same links (Reconnect).
    await cToA.app.session.createOffer();
    expect((await aToC.app.session.acceptBlob(code(cToA.app.session))).ok).toBe(true);
    expect((await cToA.app.session.acceptBlob(code(aToC.app.session))).ok).toBe(true);
    await eventually(() => bToC.state === 'linked' && cToB.state === 'linked', 'B and C re-linked through A', 8_000);
    // The same links, so the same conversations: nothing doubled, nothing lost.
    expect(b.members.filter((member) => member.card?.id === c.self.id)).toHaveLength(1);
    // Connected first, then both hellos heard: the link's meaning settles a moment later.
    await eventually(() => cToB.app.conversation.lastOutcome === 'continued' && bToC.app.conversation.lastOutcome === 'continued', 'B–C continued');
    expect(cToB.app.conversation.id).toBe(bToC.app.conversation.id);
    expect(cToB.app.chat.entries.map((entry) => entry.text)).toEqual(['before the outage']);
  });
});
