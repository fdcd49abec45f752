import { describe, expect, it } from 'vitest';
import type { UncheckedMessage } from '../../../src/core/channel/control-messages.ts';
import { cleanDisplayName, GROUP_MESSAGE_TYPES, MAX_NAME_CHARS, parseGroupMessage } from '../../../src/core/group/group-messages.ts';
import { prng } from '../../helpers/prng.ts';

describe('group messages from an untrusted member', () => {
  const random = prng(20);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const values = (): unknown[] => [
    undefined, null, 0, -1, 1e308, NaN, '', 'x', 'ok-id', 'a'.repeat(65), '<script>', '7Y5'.repeat(40000), {}, [], [{}],
    { id: 'a-1', name: 'Ann' }, { id: '../x', name: 'y' }, { id: 'a-2', name: 'z'.repeat(500) },
    Array.from({ length: 9 }, (_, i) => ({ id: `m-${i}`, name: 'n' })),
  ];

  it('10,000 seeded messages: each parses or is refused with a reason, none throws', () => {
    let accepted = 0;
    for (let i = 0; i < 10_000; i++) {
      const message: UncheckedMessage = {
        type: pick([...GROUP_MESSAGE_TYPES, 'group-x']),
        intro: pick(values()),
        peer: pick(values()),
        member: pick(values()),
        members: pick(values()),
        code: pick(values()),
      };
      const parsed = parseGroupMessage(message);
      if (parsed.ok) accepted++;
      else expect(typeof parsed.error).toBe('string');
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('names are shown as plain text of bounded length', () => {
    expect(cleanDisplayName('  Ann\u202E\u0000  Lee \n')).toBe('Ann Lee');
    expect([...cleanDisplayName('가'.repeat(100))]).toHaveLength(MAX_NAME_CHARS);
    const parsed = parseGroupMessage({ type: 'group-introduce', intro: 'i-1', peer: { id: 'p-1', name: 'E\u200Fve' } });
    expect(parsed.ok && parsed.value.type === 'group-introduce' && parsed.value.peer.name).toBe('Eve');
  });
});
