// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-signal-out.ts';
import { decodeQr } from '../../src/core/qr/qr-decode.ts';
import { useFakeCanvas, pixelsOf } from './fake-canvas.ts';
import { buttonNames, button, getByRole, mount, settled, visibleText } from './mount.ts';

const BLOB = 'P2P1ANSWER0K8M2N7B4V9C1X6Z5Q0F3K8M2N7B4V9C1X6Z5Q0F3';
/** A later version of the same code: longer, as one more candidate makes it. */
const BETTER = `${BLOB}7H2K9M4N1B8V3C6X5Z0Q`;
const NOTE = 'Improved: more ways to reach this device. An earlier copy still works.';

useFakeCanvas();
afterEach(() => {
  Reflect.deleteProperty(navigator, 'share');
});

const blobBox = (element: HTMLElement, name: string) => getByRole(element, 'textbox', name) as HTMLTextAreaElement;

describe('p2p-signal-out', () => {
  test('an offer: the read-only text box "Offer", its length, and Copy', async () => {
    const element = await mount('p2p-signal-out', { kind: 'offer', blob: BLOB });
    expect(blobBox(element, 'Offer').value).toBe(BLOB);
    expect(blobBox(element, 'Offer').readOnly).toBe(true);
    expect(visibleText(element)).toContain(`${BLOB.length} characters`);
    expect(buttonNames(element)).toEqual(['Copy']);
  });

  test('the QR code holds a link to this page with the blob as its fragment', async () => {
    const element = await mount('p2p-signal-out', { kind: 'answer', blob: BLOB });
    expect(blobBox(element, 'Answer').value).toBe(BLOB);
    const code = getByRole(element, 'img', 'QR code of the answer') as HTMLCanvasElement;
    expect(decodeQr(pixelsOf(code))).toBe(`${location.href}#${BLOB}`);
  });

  test('Copy puts the blob on the clipboard and says so', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const element = await mount('p2p-signal-out', { blob: BLOB });
    button(element, 'Copy').click();
    await settled(element);
    expect(writeText).toHaveBeenCalledWith(BLOB);
    expect(visibleText(element)).toContain('Copied to the clipboard.');
  });

  test('a refused clipboard: the text is selected for a manual copy, and the page says so', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    const element = await mount('p2p-signal-out', { blob: BLOB });
    button(element, 'Copy').click();
    await settled(element);
    expect(visibleText(element)).toContain('Copying was blocked: the text is selected, copy it with Ctrl+C or the menu.');
    const box = blobBox(element, 'Offer');
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, BLOB.length]);
  });

  test('Share, where the browser can share, shares the link; closing the sheet is no error', async () => {
    const share = vi.fn(async () => {
      throw new DOMException('closed', 'AbortError');
    });
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    const element = await mount('p2p-signal-out', { kind: 'offer', blob: BLOB });
    expect(buttonNames(element)).toEqual(['Copy', 'Share']);
    button(element, 'Share').click();
    await settled(element);
    expect(share).toHaveBeenCalledWith({ title: 'P2P Direct offer', url: `${location.href}#${BLOB}` });
  });

  test('a better version replaces the code in place, with a quiet note that earlier copies still work', async () => {
    const element = await mount('p2p-signal-out', { kind: 'offer', blob: BLOB });
    const box = blobBox(element, 'Offer');
    const code = getByRole(element, 'img', 'QR code of the offer') as HTMLCanvasElement;
    const note = element.shadowRoot!.querySelector('p.note')!;
    expect(visibleText(element)).not.toContain(NOTE);
    expect(note.getAttribute('aria-live')).toBe('polite');

    Object.assign(element, { blob: BETTER, improved: true });
    await settled(element);
    // The same box, QR code and note: updated, not replaced, so focus and layout stay where they were.
    expect(blobBox(element, 'Offer')).toBe(box);
    expect(box.value).toBe(BETTER);
    expect(getByRole(element, 'img', 'QR code of the offer')).toBe(code);
    expect(decodeQr(pixelsOf(code))).toBe(`${location.href}#${BETTER}`);
    expect(element.shadowRoot!.querySelector('p.note')).toBe(note);
    expect(visibleText(note as HTMLElement)).toBe(NOTE);
    expect(visibleText(element)).toContain(`${BETTER.length} characters`);
    expect(buttonNames(element)).toEqual(['Copy']);
  });
});
