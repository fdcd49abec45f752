import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/core/app/create-app.ts';
import type { UncheckedMessage } from '../../../src/core/channel/control-messages.ts';
import { GROUP_MESSAGE_TYPES, parseGroupMessage, type GroupMessage, type MemberCard } from '../../../src/core/group/group-messages.ts';
import { settledCode } from '../../../src/core/session/settled-code.ts';
import type { FeatureLink, SessionFeature } from '../../../src/core/session/feature.ts';
import { code } from '../../helpers/session-peers.ts';
import { device, eventually, linkByHand, memoryPlatform } from './group-devices.ts';

const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.session.reset();
});

interface Scripted {
  readonly app: App;
  send(message: GroupMessage): void;
  next(type: GroupMessage['type']): Promise<GroupMessage>;
}

/** An app that speaks the group protocol as `card` says, whoever it really is: the malicious member's tool. */
function scriptedApp(card: MemberCard): Scripted {
  let link: FeatureLink | undefined;
  const heard: GroupMessage[] = [];
  const feature: SessionFeature = {
    messageTypes: GROUP_MESSAGE_TYPES,
    attach: (opened) => {
      link = opened;
      const hello: GroupMessage = { type: 'group-hello', member: card, members: [] };
      opened.send(hello);
    },
    handle: (raw: UncheckedMessage) => {
      const parsed = parseGroupMessage(raw);
      if (parsed.ok) heard.push(parsed.value);
    },
    detach: () => undefined,
    reset: () => undefined,
  };
  const app = createApp(memoryPlatform(), { features: [feature] });
  apps.push(app);
  return {
    app,
    send: (message) => void link?.send(message),
    next: async (type) => {
      await eventually(() => heard.some((message) => message.type === type), type);
      return heard.find((message) => message.type === type)!;
    },
  };
}

describe('an introduction relayed by a malicious member', () => {
  it('honest introducer: both ends of the introduced link show the same verification code', async () => {
    const [a, b, c] = [device('A'), device('B'), device('C')];
    await linkByHand(a, b);
    await linkByHand(a, c);
    await eventually(() => Boolean(b.memberById(c.self.id)?.code && c.memberById(b.self.id)?.code), 'codes on B–C');
    expect(b.memberById(c.self.id)!.code!.code).toBe(c.memberById(b.self.id)!.code!.code);
  });

  it('swaps the relayed offer and answer for its own: the other two see different codes', async () => {
    const [b, c] = [device('B', 'b-1'), device('C', 'c-2')];
    const mallory: MemberCard = { id: 'm-0', name: 'Mallory' };
    const [toB, toC] = [scriptedApp(mallory), scriptedApp(mallory)];
    // Her impostors: "C" towards B, "B" towards C.
    const [asC, asB] = [scriptedApp({ id: c.self.id, name: 'C' }), scriptedApp({ id: b.self.id, name: 'B' })];
    await handLink(toB.app, b.addDevice()!.app);
    await handLink(toC.app, c.addDevice()!.app);
    await eventually(() => b.linkedMembers().length === 1 && c.linkedMembers().length === 1, 'B and C linked to Mallory');

    // She asks B (the lower id) to offer for C, and answers that offer herself, as "C".
    toB.send({ type: 'group-introduce', intro: 'i-1', peer: { id: c.self.id, name: 'C' } });
    const offer = await toB.next('group-offer');
    if (offer.type !== 'group-offer') throw new Error('no offer');
    await asC.app.session.acceptBlob(offer.code);
    toB.send({ type: 'group-answer', intro: 'i-1', peer: c.self.id, code: (await settledCode(asC.app.session, 50))! });
    // And she hands C an offer of her own, as if from B, and takes C's answer herself.
    await asB.app.session.createOffer();
    toC.send({ type: 'group-offer', intro: 'i-2', peer: { id: b.self.id, name: 'B' }, code: (await settledCode(asB.app.session, 50))! });
    const answer = await toC.next('group-answer');
    if (answer.type !== 'group-answer') throw new Error('no answer');
    await asB.app.session.acceptBlob(answer.code);

    await eventually(() => Boolean(b.memberById(c.self.id)?.code && c.memberById(b.self.id)?.code), 'codes on both "B–C" links');
    // Both think they hold a link to the other; the codes are how the people find out.
    expect(b.memberById(c.self.id)!.state).toBe('linked');
    expect(c.memberById(b.self.id)!.state).toBe('linked');
    expect(b.memberById(c.self.id)!.code!.code).not.toBe(c.memberById(b.self.id)!.code!.code);
  });
});

/** The two apps' codes carried by hand. */
async function handLink(offerer: App, answerer: App): Promise<void> {
  await offerer.session.createOffer();
  await answerer.session.acceptBlob(code(offerer.session));
  await offerer.session.acceptBlob(code(answerer.session));
}
