import { msg } from '@lit/localize';
import type { MemberLinkState } from '../../core/group/member-link.ts';

/** How one link to a member stands, in a few words. */
export function memberStateText(state: MemberLinkState): string {
  switch (state) {
    case 'linking':
      return msg('Connecting…');
    case 'linked':
      return msg('Connected directly');
    case 'interrupted':
      return msg('Connection interrupted, recovering…');
    case 'lost':
      return msg('Connection lost');
    case 'left':
      return msg('Left the group');
  }
}

/** A member who chose no name. */
export function shownName(name: string | undefined): string {
  return name ? name : msg('Unnamed device');
}
