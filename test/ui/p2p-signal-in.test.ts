// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-signal-in.ts';
import { MAX_INPUT_CHARS } from '../../src/core/signal/index.ts';
import { button, getByRole, mount, recordEvents, type } from './mount.ts';

const BLOB = 'P2P1OFFER0000EXAMPLE';

function box(element: HTMLElement): HTMLTextAreaElement {
  return getByRole(element, 'textbox', 'Paste offer or answer') as HTMLTextAreaElement;
}

function paste(field: HTMLTextAreaElement, text: string): void {
  // The browser fires paste first, then inserts the text and fires input.
  field.dispatchEvent(new Event('paste', { bubbles: true }));
  type(field, text);
}

/** The box, the submissions it fires, and a fake clock for its typing pause. */
async function mountWithClock() {
  const submitted = recordEvents('p2p-blob-submit');
  const element = await mount('p2p-signal-in');
  vi.useFakeTimers();
  return { submitted, field: box(element), element };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('p2p-signal-in', () => {
  test('text longer than any code is handed on at once and not kept in the box, pasted or typed', async () => {
    const { submitted, field } = await mountWithClock();
    const huge = 'A'.repeat(MAX_INPUT_CHARS + 1);
    const data = new DataTransfer();
    data.setData('text/plain', huge);
    const pasteEvent = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    field.dispatchEvent(pasteEvent);
    expect([pasteEvent.defaultPrevented, submitted.length, field.value]).toEqual([true, 1, '']);
    expect(submitted[0]).toEqual({ text: huge });
    type(field, huge);
    expect([submitted.length, field.value]).toEqual([2, '']);
    vi.advanceTimersByTime(1_000);
    expect(submitted).toHaveLength(2);
    // At the limit it is still a paste like any other: applied, and kept in the box.
    type(field, huge.slice(1));
    vi.advanceTimersByTime(1_000);
    expect([submitted.length, field.value.length]).toEqual([3, MAX_INPUT_CHARS]);
  });

  test('Apply fires p2p-blob-submit with the text in the box', async () => {
    const submitted = recordEvents('p2p-blob-submit');
    const element = await mount('p2p-signal-in');
    box(element).value = BLOB;
    button(element, 'Apply').click();
    expect(submitted).toEqual([{ text: BLOB }]);
  });

  test('Enter applies; Shift+Enter does not', async () => {
    const submitted = recordEvents('p2p-blob-submit');
    const element = await mount('p2p-signal-in');
    box(element).value = BLOB;
    box(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }));
    expect(submitted).toEqual([]);
    box(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(submitted).toEqual([{ text: BLOB }]);
  });

  test('a paste is applied at once, and that text is not applied again when typing settles on it', async () => {
    const { submitted, field } = await mountWithClock();
    paste(field, BLOB);
    vi.advanceTimersByTime(0);
    expect(submitted).toEqual([{ text: BLOB }]);
    type(field, `${BLOB}x`);
    type(field, BLOB);
    vi.advanceTimersByTime(1000);
    expect(submitted).toHaveLength(1);
  });

  test('typed text is applied once typing pauses', async () => {
    const { submitted, field } = await mountWithClock();
    type(field, BLOB.slice(0, 10));
    vi.advanceTimersByTime(300);
    type(field, BLOB);
    vi.advanceTimersByTime(300);
    expect(submitted).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(submitted).toEqual([{ text: BLOB }]);
  });

  test('blank typing is never applied on its own', async () => {
    const { submitted, field } = await mountWithClock();
    type(field, '  \n ');
    vi.advanceTimersByTime(1000);
    expect(submitted).toEqual([]);
  });

  test('clear() empties the box, and the same code can be pasted again', async () => {
    const { submitted, field, element } = await mountWithClock();
    paste(field, BLOB);
    vi.advanceTimersByTime(0);
    element.clear();
    expect(field.value).toBe('');
    paste(field, BLOB);
    vi.advanceTimersByTime(0);
    expect(submitted).toEqual([{ text: BLOB }, { text: BLOB }]);
  });

  test('disabled: the box and Apply cannot be used', async () => {
    const element = await mount('p2p-signal-in', { disabled: true });
    expect(box(element).disabled).toBe(true);
    expect(button(element, 'Apply').disabled).toBe(true);
  });
});
