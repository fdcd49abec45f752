/**
 * Runs in the page before its own scripts (page.addInitScript): records every RTCPeerConnection
 * the page makes and every data channel on them, created or received, until it closes. The
 * attacker uses it to reach the app's own control channel; the victim's record says how many
 * channels the peer keeps open there. Nothing in the app changes: the constructor is wrapped by a
 * subclass and createDataChannel on the prototype.
 */
export function recordPeerChannels(): void {
  const record: PeerRecord = { connections: [], channels: new Set(), received: 0, controlTypes: {}, acceptedFiles: [] };
  Object.assign(window, { peerRecord: record });
  const track = (channel: RTCDataChannel): void => {
    record.channels.add(channel);
    channel.addEventListener('close', () => record.channels.delete(channel));
    // What the other side says on the control channel, by type: the attacker learns how many
    // messages of its flood the victim acknowledged, and which of its offers it accepted.
    if (channel.label !== 'control') return;
    channel.addEventListener('message', (event: MessageEvent) => {
      const type = typeof event.data === 'string' ? /^\{"type":"([^"]{1,64})"/.exec(event.data)?.[1] : undefined;
      if (type) record.controlTypes[type] = (record.controlTypes[type] ?? 0) + 1;
      if (type === 'file-accept') record.acceptedFiles.push(String(JSON.parse(event.data as string).id));
    });
  };
  const Native = window.RTCPeerConnection;
  const createDataChannel = Native.prototype.createDataChannel;
  Native.prototype.createDataChannel = function (this: RTCPeerConnection, ...args: Parameters<RTCPeerConnection['createDataChannel']>) {
    const channel = createDataChannel.apply(this, args);
    track(channel);
    return channel;
  };
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      record.connections.push(this);
      this.addEventListener('datachannel', (event) => {
        record.received++;
        track(event.channel);
      });
    }
  };
}

/** What recordPeerChannels keeps, as `window.peerRecord`. */
export interface PeerRecord {
  readonly connections: RTCPeerConnection[];
  /** Channels not closed yet, the control channel among them. */
  readonly channels: Set<RTCDataChannel>;
  /** Channels the other side opened, ever. */
  received: number;
  /** Control messages received, by their `type`. */
  readonly controlTypes: Record<string, number>;
  /** The ids of the file-accept messages received, in order. */
  readonly acceptedFiles: string[];
}

/**
 * tsx and Vitest wrap named functions in `__name()` for their names; the functions this folder
 * hands to the page carry those calls, so the page gets a no-op one first.
 */
export const NAME_HELPER_SCRIPT = 'globalThis.__name = (target) => target';
