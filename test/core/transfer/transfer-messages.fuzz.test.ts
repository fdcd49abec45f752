import { describe, expect, test } from 'vitest';
import { parseEnvelope } from '../../../src/core/channel/control-messages.ts';
import { TransferFeature } from '../../../src/core/transfer/transfer-feature.ts';
import { FAILURE_REASONS, isTransferId, parseTransferMessage, TRANSFER_MESSAGE_TYPES } from '../../../src/core/transfer/transfer-messages.ts';
import { MAX_FILE_NAME_CHARS, MAX_LISTED_TRANSFERS } from '../../../src/core/transfer/transfer-limits.ts';
import { createMemoryChannelPair } from '../../helpers/memory-channel.ts';
import { MemoryReceivedFiles } from '../../helpers/node-platform.ts';
import { prng } from './fixtures.ts';

const CASES = 10_000;

/** Values of every JSON kind, and the edge cases of each that a parser gets wrong. */
function anyValue(random: () => number, depth = 0): unknown {
  const at = (n: number) => Math.floor(random() * n);
  const choices: (() => unknown)[] = [
    () => null,
    () => random() < 0.5,
    () => [0, -0, 1, -1, 1.5, 2 ** 53, 2 ** 53 - 1, -(2 ** 31), 1e308, at(2 ** 32)][at(10)],
    () => ['', 'a', 'f0', 'x'.repeat(65), 'a b', '../x', '__proto__', 'constructor', 'toString', '\u202E', 'file:', 'busy'][at(12)],
    () => String.fromCodePoint(...Array.from({ length: at(20) }, () => at(0x10ffff))).replace(/[\uD800-\uDFFF]/g, ''),
    () => 'n'.repeat(MAX_FILE_NAME_CHARS - 2 + at(5)),
    () => (depth > 2 ? [] : Array.from({ length: at(4) }, () => anyValue(random, depth + 1))),
    () => (depth > 2 ? {} : { [['a', '__proto__', 'type', 'id'][at(4)]!]: anyValue(random, depth + 1) }),
  ];
  return choices[at(choices.length)]!();
}

/** A valid transfer message with fields changed, dropped or added; or a bare object of noise. */
function mutantRecord(random: () => number, ids: readonly string[]): Record<string, unknown> {
  const at = (n: number) => Math.floor(random() * n);
  const type = TRANSFER_MESSAGE_TYPES[at(TRANSFER_MESSAGE_TYPES.length)]!;
  const record: Record<string, unknown> = {
    type,
    id: ids[at(ids.length)],
    name: `file-${at(100)}.bin`,
    size: at(2000),
    mimeType: 'application/octet-stream',
    resumeFrom: at(2000),
    reason: FAILURE_REASONS[at(FAILURE_REASONS.length)],
  };
  const keys = ['type', 'id', 'name', 'size', 'mimeType', 'resumeFrom', 'reason', 'extra'];
  for (let n = at(4); n > 0; n--) {
    const key = keys[at(keys.length)]!;
    if (random() < 0.3) delete record[key];
    else record[key] = anyValue(random);
  }
  return record;
}

describe('transfer control message fuzz', () => {
  test(`${CASES} damaged messages through the envelope, the parser and a live feature: refused or valid, never a throw`, () => {
    const random = prng(0xf11e5);
    const sent: unknown[] = [];
    const feature = new TransferFeature(new MemoryReceivedFiles());
    const pc = { createDataChannel: (label: string) => createMemoryChannelPair(label)[0], addEventListener: () => {}, removeEventListener: () => {} };
    feature.attach({ pc, send: (message: unknown) => sent.push(message) } as never);
    const manager = feature.manager!;
    manager.addEventListener('offer', (event) => void manager.accept(event.transfer.id, async () => { throw new Error('no disk'); }));
    const ids = ['f0', 'f1', 'f2', 'a-b_c', ...manager.offerFiles([new File(['abc'], 'mine.txt')])];
    const outcomes = new Map<string, number>();
    for (let i = 0; i < CASES; i++) {
      const record = mutantRecord(random, ids);
      let text = JSON.stringify(record);
      if (random() < 0.1) text = text.slice(0, Math.floor(random() * text.length));
      const envelope = parseEnvelope(text);
      if (!envelope.ok) {
        outcomes.set('envelope', (outcomes.get('envelope') ?? 0) + 1);
        continue;
      }
      let parsed!: ReturnType<typeof parseTransferMessage>;
      expect(() => (parsed = parseTransferMessage(envelope.value))).not.toThrow();
      if (parsed.ok) {
        const message = parsed.value;
        expect(isTransferId(message.id)).toBe(true);
        if (message.type === 'file-offer') {
          expect(message.name.length).toBeGreaterThan(0);
          expect(message.name.length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
          expect(Number.isSafeInteger(message.size) && message.size >= 0).toBe(true);
        }
        if (message.type === 'file-accept') expect(Number.isSafeInteger(message.resumeFrom) && message.resumeFrom >= 0).toBe(true);
        if (message.type === 'file-failed') expect(FAILURE_REASONS).toContain(message.reason);
        outcomes.set(message.type, (outcomes.get(message.type) ?? 0) + 1);
      } else {
        expect(parsed.error.length).toBeGreaterThan(0);
        outcomes.set('refused', (outcomes.get('refused') ?? 0) + 1);
      }
      expect(() => feature.handle(envelope.value)).not.toThrow();
    }
    expect([...outcomes.keys()].sort()).toEqual(['envelope', 'refused', ...TRANSFER_MESSAGE_TYPES].sort());
    expect(manager.list().length).toBeLessThanOrEqual(MAX_LISTED_TRANSFERS);
  });
});
