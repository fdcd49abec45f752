import { BoundedLog } from '../chat/bounded-log.ts';
import type { ChatEntry, ChatHistory, ChatRefusal, Delivery } from '../chat/chat-entry.ts';
import { CHAT_HISTORY_CAP, CHAT_SEEN_IDS_CAP } from '../chat/chat-limits.ts';
import { RecentIds } from '../chat/recent-ids.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { Group } from './group.ts';
import type { MemberLink } from './member-link.ts';

/** One message typed here: the copy each link's chat carries, and where it sits in the log. */
interface Sent {
  readonly index: number;
  readonly copies: Map<MemberLink, string>;
}

/**
 * The group's one shared log over each link's own chat (which keeps its limits, acknowledgements
 * and resending): a message typed here goes to every member, and each member's messages come in
 * with their name. Between two devices it reads exactly as that link's chat does.
 */
export class GroupChat extends TypedEventTarget<{ change: Event }> implements ChatHistory {
  private readonly log = new BoundedLog<ChatEntry>(CHAT_HISTORY_CAP);
  private readonly taken = new Map<MemberLink, RecentIds>();
  private readonly sent = new Map<string, Sent>();
  /** Own messages some member has not acknowledged yet. */
  private readonly undelivered = new Set<string>();

  constructor(private readonly group: Group) {
    super();
    group.addEventListener('change', () => this.follow());
    this.follow();
  }

  get entries(): readonly ChatEntry[] {
    return this.log.snapshot();
  }

  get removed(): number {
    return this.log.removed;
  }

  get refused(): number {
    return this.group.members.reduce((sum, member) => sum + member.app.chat.refused, 0);
  }

  /** Sends to every member that can take it now or once its link is back; refused only when none can. */
  send(text: string): Result<ChatEntry, ChatRefusal> {
    const copies = new Map<MemberLink, string>();
    let refusal: ChatRefusal = 'not-connected';
    let first: ChatEntry | undefined;
    for (const member of this.group.members) {
      if (member.left) continue;
      const sent = member.app.chat.send(text);
      if (!sent.ok) refusal = sent.error === 'not-connected' ? refusal : sent.error;
      else {
        first ??= sent.value;
        copies.set(member, sent.value.id);
      }
    }
    if (!first) return err(refusal);
    this.log.push({ ...first, delivery: this.deliveryOf(copies) });
    this.sent.set(first.id, { index: this.log.newestIndex, copies });
    this.undelivered.add(first.id);
    // Kept only as long as the log keeps the entry.
    if (this.sent.size > CHAT_HISTORY_CAP) for (const id of [...this.sent.keys()].slice(0, this.sent.size - CHAT_HISTORY_CAP)) this.sent.delete(id);
    this.notify('change');
    return ok(this.log.get(this.log.newestIndex)!);
  }

  private follow(): void {
    for (const member of this.group.members) {
      if (this.taken.has(member)) continue;
      this.taken.set(member, new RecentIds(CHAT_SEEN_IDS_CAP));
      member.app.chat.addEventListener('change', () => this.takeFrom(member));
      this.takeFrom(member);
    }
  }

  /** Only what is new: the member's log grows at its end, and own copies are looked up while undelivered. */
  private takeFrom(member: MemberLink): void {
    const taken = this.taken.get(member)!;
    const entries = member.app.chat.entries;
    const fresh: ChatEntry[] = [];
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      if (entry.from === 'mine') continue;
      if (taken.has(entry.id)) break;
      fresh.unshift(entry);
    }
    const author = this.group.members.length > 1 ? member.card?.name : undefined;
    for (const entry of fresh) {
      taken.add(entry.id);
      this.log.push({ ...entry, id: `${member.key}:${entry.id}`, ...(author ? { author } : {}) });
    }
    let changed = fresh.length > 0;
    for (const id of this.undelivered) changed = this.updateDelivery(id) || changed;
    if (changed) this.notify('change');
  }

  private updateDelivery(id: string): boolean {
    const sent = this.sent.get(id);
    const entry = sent && this.log.get(sent.index);
    if (!sent || !entry) return this.undelivered.delete(id);
    const delivery = this.deliveryOf(sent.copies);
    if (delivery === 'delivered') this.undelivered.delete(id);
    if (delivery === entry.delivery) return false;
    this.log.set(sent.index, { ...entry, delivery });
    return true;
  }

  /** Delivered once every member has it; sent once it is on every working link. */
  private deliveryOf(copies: Map<MemberLink, string>): Delivery {
    const states = [...copies].map(([member, id]) => member.app.chat.entries.find((entry) => entry.id === id)?.delivery ?? 'delivered');
    if (states.every((state) => state === 'delivered')) return 'delivered';
    return states.some((state) => state === 'queued') ? 'queued' : 'sent';
  }
}
