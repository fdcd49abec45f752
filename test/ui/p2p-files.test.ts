// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-files.ts';
import { BrowserReceivedFiles } from '../../src/platform/files/browser-received-files.ts';
import { FakeTransfers } from './fake-transfers.ts';
import { allByRole, button, buttonNames, getByRole, mount, settled, visibleText } from './mount.ts';

const REPORT = { name: 'report.pdf', size: 1_500_000, mimeType: 'application/pdf' };

/** Received files are the page's own: happy-dom has no private file system, so they stay in Blobs. */
async function mountFiles(transfers = new FakeTransfers()) {
  const element = await mount('p2p-files', { manager: transfers.asManager, files: new BrowserReceivedFiles() });
  return { transfers, element };
}

/** The other device offers REPORT, and the user presses Accept or Decline. */
async function answerOffer(answer: 'Accept' | 'Decline') {
  const { transfers, element } = await mountFiles();
  const id = transfers.peerOffers(REPORT);
  await settled(element);
  button(element, answer).click();
  await settled(element);
  return { transfers, element, id };
}

const item = (element: HTMLElement, name: string) => getByRole(element, 'group', name);

function filesEvent(type: string, files: File[]): Event {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return Object.assign(new Event(type, { bubbles: true, cancelable: true }), { dataTransfer: data, clipboardData: data });
}

