import { describe, expect, test } from 'vitest';
import { KeepAwake } from '../../../src/core/app/keep-awake.ts';
import type { CallFeature } from '../../../src/core/media/call-feature.ts';
import type { TransferFeature } from '../../../src/core/transfer/transfer-feature.ts';

/** A transfers feature whose one transfer is in the phase the test sets. */
function transfersIn(phase: string) {
  const manager = Object.assign(new EventTarget(), { list: () => [{ state: { phase } }] });
  return Object.assign(new EventTarget(), { manager });
}

describe('KeepAwake by transfer phase', () => {
  test('the screen stays on while a file moves or waits for a reconnect, not once it ended', () => {
    const calls = new EventTarget() as unknown as CallFeature;
    const busy = (phase: string) => {
      const transfers = transfersIn(phase);
      const keepAwake = new KeepAwake(undefined, calls, transfers as unknown as TransferFeature);
      transfers.dispatchEvent(new Event('change'));
      return keepAwake.busy;
    };
    expect(['waiting', 'sending', 'receiving', 'verifying', 'interrupted'].map(busy)).toEqual([true, true, true, true, true]);
    expect(['offered', 'verified', 'failed', 'cancelled', 'declined'].map(busy)).toEqual([false, false, false, false, false]);
  });
});
