import { TransferManager, type TransferManagerOptions } from '../../../src/core/transfer/transfer-manager.ts';
import { isTransferMessageType, parseTransferMessage } from '../../../src/core/transfer/transfer-messages.ts';
import type { TransferPhase, TransferSnapshot } from '../../../src/core/transfer/transfer-state.ts';
import { createMemoryChannelPair, type MemoryChannel, type MemoryChannelOptions } from '../../helpers/memory-channel.ts';

/** One device: its manager, its end of the control channel, and the file channels it opened. */
export interface Device {
  readonly manager: TransferManager;
  readonly control: MemoryChannel;
  readonly openedChannels: MemoryChannel[];
  /** Chat texts that arrived on the control channel, to show it still works. */
  readonly chat: string[];
}

export interface LinkOptions {
  readonly fileChannels?: MemoryChannelOptions;
  readonly manager?: Partial<TransferManagerOptions>;
}

/**
 * Two managers wired the way the UI wires them to an RTCPeerConnection: transfer messages go as
 * JSON over a control channel and through parseTransferMessage; file channels the sender opens
 * reach the other manager's handleChannel, like pc.ondatachannel.
 */
export async function linkDevices(options: LinkOptions = {}): Promise<{ alice: Device; bob: Device }> {
  const [aliceControl, bobControl] = createMemoryChannelPair('control');
  const alice = makeDevice(aliceControl, () => bob, options);
  const bob = makeDevice(bobControl, () => alice, options);
  await new Promise<void>((resolve) => aliceControl.addEventListener('open', () => resolve()));
  return { alice, bob };
}

function makeDevice(control: MemoryChannel, other: () => Device, options: LinkOptions): Device {
  const openedChannels: MemoryChannel[] = [];
  const chat: string[] = [];
  const manager = new TransferManager({
    send: (message) => {
      if (control.readyState === 'open') control.send(JSON.stringify(message));
    },
    openChannel: (label) => {
      const [mine, theirs] = createMemoryChannelPair(label, options.fileChannels);
      openedChannels.push(mine);
      setTimeout(() => other().manager.handleChannel(theirs));
      return mine;
    },
    maxMessageSize: () => 262144,
    closeGraceMs: 200,
    // The protocol tests count on many frames per file: 64 KiB frames, not the default.
    preferredChunkBytes: 64 * 1024,
    ...options.manager,
  });
  control.binaryType = 'arraybuffer';
  control.addEventListener('message', (event) => {
    const record = JSON.parse((event as MessageEvent).data as string) as Record<string, unknown>;
    if (record['type'] === 'chat') return void chat.push(String(record['text']));
    if (!isTransferMessageType(record['type'])) return;
    const parsed = parseTransferMessage(record);
    if (!parsed.ok) throw new Error(`the peer sent an invalid message: ${parsed.error}`);
    manager.handleMessage(parsed.value);
  });
  return { manager, control, openedChannels, chat };
}

const TERMINAL: readonly TransferPhase[] = ['verified', 'failed', 'canceled', 'declined'];

/** Resolves with the snapshot once the transfer reaches one of phases (default: any terminal one). */
export function waitForPhase(
  device: Device,
  id: string,
  phases: readonly TransferPhase[] = TERMINAL,
  timeoutMs = 10_000,
): Promise<TransferSnapshot> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const snapshot = device.manager.get(id);
      if (!snapshot || !phases.includes(snapshot.state.phase)) return false;
      device.manager.removeEventListener('change', check);
      clearTimeout(timer);
      resolve(snapshot);
      return true;
    };
    const timer = setTimeout(() => {
      device.manager.removeEventListener('change', check);
      reject(new Error(`${id} still ${device.manager.get(id)?.state.phase} after ${timeoutMs} ms`));
    }, timeoutMs);
    if (!check()) device.manager.addEventListener('change', check);
  });
}

/** Resolves with the next incoming offer's id. */
export function nextOffer(device: Device): Promise<string> {
  return new Promise((resolve) => {
    device.manager.addEventListener('offer', (event) => resolve(event.transfer.id), { once: true });
  });
}

/** Lets every pending timer and message settle, for "nothing else happens" assertions. */
export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
