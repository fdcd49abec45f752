import type { UncheckedMessage } from '../channel/control-messages.ts';
import { MAX_BLOB_CHARS } from '../signal/index.ts';
import { err, ok, type Result } from '../util/result.ts';

/** The most devices in one group: every pair is linked directly, so each device holds 7 links. */
export const MAX_GROUP_MEMBERS = 8;
export const MAX_NAME_CHARS = 40;
const MAX_ID_CHARS = 64;

export interface MemberCard {
  readonly id: string;
  readonly name: string;
}

/**
 * The group's protocol on each link's control channel. A link says first who is at its end and
 * whom that device is linked to (group-hello). A member holding links to two others introduces
 * them: it asks the one that offers (the lower id) to make an offer for the other
 * (group-introduce), carries the offer across (group-offer) and the answer back (group-answer);
 * either side may give up (group-cancel). A member leaving says so on every link (group-leave).
 * `peer` always names the far end from the receiver's point of view.
 */
export type GroupMessage =
  | { readonly type: 'group-hello'; readonly member: MemberCard; readonly members: readonly MemberCard[] }
  | { readonly type: 'group-introduce'; readonly intro: string; readonly peer: MemberCard }
  | { readonly type: 'group-offer'; readonly intro: string; readonly peer: MemberCard; readonly code: string }
  | { readonly type: 'group-answer'; readonly intro: string; readonly peer: string; readonly code: string }
  | { readonly type: 'group-cancel'; readonly intro: string }
  | { readonly type: 'group-leave' };

export const GROUP_MESSAGE_TYPES = ['group-hello', 'group-introduce', 'group-offer', 'group-answer', 'group-cancel', 'group-leave'] as const;

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_CHARS && /^[\w-]+$/.test(value);

/** A shown name: no control or bidi characters, collapsed white space, at most MAX_NAME_CHARS. */
export function cleanDisplayName(name: string): string {
  return [...name.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '').replace(/\s+/gu, ' ').trim()].slice(0, MAX_NAME_CHARS).join('');
}

function parseCard(value: unknown): MemberCard | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, name } = value as Record<string, unknown>;
  if (!isId(id) || typeof name !== 'string' || name.length > 4 * MAX_NAME_CHARS) return undefined;
  return { id, name: cleanDisplayName(name) };
}

const isCode = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_BLOB_CHARS;

/** Validates every field of an untrusted peer's group message. */
export function parseGroupMessage(message: UncheckedMessage): Result<GroupMessage, string> {
  const { type, intro } = message;
  switch (type) {
    case 'group-hello': {
      const member = parseCard(message['member']);
      const list = message['members'];
      if (!member || !Array.isArray(list) || list.length > MAX_GROUP_MEMBERS) return err('bad hello');
      const members = list.map(parseCard);
      if (members.some((card) => card === undefined)) return err('bad member');
      return ok({ type, member, members: members as MemberCard[] });
    }
    case 'group-introduce': {
      const peer = parseCard(message['peer']);
      return isId(intro) && peer ? ok({ type, intro, peer }) : err('bad introduction');
    }
    case 'group-offer': {
      const peer = parseCard(message['peer']);
      const code = message['code'];
      return isId(intro) && peer && isCode(code) ? ok({ type, intro, peer, code }) : err('bad offer');
    }
    case 'group-answer': {
      const { peer, code } = message;
      return isId(intro) && isId(peer) && isCode(code) ? ok({ type, intro, peer, code }) : err('bad answer');
    }
    case 'group-cancel':
      return isId(intro) ? ok({ type, intro }) : err('bad cancel');
    case 'group-leave':
      return ok({ type });
    default:
      return err('not a group message');
  }
}
