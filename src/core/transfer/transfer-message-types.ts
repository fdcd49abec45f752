import type { TransferMessageType } from './transfer-messages.ts';

/** On its own, so the session can route these before the transfer machinery (transfer-engine.ts) has loaded. */
export const TRANSFER_MESSAGE_TYPES: readonly TransferMessageType[] = [
  'file-offer',
  'file-accept',
  'file-decline',
  'file-cancel',
  'file-failed',
  'file-verified',
];
