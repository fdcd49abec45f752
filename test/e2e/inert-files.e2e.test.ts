import { describe, expect, inject, test } from 'vitest';
import { newDevice } from '../support/launch/chromium.ts';
import { PeerPage } from '../support/page/peer-page.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();

const HTML_NAME = '<img src=x onerror=alert(1)>.html';
const HTML_BODY = '<script>document.title = "pwned"</script><h1>peer HTML</h1>';
const BIDI_NAME = 'invoice\u202Efdp.exe';
/** Bidi embeddings, overrides, isolates and marks: none may reach the page's text. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** What the receiver's Save link points at, read back through its href in the page. */
async function savedBehind(b: PeerPage, name: string) {
  const save = b.files.transfer(name).getByRole('link', { name: 'Save', exact: true });
  const type = await save.getAttribute('type');
  const download = await save.getAttribute('download');
  const blob = await save.evaluate(async (link: HTMLAnchorElement) => {
    const fetched = await (await fetch(link.href)).blob();
    return { type: fetched.type, text: await fetched.text() };
  });
  return { type, download, blob };
}

describe('received files are inert', () => {
  // OPFS is the usual path (its File is typed by the name's extension); Blob parts the fallback.
  for (const storage of ['opfs', 'blob-parts'] as const) {
    test(`with ${storage}: an HTML name is text, its Save link and file are application/octet-stream, a bidi name shows .exe`, async () => {
      const a = await PeerPage.open(await newDevice(browser()), baseUrl);
      // The page's CSP (connect-src 'self') forbids fetch(blob:); the test lifts it to read the href.
      const receiver = await browser().newContext({ bypassCSP: true });
      if (storage === 'blob-parts') await receiver.addInitScript(() => Object.assign(StorageManager.prototype, { getDirectory: undefined }));
      const b = await PeerPage.open(receiver, baseUrl);
      const dialogs: string[] = [];
      for (const peer of [a, b]) peer.page.on('dialog', (dialog) => (dialogs.push(dialog.message()), void dialog.dismiss()));
      await a.connectTo(b);
      await b.files.alwaysAccept();
      await a.files.sendPayloads([
        { name: HTML_NAME, mimeType: 'text/html', buffer: Buffer.from(HTML_BODY) },
        { name: BIDI_NAME, mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') },
      ]);
      await b.files.waitForPhase(HTML_NAME, 'verified');
      await b.files.waitForPhase('invoicefdp.exe', 'verified');

      // The name is shown as the text it is, on both pages: no element is made from it.
      for (const peer of [a, b]) {
        const entry = peer.files.transfer(HTML_NAME);
        await expect.poll(() => entry.textContent()).toContain(HTML_NAME);
        expect(await peer.page.locator('p2p-files li img, p2p-files li script, p2p-files li h1').count()).toBe(0);
        expect(await peer.page.locator('img[src="x"]').count()).toBe(0);
      }

      const html = await savedBehind(b, HTML_NAME);
      expect(html.type).toBe('application/octet-stream');
      expect(html.blob).toEqual({ type: 'application/octet-stream', text: HTML_BODY });
      expect(html.download).toBe(HTML_NAME);
      // "Open in new tab": the browser downloads it; the peer's HTML never renders at our origin.
      const tab = await receiver.newPage();
      const href = await b.files.transfer(HTML_NAME).getByRole('link', { name: 'Save', exact: true }).getAttribute('href');
      const [download] = await Promise.all([tab.waitForEvent('download'), tab.goto(href!).catch(() => undefined)]);
      expect(download.url()).toBe(href);
      expect(await tab.locator('h1').count()).toBe(0);
      await tab.close();

      // The override is gone: the name reads in stored order, and what it ends with is the real extension.
      const bidi = b.files.transfer('invoicefdp.exe');
      const shown = await bidi.locator('.name').innerText();
      expect(shown).toBe('↓ invoicefdp.exe');
      expect(shown.endsWith('.exe')).toBe(true);
      expect(BIDI_CONTROLS.test((await b.page.locator('p2p-files').innerText()) ?? '')).toBe(false);
      const exe = await savedBehind(b, 'invoicefdp.exe');
      expect(exe).toEqual({ type: 'application/octet-stream', download: 'invoicefdp.exe', blob: { type: 'application/octet-stream', text: 'MZ not a pdf' } });

      expect(dialogs).toEqual([]);
      expect(await b.page.title()).not.toBe('pwned');
      await a.page.context().close();
      await receiver.close();
    }, 90_000);
  }
});
