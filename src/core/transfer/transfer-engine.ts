/**
 * The transfer machinery (manager, both directions, frames, digests, queues), loaded on its own
 * by TransferFeature: the first screen never needs it.
 */
export { TransferManager } from './transfer-manager.ts';
export { parseTransferMessage } from './transfer-messages.ts';
