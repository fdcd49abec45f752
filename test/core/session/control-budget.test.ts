import { expect, test } from 'vitest';
import type { ControlMessage } from '../../../src/core/channel/control-messages.ts';
import { CONTROL_MESSAGE_BURST, CONTROL_MESSAGES_PER_SECOND, ControlBudget } from '../../../src/core/session/control-budget.ts';
import { connect, linkedPeer, chromium, until } from '../../helpers/session-peers.ts';

test('a budget takes a burst, then its rate, and counts what it dropped', () => {
  let now = 0;
  const budget = new ControlBudget(() => now);
  const taken = Array.from({ length: CONTROL_MESSAGE_BURST + 100 }, () => budget.admit()).filter(Boolean).length;
  expect(taken).toBe(CONTROL_MESSAGE_BURST);
  expect(budget.dropped).toBe(100);
  now += 1_000;
  const next = Array.from({ length: CONTROL_MESSAGES_PER_SECOND * 2 }, () => budget.admit()).filter(Boolean).length;
  expect(next).toBe(CONTROL_MESSAGES_PER_SECOND);
});

test('a peer flooding the control channel: the features see at most the burst, and the link still works', async () => {
  const a = linkedPeer(chromium);
  const b = linkedPeer(chromium);
  await connect(a, b);
  for (let i = 0; i < 20_000; i++) a.feature.link!.send({ type: 'probe', i } as ControlMessage);
  await until(() => b.feature.received.length >= CONTROL_MESSAGE_BURST);
  await new Promise((resolve) => setTimeout(resolve, 50));
  // Within the burst and what the rate refilled while the flood was delivered.
  expect(b.feature.received.length).toBeLessThan(CONTROL_MESSAGE_BURST + CONTROL_MESSAGES_PER_SECOND);
  // Honest traffic a moment later gets through again.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const before = b.feature.received.length;
  a.feature.link!.send({ type: 'probe', i: -1 } as ControlMessage);
  await until(() => b.feature.received.length === before + 1);
});
