// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { chromium, codeShown, connectTwoPages, createOffer, firefox, openPage, paste, pasteBox, status, until } from './app-page.ts';
import { allByRole, button, getByRole, pressEnter, settled, type, visibleText } from './mount.ts';

/**
 * Two whole pages, one per device, linked in memory (real browser descriptions, the real codec)
 * and used only as a user would: the buttons, the boxes, and what the status and alert say.
 */

const NOT_A_CODE = 'This is not a connection code from this page. Copy the whole text the other device shows.';

const alerts = (page: HTMLElement) => allByRole(page, 'alert').map(visibleText);
function say(page: HTMLElement, text: string, how: 'Send' | 'Enter'): void {
  const box = getByRole(page, 'textbox', 'Message') as HTMLInputElement;
  type(box, text);
  if (how === 'Send') button(page, 'Send').click();
  else pressEnter(box);
}

const messages = (page: HTMLElement) => allByRole(getByRole(page, 'log', 'Chat messages'), 'listitem').map(visibleText);

describe('p2p-app: two pages', () => {
  test('a first visit: Ready, Create offer, the paste box, no alert and no New session', async () => {
    const page = await openPage(chromium);
    expect(status(page)).toBe('Ready. Create an offer, or paste the one the other device shows.');
    expect(button(page, 'Create offer').disabled).toBe(false);
    expect(pasteBox(page).disabled).toBe(false);
    expect(alerts(page)).toEqual([]);
    expect(allByRole(page, 'button', 'New session')).toEqual([]);
  });

  test('offer, answer: Connected on both pages, and the conversation replaces the codes', async () => {
    const { a, b } = await connectTwoPages();
    for (const page of [a, b]) {
      expect(alerts(page)).toEqual([]);
      expect(allByRole(page, 'textbox', /^(Offer|Answer|Paste offer or answer)$/)).toEqual([]);
      expect(visibleText(getByRole(page, 'log', 'Chat messages'))).toBe('No messages yet.');
    }
  });

  test('chat both ways, with Send and with Enter', async () => {
    const { a, b } = await connectTwoPages();
    say(a, 'hello from A', 'Send');
    await until(b, () => expect(messages(b)).toHaveLength(1));
    say(b, 'hi from B', 'Enter');
    await until(a, () => expect(messages(a)).toHaveLength(2));
    await settled(b);
    expect(messages(a)).toEqual([expect.stringMatching(/^You · .+ hello from A$/), expect.stringMatching(/^Them · .+ hi from B$/)]);
    expect(messages(b)).toEqual([expect.stringMatching(/^Them · .+ hello from A$/), expect.stringMatching(/^You · .+ hi from B$/)]);
    expect((getByRole(b, 'textbox', 'Message') as HTMLInputElement).value).toBe('');
  });

  test('New session on A: A is ready again, B is told, and B keeps the chat to read', async () => {
    const { a, b } = await connectTwoPages();
    say(a, 'bye now', 'Send');
    await until(b, () => expect(messages(b)).toHaveLength(1));
    button(a, 'New session').click();
    await until(a, () => expect(status(a)).toMatch(/^Ready\./));
    await until(b, () => expect(status(b)).toBe('Session ended by the other device.'));
    expect(allByRole(a, 'log', 'Chat messages')).toEqual([]);
    expect(button(a, 'Create offer').disabled).toBe(false);
    expect(messages(b)).toEqual([expect.stringMatching(/^Them · .+ bye now$/)]);
    expect((getByRole(b, 'textbox', 'Message') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('p2p-app: codes that cannot be used', () => {
  test('garbage: the alert says why and the status stays; the real offer then clears the alert and the box', async () => {
    const a = await openPage(chromium);
    const b = await openPage(firefox);
    const offer = await createOffer(a);
    const before = status(b);
    await paste(b, 'hello, is this the code?');
    await until(b, () => expect(alerts(b)).toEqual([NOT_A_CODE]));
    expect(status(b)).toBe(before);
    await paste(b, offer);
    await until(b, () => expect(status(b)).toMatch(/^Answer ready\./));
    expect(alerts(b)).toEqual([]);
    expect(pasteBox(b).value).toBe('');
  });

  test('its own offer pasted back: the alert says so and the offer stays', async () => {
    const a = await openPage(chromium);
    const offer = await createOffer(a);
    await paste(a, offer);
    await until(a, () => expect(alerts(a)).toEqual(['This is your own offer. Send it to the other device, then paste their answer here.']));
    expect(status(a)).toMatch(/^Offer ready\./);
    expect(codeShown(a, 'Offer')).toBe(offer);
  });
});

describe('p2p-app: a link with the code in its fragment', () => {
  // The page is opened at the link: the fragment is there before the app is handed to it. Set
  // through history: in a browser, setting location.hash would also tell page A (hashchange).
  test('is applied as if pasted, and leaves the address bar', async () => {
    const a = await openPage(chromium);
    const offer = await createOffer(a);
    history.replaceState(null, '', `#${offer}`);
    const b = await openPage(firefox);
    await until(b, () => expect(status(b)).toMatch(/^Answer ready\./));
    expect(location.hash).toBe('');
    await paste(a, codeShown(b, 'Answer'));
    await until(a, () => expect([status(a), status(b)]).toEqual(['Connected', 'Connected']));
  });

  test('followed while the page is open: a link that holds no code says so, and the page stays ready', async () => {
    const page = await openPage(chromium);
    location.hash = 'not-a-code';
    // happy-dom never fires hashchange by itself.
    window.dispatchEvent(new Event('hashchange'));
    await until(page, () => expect(alerts(page)).toEqual([`The link you opened cannot be used here. ${NOT_A_CODE}`]));
    expect(status(page)).toMatch(/^Ready\./);
    expect(location.hash).toBe('');
  });
});
