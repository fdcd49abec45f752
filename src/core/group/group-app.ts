import { createApp } from '../app/create-app.ts';
import { DeviceIdentity } from '../device/device-identity.ts';
import { randomId } from '../util/random-id.ts';
import type { Platform } from '../app/platform.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { ReceivedFiles } from '../transfer/received-files.ts';
import { GroupChat } from './group-chat.ts';
import { cleanDisplayName } from './group-messages.ts';
import { Group } from './group.ts';
import type { MemberLink } from './member-link.ts';

/** Where the chosen display name is remembered. */
export interface NameStore {
  load(): string | null;
  save(name: string): void;
}

/**
 * The page's group: the first link (`primary`, the one the connect screen drives) and every other
 * link, a chat over all of them, and the name this device shows. New session leaves the group and
 * starts over with a fresh first link.
 */
export class GroupApp extends TypedEventTarget<{ change: Event }> {
  private current: { group: Group; chat: GroupChat; primary: MemberLink };
  private name: string;
  /** One certificate for every link, loaded once: a link made at once after New session still carries it. */
  private readonly identity: DeviceIdentity | undefined;

  constructor(
    private readonly platform: Platform,
    private readonly names: NameStore,
    fallbackName: string,
  ) {
    super();
    this.name = cleanDisplayName(names.load() ?? '') || fallbackName;
    this.identity = platform.deviceIdentity && new DeviceIdentity(platform.deviceIdentity);
    // What an earlier visit received is gone; from now on files are kept until the group ends.
    void platform.receivedFiles.clear();
    this.current = this.start();
  }

  get group(): Group {
    return this.current.group;
  }

  get chat(): GroupChat {
    return this.current.chat;
  }

  get primary(): MemberLink {
    return this.current.primary;
  }

  get displayName(): string {
    return this.name;
  }

  rename(name: string): void {
    const cleaned = cleanDisplayName(name);
    if (!cleaned || cleaned === this.name) return;
    this.name = cleaned;
    this.names.save(cleaned);
    this.current.group.rename(cleaned);
    this.notify('change');
  }

  /** New session: says goodbye to every member, forgets the files, and opens a fresh first link. */
  restart(): MemberLink {
    this.current.group.leave();
    void this.platform.receivedFiles.clear();
    this.current = this.start();
    this.notify('change');
    return this.current.primary;
  }

  private start(): { group: Group; chat: GroupChat; primary: MemberLink } {
    const receivedFiles = keptUntilGroupEnds(this.platform.receivedFiles);
    const group = new Group({
      self: { id: randomId(), name: this.name },
      createApp: (feature) => createApp({ ...this.platform, receivedFiles }, { features: [feature], identity: this.identity }),
    });
    const chat = new GroupChat(group);
    const primary = group.addDevice()!;
    return { group, chat, primary };
  }
}

/** Every link's files in one place: a link's own reset must not delete what the others received. */
function keptUntilGroupEnds(files: ReceivedFiles): ReceivedFiles {
  return {
    sinkFor: (id) => files.sinkFor(id),
    saved: (id) => files.saved(id),
    clear: async () => undefined,
    addEventListener: (type, listener) => files.addEventListener(type, listener),
    removeEventListener: (type, listener) => files.removeEventListener(type, listener),
  };
}
