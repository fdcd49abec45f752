import { randomId } from '../util/random-id.ts';
import type { GroupMessage, MemberCard } from './group-messages.ts';
import type { MemberLink } from './member-link.ts';
import { settledCode } from '../session/settled-code.ts';

/** What the introductions need of their group. */
export interface IntroductionHost {
  readonly self: MemberCard;
  readonly full: boolean;
  memberById(id: string): MemberLink | undefined;
  newLink(expected: MemberCard, introducedBy: string): MemberLink;
  drop(member: MemberLink): void;
}

type Introduction = Extract<GroupMessage, { intro: string }>;

/** One introduction this device takes part in: the link it makes, through whom, and its side. */
interface Joined {
  readonly member: MemberLink;
  readonly via: MemberLink;
  readonly role: 'offerer' | 'target';
  /** Made for this introduction (dropped if it fails), or a lost link to the member, given a fresh start. */
  readonly created: boolean;
}

/**
 * In-band introductions. As introducer, this device asks the lower id of a pair to offer, relays
 * that offer to the other and the answer back, and nothing else (a message for an introduction it
 * did not issue, or from the wrong side, is ignored). As a party, it makes at most one link per
 * member: a second introduction to a member already linked or being linked is cancelled, so two
 * introducers at once still give one link. A party waiting for an answer gives up when its
 * introducer goes; one that sent its answer waits for the link, which comes if the answer got
 * through, and otherwise fails on the session's own timeout and is dropped by the group.
 */
export class Introductions {
  private readonly issued = new Map<string, { readonly offerer: MemberLink; readonly target: MemberLink }>();
  private readonly joined = new Map<string, Joined>();

  constructor(
    private readonly host: IntroductionHost,
    private readonly gatherCapMs: number,
  ) {}

  introduce(a: MemberLink, b: MemberLink): void {
    const [offerer, target] = a.card!.id < b.card!.id ? [a, b] : [b, a];
    const intro = randomId();
    this.issued.set(intro, { offerer, target });
    offerer.send({ type: 'group-introduce', intro, peer: target.card! });
  }

  handle(from: MemberLink, message: Introduction): void {
    const issued = this.issued.get(message.intro);
    if (issued) return this.relay(from, issued, message);
    const key = `${from.key}:${message.intro}`;
    if (message.type === 'group-introduce') void this.offer(from, key, message.intro, message.peer);
    else if (message.type === 'group-offer') void this.answer(from, key, message.intro, message.peer, message.code);
    else if (message.type === 'group-answer') void this.complete(key, message.code);
    else this.abandon(key);
  }

  /** A link went down: introductions through it, and of it, end here. */
  linkLost(member: MemberLink): void {
    for (const [intro, { offerer, target }] of this.issued) {
      if (member !== offerer && member !== target) continue;
      (member === offerer ? target : offerer).send({ type: 'group-cancel', intro });
      this.issued.delete(intro);
    }
    for (const [key, joined] of this.joined) {
      if (joined.member === member) this.joined.delete(key);
      else if (joined.via === member && joined.role === 'offerer') this.abandon(key);
    }
  }

  private relay(from: MemberLink, { offerer, target }: { offerer: MemberLink; target: MemberLink }, message: Introduction): void {
    const intro = message.intro;
    if (message.type === 'group-offer' && from === offerer) {
      target.send({ type: 'group-offer', intro, peer: offerer.card!, code: message.code });
    } else if (message.type === 'group-answer' && from === target) {
      offerer.send({ type: 'group-answer', intro, peer: target.card!.id, code: message.code });
      this.issued.delete(intro);
    } else if (message.type === 'group-cancel' && (from === offerer || from === target)) {
      (from === offerer ? target : offerer).send({ type: 'group-cancel', intro });
      this.issued.delete(intro);
    }
  }

  /**
   * The link this introduction may use: a new one, or the lost link to that member (its App keeps
   * the conversation, so chat and files carry on). Undefined when a link exists or is being made:
   * then the introducer hears group-cancel, and the pair keeps its one link.
   */
  private linkFor(via: MemberLink, intro: string, peer: MemberCard): { member: MemberLink; created: boolean } | undefined {
    const existing = this.host.memberById(peer.id);
    if (existing?.state === 'lost') return { member: existing, created: false };
    if (peer.id !== this.host.self.id && !existing && !this.host.full) return { member: this.host.newLink(peer, via.card!.id), created: true };
    via.send({ type: 'group-cancel', intro });
    return undefined;
  }

  private async offer(via: MemberLink, key: string, intro: string, peer: MemberCard): Promise<void> {
    const link = this.linkFor(via, intro, peer);
    if (!link) return;
    const { member } = link;
    this.joined.set(key, { ...link, via, role: 'offerer' });
    const started = await member.app.session.createOffer();
    const code = started.ok ? await settledCode(member.app.session, this.gatherCapMs) : undefined;
    if (!this.joined.has(key)) return;
    if (!code) return this.giveUp(key, intro);
    via.send({ type: 'group-offer', intro, peer, code });
  }

  private async answer(via: MemberLink, key: string, intro: string, peer: MemberCard, offer: string): Promise<void> {
    const link = this.linkFor(via, intro, peer);
    if (!link) return;
    const { member } = link;
    this.joined.set(key, { ...link, via, role: 'target' });
    const applied = await member.app.session.acceptBlob(offer);
    const code = applied.ok ? await settledCode(member.app.session, this.gatherCapMs) : undefined;
    if (!this.joined.has(key)) return;
    if (!code) return this.giveUp(key, intro);
    via.send({ type: 'group-answer', intro, peer: peer.id, code });
  }

  private async complete(key: string, answer: string): Promise<void> {
    const joined = this.joined.get(key);
    if (joined?.role !== 'offerer') return;
    this.joined.set(key, { ...joined, role: 'target' }); // answered: from now on it waits for its link like the other side
    const applied = await joined.member.app.session.acceptBlob(answer);
    if (!applied.ok) this.giveUp(key, key.slice(key.indexOf(':') + 1));
  }

  private giveUp(key: string, intro: string): void {
    this.joined.get(key)?.via.send({ type: 'group-cancel', intro });
    this.abandon(key);
  }

  private abandon(key: string): void {
    const joined = this.joined.get(key);
    if (!joined) return;
    this.joined.delete(key);
    if (joined.created && joined.member.state !== 'linked') this.host.drop(joined.member);
  }
}
