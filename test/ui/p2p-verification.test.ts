// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-verification.ts';
import type { VerificationState } from '../../src/core/verification/verification-feature.ts';
import { button, buttonNames, getByRole, mount, settled, visibleText } from './mount.ts';

/** The feature's surface the element reads, with a state a test sets. */
class FakeVerification extends EventTarget {
  state: VerificationState = { phase: 'exchanging' };
  readonly answers: string[] = [];
  confirm(): void {
    this.answers.push('confirm');
  }
  reject(): void {
    this.answers.push('reject');
  }
  set(state: VerificationState): void {
    this.state = state;
    this.dispatchEvent(new Event('change'));
  }
}

describe('p2p-verification', () => {
  test('the group named "Verification code" holds exactly the six digits, in two groups, with the advice as its description', async () => {
    const verification = new FakeVerification();
    const element = await mount('p2p-verification', { verification: verification as never });
    expect(visibleText(element)).toBe('Working out the verification code…');
    expect(buttonNames(element)).toEqual([]);

    verification.set({ phase: 'ready', code: '042917', trust: 'unchecked' });
    await settled(element);
    const code = getByRole(element, 'group', 'Verification code');
    expect(code.textContent).toBe('042 917');
    const advice = element.shadowRoot!.getElementById(code.getAttribute('aria-describedby')!)!;
    expect(advice.textContent).toMatch(/aloud or face to face.*someone altered the codes/);
    expect(buttonNames(element)).toEqual(['Codes match', "Codes don't match"]);

    button(element, "Codes don't match").click();
    button(element, 'Codes match').click();
    expect(verification.answers).toEqual(['reject', 'confirm']);
  });

  test('once confirmed, or verified on an earlier link, the code stays and the question goes', async () => {
    const verification = new FakeVerification();
    const element = await mount('p2p-verification', { verification: verification as never });
    verification.set({ phase: 'ready', code: '123456', trust: 'confirmed' });
    await vi.waitFor(() => expect(visibleText(element)).toContain('Checked: the codes match.'));
    expect(buttonNames(element)).toEqual([]);
    verification.set({ phase: 'ready', code: '123456', trust: 'verified-before' });
    await vi.waitFor(() => expect(visibleText(element)).toContain('Verified before'));
    expect(getByRole(element, 'group', 'Verification code').textContent).toBe('123 456');
  });

  test('nothing before a link; a plain line when the link has nothing to bind a code to', async () => {
    const verification = new FakeVerification();
    verification.state = { phase: 'idle' };
    const element = await mount('p2p-verification', { verification: verification as never });
    expect(visibleText(element)).toBe('');
    verification.set({ phase: 'unavailable' });
    await vi.waitFor(() => expect(visibleText(element)).toMatch(/^No verification code on this link/));
  });
});
