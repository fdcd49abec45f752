import type { UncheckedMessage } from '../channel/control-messages.ts';
import type { App } from '../app/create-app.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import { isLinkUp } from '../session/session-state.ts';
import type { CodeTrust } from '../verification/verification-feature.ts';
import { GROUP_MESSAGE_TYPES, parseGroupMessage, type GroupMessage, type MemberCard } from './group-messages.ts';

/** What a member link reports to its group. */
export interface MemberLinkListener {
  linkUp(member: MemberLink): void;
  message(member: MemberLink, message: GroupMessage): void;
  linkDown(member: MemberLink): void;
}

/** How far one link to another member has come. */
export type MemberLinkState = 'linking' | 'linked' | 'interrupted' | 'lost' | 'left';

/**
 * The group's end of one link: its own App (session, chat, files, call, verification code), and
 * who is at the far end once its group-hello said so. Made by the user's "Add a device" (a code
 * exchange by hand) or by an introduction (`introducedBy`, the member that carried the codes).
 */
export class MemberLink {
  card: MemberCard | undefined;
  left = false;
  /** The link came up at least once (an introduced link that never did is dropped when it fails). */
  everLinked = false;
  readonly app: App;
  private link: FeatureLink | undefined;
  readonly feature: SessionFeature;

  constructor(
    readonly key: string,
    createApp: (feature: SessionFeature) => App,
    listener: MemberLinkListener,
    /** The member id an introduction promised; a hello naming anyone else ends the link. */
    readonly expected?: MemberCard,
    readonly introducedBy?: string,
  ) {
    this.card = expected;
    this.feature = {
      messageTypes: GROUP_MESSAGE_TYPES,
      attach: (link) => {
        this.link = link;
        this.everLinked = true;
        listener.linkUp(this);
      },
      handle: (raw: UncheckedMessage) => {
        const parsed = parseGroupMessage(raw);
        if (parsed.ok) listener.message(this, parsed.value);
      },
      detach: () => {
        this.link = undefined;
        listener.linkDown(this);
      },
      reset: () => undefined,
    };
    this.app = createApp(this.feature);
  }

  send(message: GroupMessage): boolean {
    return this.link?.send(message) ?? false;
  }

  get state(): MemberLinkState {
    const state = this.app.session.state;
    if (this.left) return 'left';
    if (state.phase === 'connected') return 'linked';
    if (isLinkUp(state)) return 'interrupted';
    if (state.phase === 'failed' || state.phase === 'ended' || state.phase === 'no-candidates') return 'lost';
    return 'linking';
  }

  /** The link's own verification code, when both sides have one. */
  get code(): { readonly code: string; readonly trust: CodeTrust } | undefined {
    const verification = this.app.verification.state;
    return verification.phase === 'ready' ? { code: verification.code, trust: verification.trust } : undefined;
  }

  /** The people confirmed this link's code now or before. */
  get confirmed(): boolean {
    const trust = this.code?.trust;
    return trust === 'confirmed' || trust === 'verified-before';
  }
}
