// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { chromium, codeShown, connectTwoPages, createOffer, firefox, openPage, paste, pasteBox, status, until } from './app-page.ts';
import { allByRole, buttonNames, getByRole, settled, type, visibleText } from './mount.ts';

/** One step at a time, as a person sees it: what each step offers, and where the focus goes. */

/** The element that really has the focus: document.activeElement stops at a shadow host. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const headings = (page: HTMLElement) =>
  [...page.shadowRoot!.querySelectorAll('h2, h3')].map((heading) => visibleText(heading));

describe('the guided flow', () => {
  test('the start: two choices, starting and joining, with scanning and pasting side by side', async () => {
    const page = await openPage(chromium);
    expect(headings(page)).toEqual(['Start a connection', 'Join with a code']);
    expect(buttonNames(page)).toEqual(expect.arrayContaining(['Create offer', 'Apply', 'Scan', 'Choose image']));
    expect(pasteBox(page).disabled).toBe(false);
    // Opening the page is not a step change: the focus stays where the browser put it.
    expect(focused()).not.toBe(page.shadowRoot!.querySelector('h2'));
  });

  test('the offering device: its offer, then the answer read on the same screen; the focus on the step', async () => {
    const page = await openPage(chromium);
    await createOffer(page);
    expect(headings(page)).toEqual(['Step 1 of 2: send this offer', 'Step 2 of 2: read their answer']);
    expect(visibleText(focused()!)).toBe('Step 1 of 2: send this offer');
    expect(buttonNames(page)).not.toContain('Create offer');
    expect(buttonNames(page)).toEqual(expect.arrayContaining(['Copy', 'Apply', 'Scan', 'Choose image']));
    // How long the offer has waited for its answer, from the moment it was made.
    expect(visibleText(getByRole(page, 'timer'))).toMatch(/^Waiting for an answer for [0-2] s$/);
  });

  test('the answering device: only its answer, how to send it back and how long it stays valid', async () => {
    const a = await openPage(chromium);
    const b = await openPage(firefox);
    await paste(b, await createOffer(a));
    await until(b, () => expect(status(b)).toMatch(/^Answer ready\./));
    expect(headings(b)).toEqual(['Last step: send this answer back', 'Got a newer offer instead? Paste it here.']);
    expect(visibleText(focused()!)).toBe('Last step: send this answer back');
    expect(codeShown(b, 'Answer')).not.toBe('');
    expect(visibleText(getByRole(b, 'timer'))).toMatch(/^Valid for \d+ min \d+ s more\./);
    const names = buttonNames(b);
    for (const gone of ['Create offer', 'Scan', 'Choose image']) expect(names).not.toContain(gone);
    // Secondary, but there: a newer offer, or this device's own answer pasted by mistake, is read here.
    expect(pasteBox(b).disabled).toBe(false);
  });

  test('connected: the focus moves to the conversation once, and stays put while it goes on', async () => {
    const { a, b } = await connectTwoPages();
    expect(visibleText(focused()!)).toBe('Conversation');
    const box = getByRole(b, 'textbox', 'Message') as HTMLInputElement;
    box.focus();
    type(box, 'still here');
    getByRole(b, 'button', 'Send').click();
    await until(a, () => expect(allByRole(a, 'listitem').map(visibleText).join()).toContain('still here'));
    await settled(b);
    expect(focused()).toBe(box);
  });
});
