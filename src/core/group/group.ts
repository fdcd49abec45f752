import type { App } from '../app/create-app.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { SessionFeature } from '../session/feature.ts';
import { MAX_GROUP_MEMBERS, type GroupMessage, type MemberCard } from './group-messages.ts';
import { Introductions } from './introductions.ts';
import { MemberLink, type MemberLinkListener } from './member-link.ts';

export interface GroupOptions {
  /** This device in the group: a fresh id per group, and the name the user chose. */
  readonly self: MemberCard;
  /** One App per link, with the group's feature on it (createApp(platform, { features })). */
  readonly createApp: (feature: SessionFeature) => App;
  /** How long an offer made for an introduction gathers at most (Settings.gatherCapMs). */
  readonly gatherCapMs?: number;
}

/**
 * Three or more devices, every pair linked directly, still with no server. The user links this
 * device to one member by hand (addDevice: the usual code exchange); from then on the members
 * introduce each other in-band (introductions.ts), so every further pair links without a code.
 */
export class Group extends TypedEventTarget<{ change: Event }> implements MemberLinkListener {
  private readonly links: MemberLink[] = [];
  private readonly introductions: Introductions;
  private counter = 0;

  constructor(private readonly options: GroupOptions) {
    super();
    this.introductions = new Introductions(this, options.gatherCapMs ?? 1_500);
  }

  private card: MemberCard = this.options.self;

  get self(): MemberCard {
    return this.card;
  }

  /** A new display name: every member hears it in a fresh hello. */
  rename(name: string): void {
    this.card = { ...this.card, name };
    for (const member of this.linkedMembers()) this.linkUp(member);
    this.notify('change');
  }

  /** Every link this device holds or is making, in the order they were made. */
  get members(): readonly MemberLink[] {
    return this.links;
  }

  /** Linked members with a known card: whom the group holds now. */
  linkedMembers(): MemberLink[] {
    return this.links.filter((member) => member.card && member.state === 'linked');
  }

  memberById(id: string): MemberLink | undefined {
    return this.links.find((member) => member.card?.id === id && !member.left);
  }

  get full(): boolean {
    return this.links.filter((member) => !member.left && member.state !== 'lost').length >= MAX_GROUP_MEMBERS - 1;
  }

  /** A new link for one more device, made by hand with its session's codes; undefined when the group is full. */
  addDevice(): MemberLink | undefined {
    return this.full ? undefined : this.newLink();
  }

  /** Says goodbye on every link and ends them; the group is empty afterwards. */
  leave(): void {
    for (const member of this.links) {
      member.send({ type: 'group-leave' });
      member.left = true;
      member.app.session.reset();
    }
    this.links.splice(0);
    this.notify('change');
  }

  /** A link made by an introduction: its far end is promised. */
  newLink(expected?: MemberCard, introducedBy?: string): MemberLink {
    const member = new MemberLink(`link-${++this.counter}`, this.options.createApp, this, expected, introducedBy);
    member.app.session.addEventListener('change', () => {
      // An introduction whose link never came up: nobody is waiting for it by hand.
      if (introducedBy && !member.everLinked && member.state === 'lost') this.drop(member);
      this.notify('change');
    });
    member.app.verification.addEventListener('change', () => this.notify('change'));
    this.links.push(member);
    this.notify('change');
    return member;
  }

  /** Forgets a link that will not come up (an abandoned introduction). */
  drop(member: MemberLink): void {
    const index = this.links.indexOf(member);
    if (index < 0) return;
    this.links.splice(index, 1);
    member.app.session.reset();
    this.notify('change');
  }

  linkUp(member: MemberLink): void {
    const members = this.linkedMembers().filter((other) => other !== member).map((other) => other.card!);
    member.send({ type: 'group-hello', member: this.self, members });
  }

  message(member: MemberLink, message: GroupMessage): void {
    if (message.type === 'group-hello') return this.hello(member, message.member, message.members);
    if (!member.card) return; // nothing before the hello says who this is
    if (message.type === 'group-leave') return this.memberLeft(member);
    this.introductions.handle(member, message);
  }

  linkDown(member: MemberLink): void {
    this.introductions.linkLost(member);
    this.notify('change');
  }

  private hello(member: MemberLink, card: MemberCard, theirs: readonly MemberCard[]): void {
    const duplicate = this.memberById(card.id);
    const wrong = member.expected && member.expected.id !== card.id;
    if (card.id === this.self.id || wrong || (duplicate && duplicate !== member)) return this.drop(member);
    member.card = card;
    this.notify('change');
    const known = new Set(theirs.map((other) => other.id));
    for (const other of this.linkedMembers()) {
      if (other !== member && !known.has(other.card!.id)) this.introductions.introduce(member, other);
    }
  }

  /** The member's bye follows at once and ends the link as ended by the other device; nothing to close here. */
  private memberLeft(member: MemberLink): void {
    member.left = true;
    this.introductions.linkLost(member);
    this.notify('change');
  }
}
