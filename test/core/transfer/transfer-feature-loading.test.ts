import { expect, test, vi } from 'vitest';
import type { ControlMessage } from '../../../src/core/channel/control-messages.ts';
import { MemoryReceivedFiles } from '../../helpers/node-platform.ts';

// Each test takes a fresh copy of the module, whose machinery has not loaded: the feature meets
// the link, the peer's offer and a channel before it is there, as on a page whose link came up at once.
async function fresh() {
  vi.resetModules();
  return import('../../../src/core/transfer/transfer-feature.ts');
}

test('what arrives before the transfer machinery has loaded waits, and is taken in order once it is there', async () => {
  const { loadTransferEngine, TransferFeature } = await fresh();
  const sent: ControlMessage[] = [];
  const closed: string[] = [];
  let onChannel: ((event: { channel: unknown }) => void) | undefined;
  const pc = {
    createDataChannel: () => {
      throw new Error('unused');
    },
    addEventListener: (_type: string, listener: typeof onChannel) => (onChannel = listener),
    removeEventListener: () => {},
  };
  const feature = new TransferFeature(new MemoryReceivedFiles());
  feature.attach({ pc, send: (message: ControlMessage) => sent.push(message) } as never);
  feature.handle({ type: 'file-offer', id: 'early', name: 'early.txt', size: 3, mimeType: 'text/plain' });
  onChannel!({ channel: { label: 'junk', close: () => closed.push('junk') } });
  expect(feature.manager).toBeUndefined();

  await loadTransferEngine();
  await Promise.resolve();
  expect(feature.manager?.list().map((t) => [t.id, t.state.phase])).toEqual([['early', 'offered']]);
  expect(closed).toEqual(['junk']);
  expect(feature.manager?.refusedChannels).toBe(1);
});

test('a link that went before the machinery loaded leaves no manager bound to it', async () => {
  const { loadTransferEngine, TransferFeature } = await fresh();
  const feature = new TransferFeature(new MemoryReceivedFiles());
  const pc = { addEventListener: () => {}, removeEventListener: () => {} };
  feature.attach({ pc, send: () => true } as never);
  feature.detach();
  await loadTransferEngine();
  await Promise.resolve();
  expect(feature.manager).toBeUndefined();
});
