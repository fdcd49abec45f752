import { beforeAll, describe, expect, inject, test } from 'vitest';
import { setNetworkShape } from '../support/launch/network.ts';
import type { PeerPage } from '../support/page/peer-page.ts';
import { chatBothWays, connectedPair, openPair } from '../support/page/pair.ts';
import { useChromiumPerTest } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumPerTest();

/** The six digits as the page shows them, once the exchange is done. */
async function verificationCode(peer: PeerPage): Promise<string> {
  const code = peer.page.getByRole('group', { name: 'Verification code', exact: true });
  await code.filter({ hasText: /^\d{3} \d{3}$/ }).waitFor({ timeout: 10_000 });
  return (await code.textContent())!.trim();
}

describe('the verification code (offline LAN)', () => {
  beforeAll(() => setNetworkShape('lan-deadgw'));

  test('two honest pages show the same code; Codes match is remembered, and the next link with that device says verified before', async () => {
    const [a, b] = await connectedPair(await browser(), baseUrl);
    const code = await verificationCode(a);
    expect(code).toMatch(/^\d{3} \d{3}$/);
    expect(await verificationCode(b)).toBe(code);
    await a.button('Codes match').click();
    await a.page.getByText(/^Checked: the codes match\./).waitFor();
    expect(await a.button("Codes don't match").count()).toBe(0);

    await a.button('New session').click();
    await b.waitForStatus('Session ended by the other device.');
    await b.button('New session').click();
    await a.connectTo(b);
    // New nonces, so a new code; the same certificate, so the same device as the one checked.
    const next = await verificationCode(a);
    expect(await verificationCode(b)).toBe(next);
    await a.page.getByText(/^Verified before:/).waitFor();
    expect(await b.button('Codes match').count()).toBe(1);
  });

  test('a man in the middle (A ↔ M1 and M2 ↔ B, links a relay could join) leaves A and B with different codes; Codes don\'t match ends A\'s link with a warning', async () => {
    const chromium = await browser();
    const [a, m1] = await connectedPair(chromium, baseUrl);
    const [m2, b] = await openPair(chromium, baseUrl);
    await m2.connectTo(b);
    const codes = { a: await verificationCode(a), m1: await verificationCode(m1), m2: await verificationCode(m2), b: await verificationCode(b) };
    expect(codes.m1).toBe(codes.a);
    expect(codes.m2).toBe(codes.b);
    expect(codes.b).not.toBe(codes.a);

    await a.button("Codes don't match").click();
    await a.waitForAlert(/^The link was ended because the verification codes differed\./);
    await a.button('Create offer').waitFor();
    await m1.waitForStatus('Session ended by the other device.');
    // Nothing of the link survives on A: no chat, no code, no Reconnect.
    expect(await a.page.getByRole('group', { name: 'Verification code' }).count()).toBe(0);
    expect(await a.button('Reconnect').count()).toBe(0);
    // B's link, which A's answer never touched, goes on.
    await chatBothWays(m2, b);
  });
});
