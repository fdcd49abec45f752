import type { ControlMessage } from '../../../src/core/channel/control-messages.ts';
import { TypedEventTarget } from '../../../src/core/events/typed-event-target.ts';
import type { FeatureLink } from '../../../src/core/session/feature.ts';
import { decodeFrame } from '../../../src/core/transfer/frames.ts';
import { loadTransferEngine, TransferFeature } from '../../../src/core/transfer/transfer-feature.ts';
import type { ReceivedFiles } from '../../../src/core/transfer/received-files.ts';
import { createMemoryChannelPair, type MemoryChannel, type MemoryChannelOptions } from '../../helpers/memory-channel.ts';

// Loaded once for the file, so the feature acts at once as it does after the page's start-up.
await loadTransferEngine();

/** An in-memory RTCPeerConnection as far as TransferFeature uses one: file channels and their 'datachannel' events. */
class MemoryPeerConnection extends EventTarget {
  peer!: MemoryPeerConnection;
  readonly sctp = { maxMessageSize: 262_144 };
  readonly channels: MemoryChannel[] = [];
  /** Every data frame handed to a file channel this pc opened, in order. */
  readonly handed: { offset: number; end: number }[] = [];

  constructor(private readonly options: MemoryChannelOptions) {
    super();
  }

  createDataChannel(label: string): MemoryChannel {
    const [mine, theirs] = createMemoryChannelPair(label, this.options);
    this.channels.push(mine, theirs);
    const send = mine.send.bind(mine);
    mine.send = (data) => {
      const frame = decodeFrame(data instanceof Uint8Array ? data.slice().buffer : data);
      if (frame.ok && frame.value.kind === 'data') this.handed.push({ offset: frame.value.offset, end: frame.value.offset + frame.value.payload.byteLength });
      send(data);
    };
    setTimeout(() => this.peer.dispatchEvent(Object.assign(new Event('datachannel'), { channel: theirs })));
    return mine;
  }
}

/** One device's feature, and every control message it sent, per link. */
export interface Side {
  readonly feature: TransferFeature;
  readonly sent: ControlMessage[][];
  /** Set by a test: a message it returns false for is lost on the way. */
  drop?: (message: ControlMessage) => boolean;
}

/** The tests hand accept() their own sinks, so nothing is ever kept here. */
class NoReceivedFiles extends TypedEventTarget<{ change: Event }> implements ReceivedFiles {
  async sinkFor(): Promise<never> {
    throw new Error('the tests pass their own sinks');
  }
  saved(): undefined {
    return undefined;
  }
  async clear(): Promise<void> {}
}

export function side(): Side {
  return { feature: new TransferFeature(new NoReceivedFiles()), sent: [] };
}

export interface TestLink {
  /** The data frames each side handed to its file channels on this link. */
  readonly handed: readonly [{ offset: number; end: number }[], { offset: number; end: number }[]];
  /** The link goes: both features detach (as the session does first), then every channel closes. */
  cut(): void;
}

/**
 * A new link between two TransferFeatures, wired like the session wires them: transfer messages
 * as JSON over a control channel to feature.handle(), file channels through the pc's
 * 'datachannel'. The conversation's hello is left to the test, which calls resume() itself.
 */
export async function relink(a: Side, b: Side, fileChannels: MemoryChannelOptions = {}): Promise<TestLink> {
  const controls = createMemoryChannelPair('control');
  const pcs = [new MemoryPeerConnection(fileChannels), new MemoryPeerConnection(fileChannels)] as const;
  [pcs[0].peer, pcs[1].peer] = [pcs[1], pcs[0]];
  await new Promise<void>((resolve) => controls[0].addEventListener('open', () => resolve()));
  const links = [a, b].map((device, i) => {
    const control = controls[i]!;
    const sent: ControlMessage[] = [];
    device.sent.push(sent);
    control.addEventListener('message', (event) => device.feature.handle(JSON.parse((event as MessageEvent).data as string)));
    const link: FeatureLink = {
      pc: pcs[i] as unknown as RTCPeerConnection,
      polite: i === 1,
      connected: () => control.readyState === 'open',
      send: (message) => {
        if (control.readyState !== 'open') return false;
        sent.push(message);
        if (!device.drop?.(message)) control.send(JSON.stringify(message));
        return true;
      },
    };
    return link;
  });
  a.feature.attach(links[0]!);
  b.feature.attach(links[1]!);
  return {
    handed: [pcs[0].handed, pcs[1].handed],
    cut: () => {
      a.feature.detach();
      b.feature.detach();
      for (const channel of [...controls, ...pcs[0].channels, ...pcs[1].channels]) channel.close();
    },
  };
}

/** The control messages of a type that one side sent on its link number `link`. */
export function sentOfType(device: Side, link: number, type: string): ControlMessage[] {
  return (device.sent[link] ?? []).filter((message) => message.type === type);
}
