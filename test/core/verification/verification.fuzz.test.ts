import { expect, test } from 'vitest';
import type { UncheckedMessage } from '../../../src/core/channel/control-messages.ts';
import { CommitReveal } from '../../../src/core/verification/commit-reveal.ts';
import { newNonce, toHex } from '../../../src/core/verification/verification-bytes.ts';
import { parseVerificationMessage } from '../../../src/core/verification/verification-messages.ts';
import { prng } from '../transfer/fixtures.ts';

const CASES = 10_000;
const TYPES = ['verify-commit', 'verify-nonce', 'verify-reveal', 'verify-', 'chat'];
const VALUES: unknown[] = [null, 0, -1, 1e308, NaN, '', 'x', true, [], {}, '0'.repeat(31), '0'.repeat(32), 'F'.repeat(32), 'g'.repeat(64), '0'.repeat(64), '0'.repeat(10_000)];

/** A verification message with each field valid, missing, of another type or of another length. */
function mutant(random: () => number): UncheckedMessage {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const valid = random() < 0.5;
  const message: Record<string, unknown> = { type: pick(TYPES) };
  if (random() < 0.8) message['nonce'] = valid ? toHex(newNonce()) : pick(VALUES);
  if (random() < 0.8) message['commitment'] = valid ? toHex(newNonce()) + toHex(newNonce()) : pick(VALUES);
  if (random() < 0.2) message[pick(['__proto__', 'constructor', 'extra'])] = pick(VALUES);
  return message as unknown as UncheckedMessage;
}

test(`${CASES} seeded hostile verification messages: parsed or refused, and the exchange takes them, never throwing`, () => {
  const random = prng(18);
  let refused = 0;
  let done = 0;
  for (let i = 0; i < CASES; i++) {
    const exchange = new CommitReveal(random() < 0.5 ? 'offerer' : 'answerer', () => undefined);
    if (random() < 0.5) exchange.start();
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      const parsed = parseVerificationMessage(mutant(random));
      if (!parsed.ok) refused++;
      else if (exchange.receive(parsed.value).kind === 'done') done++;
    }
  }
  expect(refused).toBeGreaterThan(CASES / 2);
  // A random stream completes an exchange only as an offerer that committed and got one nonce.
  expect(done).toBeGreaterThan(0);
});