describe('p2p-files', () => {
  test('before any transfer: Send files, the always-accept box, an empty list', async () => {
    const { element } = await mountFiles();
    expect(buttonNames(element)).toEqual(['Send files']);
    const box = getByRole(element, 'checkbox', 'Always accept files from this device for this session') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(allByRole(getByRole(element, 'list', 'Transfers'), 'group')).toEqual([]);
  });

  test('an offered file shows name, size and type, with Accept and Decline', async () => {
    const { transfers, element } = await mountFiles();
    transfers.peerOffers(REPORT);
    await settled(element);
    const offered = item(element, 'report.pdf');
    expect(visibleText(offered)).toMatch(/^↓ report\.pdf 1\.5 MB · application\/pdf .*Offered to you\./);
    expect(getByRole(offered, 'progressbar', 'Progress of report.pdf')).toBeTruthy();
    expect(buttonNames(offered)).toEqual(['Accept', 'Decline']);
  });

  test('Accept hands the manager a sink; the transfer then shows Cancel and its progress', async () => {
    const { transfers, element, id } = await answerOffer('Accept');
    expect(transfers.requests).toEqual([`accept ${id}`]);
    expect(transfers.sinks.has(id)).toBe(true);
    transfers.move(id, { phase: 'receiving' });
    transfers.progress(id, 500_000, 250_000, 4);
    await settled(element);
    const receiving = item(element, 'report.pdf');
    expect(buttonNames(receiving)).toEqual(['Cancel']);
    expect(visibleText(receiving)).toContain('500 KB of 1.5 MB · 250 KB/s · 4 s left');
    expect((getByRole(receiving, 'progressbar') as HTMLProgressElement).value).toBe(500_000);
  });

  test('while the link is down a running file says it is paused, keeps its progress, and can still be canceled', async () => {
    const { transfers, element, id } = await answerOffer('Accept');
    transfers.move(id, { phase: 'receiving' });
    transfers.progress(id, 600_000, 250_000, 4);
    transfers.move(id, { phase: 'interrupted' });
    await settled(element);
    const paused = item(element, 'report.pdf');
    expect(visibleText(paused)).toContain('Paused: the link is down.');
    // No speed or time left while nothing moves.
    expect(visibleText(paused)).toMatch(/600 KB of 1\.5 MB Paused/);
    expect((getByRole(paused, 'progressbar') as HTMLProgressElement).value).toBe(600_000);
    expect(buttonNames(paused)).toEqual(['Cancel']);
  });

  test('Decline declines, and the file says so', async () => {
    const { transfers, element, id } = await answerOffer('Decline');
    expect(transfers.requests).toEqual([`decline ${id}`]);
    expect(visibleText(item(element, 'report.pdf'))).toContain('Declined by you.');
    expect(buttonNames(item(element, 'report.pdf'))).toEqual([]);
  });

  test('Send files opens the picker; picked files are offered, and can be canceled', async () => {
    const { transfers, element } = await mountFiles();
    const picker = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const open = vi.spyOn(picker, 'click');
    button(element, 'Send files').click();
    expect(open).toHaveBeenCalledOnce();
    Object.defineProperty(picker, 'files', { value: [new File(['hello'], 'notes.txt', { type: 'text/plain' })], configurable: true });
    picker.dispatchEvent(new Event('change'));
    await settled(element);
    expect(transfers.requests).toEqual(['offer notes.txt']);
    expect(visibleText(item(element, 'notes.txt'))).toContain('↑ notes.txt 5 B · text/plain');
    expect(visibleText(item(element, 'notes.txt'))).toContain('Waiting for the other device to accept…');
    button(element, 'Cancel').click();
    await settled(element);
    expect(transfers.requests.at(-1)).toBe('cancel outgoing-1');
    expect(visibleText(item(element, 'notes.txt'))).toContain('Canceled by you.');
  });

  test('files dropped on the page or pasted into it are offered', async () => {
    const { transfers } = await mountFiles();
    const drop = filesEvent('drop', [new File(['a'], 'dropped.png')]);
    document.dispatchEvent(drop);
    document.dispatchEvent(filesEvent('paste', [new File(['b'], 'pasted.png')]));
    expect(drop.defaultPrevented).toBe(true);
    expect(transfers.requests).toEqual(['offer dropped.png', 'offer pasted.png']);
  });

  test('always accept: accepts what waits when ticked, and what arrives afterwards', async () => {
    const { transfers, element } = await mountFiles();
    const first = transfers.peerOffers(REPORT);
    await settled(element);
    getByRole(element, 'checkbox').click();
    await settled(element);
    const second = transfers.peerOffers({ ...REPORT, name: 'second.pdf' });
    await settled(element);
    expect(transfers.requests).toEqual([`accept ${first}`, `accept ${second}`]);
  });

  test('a verified incoming file offers Save, which downloads the stored file under its name', async () => {
    const { transfers, element } = await mountFiles();
    const id = transfers.peerOffers({ name: 'tiny.txt', size: 3, mimeType: 'text/plain' });
    await settled(element);
    button(element, 'Accept').click();
    await settled(element);
    const sink = await transfers.sinks.get(id)!({ name: 'tiny.txt', size: 3, mimeType: 'text/plain' });
    await sink.write(new TextEncoder().encode('abc'));
    transfers.move(id, { phase: 'verified' });
    await settled(element);
    // Not stored yet: no Save.
    expect(allByRole(element, 'link')).toEqual([]);
    await sink.close();
    await settled(element);
    const save = getByRole(element, 'link', 'Save') as HTMLAnchorElement;
    expect(save.download).toBe('tiny.txt');
    expect(save.href).toMatch(/^blob:/);
    expect(visibleText(item(element, 'tiny.txt'))).toContain('Verified: SHA-256 matches. Press Save to keep it.');
  });

  test('a failed file says why', async () => {
    const { transfers, element } = await mountFiles();
    const id = transfers.peerOffers(REPORT);
    transfers.move(id, { phase: 'failed', reason: 'hash-mismatch', by: 'me', detail: 'digest differs' });
    await settled(element);
    expect(visibleText(item(element, 'report.pdf'))).toContain('Failed: the received file does not match the original (SHA-256 differs).');
    expect(buttonNames(item(element, 'report.pdf'))).toEqual([]);
  });

  describe('with a hostile peer', () => {
    /** The peer offers a file, the user accepts it, and it arrives and is verified. */
    async function receive(file: { name: string; size: number; mimeType: string }, bytes: string) {
      const { transfers, element } = await mountFiles();
      const id = transfers.peerOffers(file);
      await settled(element);
      button(element, 'Accept').click();
      await settled(element);
      const sink = await transfers.sinks.get(id)!(file);
      await sink.write(new TextEncoder().encode(bytes));
      transfers.move(id, { phase: 'verified' });
      await sink.close();
      await settled(element);
      return { transfers, element, id };
    }

    test('an HTML payload in a name and a type is shown as text, and creates no element', async () => {
      const name = '<img src=x onerror=alert(1)>.html';
      const { element } = await receive({ name, size: 5, mimeType: '<b>text/html</b>' }, '<b>x');
      const entry = item(element, name);
      expect(entry.querySelector('img, b, script')).toBeNull();
      expect(element.shadowRoot!.querySelector('ul img')).toBeNull();
      expect(visibleText(entry)).toContain(`↓ ${name}`);
      expect(visibleText(entry)).toContain('<b>text/html</b>');
    });

    test('the Save link is typed application/octet-stream, and so is the file behind it, whatever the sender said', async () => {
      const { element, id } = await receive({ name: 'photo.jpg', size: 12, mimeType: 'text/html' }, '<h1>hi</h1>!');
      const save = getByRole(element, 'link', 'Save') as HTMLAnchorElement;
      expect(save.getAttribute('type')).toBe('application/octet-stream');
      // happy-dom cannot fetch a blob: URL; the e2e test reads it through the href.
      const blob = (element as unknown as { files: BrowserReceivedFiles }).files.saved(id)!;
      expect(blob.type).toBe('application/octet-stream');
      expect(await blob.text()).toBe('<h1>hi</h1>!');
    });

    test('a right-to-left override cannot disguise the extension: the name shown and saved ends in .exe', async () => {
      const { element } = await receive({ name: 'invoice\u202Efdp.exe', size: 2, mimeType: 'application/pdf' }, 'MZ');
      const entry = item(element, 'invoicefdp.exe');
      expect(visibleText(entry)).toContain('↓ invoicefdp.exe');
      expect(visibleText(element)).not.toContain('\u202E');
      expect((getByRole(entry, 'link', 'Save') as HTMLAnchorElement).download).toBe('invoicefdp.exe');
    });

    test('a file waiting its turn says so', async () => {
      const { transfers, element, id } = await answerOffer('Accept');
      transfers.move(id, { phase: 'waiting', queued: true });
      await settled(element);
      expect(visibleText(item(element, 'report.pdf'))).toContain('Accepted: waits until the file before it has arrived.');
      expect(buttonNames(item(element, 'report.pdf'))).toEqual(['Cancel']);
    });

    test('a stalled transfer and a busy decline say what happened in plain words', async () => {
      const { transfers, element } = await mountFiles();
      const stalled = transfers.peerOffers(REPORT);
      transfers.move(stalled, { phase: 'failed', reason: 'stalled', by: 'me', detail: 'nothing for 60 s' });
      const [busy] = transfers.offerFiles([new File(['x'], 'later.txt')]);
      transfers.move(busy!, { phase: 'declined', by: 'peer', busy: true });
      await settled(element);
      expect(visibleText(item(element, 'report.pdf'))).toContain('Failed: nothing came from the other device for 60 seconds, so it was stopped.');
      expect(visibleText(item(element, 'later.txt'))).toContain('Not taken: the other device already has too many files waiting.');
    });

    test('what the bounds refused is counted below the list', async () => {
      const { transfers, element } = await mountFiles();
      expect(visibleText(element)).not.toMatch(/not taken|removed|closed/);
      // A flood bumps the counters once per offer; the list is re-rendered for them a few times a second.
      const renders = vi.spyOn(element as unknown as { render(): unknown }, 'render');
      for (let n = 1; n <= 4800; n++) transfers.counted({ declinedOffers: n, refusedChannels: Math.min(n, 500) });
      await vi.waitFor(() => expect(visibleText(element)).toContain('closed: 500.'));
      expect(renders.mock.calls.length).toBeLessThan(5);
      expect(visibleText(element)).toMatch(/Files the other device offered while too many were waiting, not taken: 4,?800\./);
      expect(visibleText(element)).toContain('Channels the other device opened that no file asked for, closed: 500.');
    });

    test('an entry the manager drops takes its Save link with it, and its object URL is revoked', async () => {
      const revoke = vi.spyOn(URL, 'revokeObjectURL');
      const { transfers, element, id } = await receive({ name: 'old.txt', size: 1, mimeType: '' }, 'o');
      const href = (getByRole(element, 'link', 'Save') as HTMLAnchorElement).href;
      transfers.drop(id);
      await vi.waitFor(() => expect(allByRole(element, 'link')).toEqual([]));
      expect(revoke).toHaveBeenCalledWith(href);
      expect(visibleText(element)).toContain('Older finished transfers removed from this list: 1.');
      revoke.mockRestore();
    });
  });

  test('a picked file whose name the other device would refuse is not offered, and the page says why', async () => {
    const { transfers, element } = await mountFiles();
    const picker = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const long = new File(['x'], `${'n'.repeat(1100)}.txt`);
    Object.defineProperty(picker, 'files', { value: [long, new File(['ok'], 'fine.txt')], configurable: true });
    picker.dispatchEvent(new Event('change'));
    await settled(element);
    expect(transfers.requests).toEqual(['offer fine.txt']);
    expect(visibleText(element)).toMatch(/Not sent: “n+….txt” has a name longer than 1,?024 characters\. Rename it and send it again\./);
  });
});
