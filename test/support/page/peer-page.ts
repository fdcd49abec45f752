import type { BrowserContext, Locator, Page } from 'playwright-core';
import { CallPart } from './call.ts';
import { ChatPart } from './chat.ts';
import { explainFailure } from './diagnose.ts';
import { FilesPart } from './files.ts';
import { SettingsPart } from './settings.ts';

export type BlobBox = 'Offer' | 'Answer';
export type QrKind = 'offer' | 'answer';

/**
 * Page object: one peer's page, driven only through roles and names, as a user would. The
 * connection steps (offer, paste, status) are here; each section of the connected page is a part.
 */
export class PeerPage {
  readonly chat: ChatPart;
  readonly files: FilesPart;
  readonly call: CallPart;
  readonly settings: SettingsPart;

  private constructor(readonly page: Page) {
    this.chat = new ChatPart(page);
    this.files = new FilesPart(page);
    this.call = new CallPart(page);
    this.settings = new SettingsPart(page);
  }

  static async open(context: BrowserContext, url: string): Promise<PeerPage> {
    const peer = new PeerPage(await context.newPage());
    await peer.page.goto(url);
    await peer.button('Create offer').waitFor();
    return peer;
  }

  /** Opens a page that may act on its own at once (a link carrying a blob). */
  static async openLink(context: BrowserContext, url: string): Promise<PeerPage> {
    const peer = new PeerPage(await context.newPage());
    await peer.page.goto(url);
    await peer.status.waitFor();
    return peer;
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  get pasteBox(): Locator {
    return this.page.getByRole('textbox', { name: 'Paste offer or answer', exact: true });
  }

  blobBox(kind: BlobBox): Locator {
    return this.page.getByRole('textbox', { name: kind, exact: true });
  }

  qrCode(kind: QrKind): Locator {
    return this.page.getByRole('img', { name: `QR code of the ${kind}` });
  }

  /** The QR code as a user would photograph it: a screenshot of the element on screen. */
  qrScreenshot(kind: QrKind): Promise<Buffer> {
    return this.qrCode(kind).screenshot();
  }

  async createOffer(timeoutMs = 10_000): Promise<string> {
    await this.button('Create offer').click();
    return this.readBlob('Offer', timeoutMs);
  }

  async readBlob(kind: BlobBox, timeoutMs = 10_000): Promise<string> {
    const box = this.blobBox(kind);
    await box.waitFor({ timeout: timeoutMs });
    return box.inputValue();
  }

  /** Types the text into the paste box the way a user's paste lands there. */
  async paste(text: string): Promise<void> {
    await this.pasteBox.fill(text);
  }

  async apply(): Promise<void> {
    await this.button('Apply').click();
  }

  /** Picks an image through "Choose image" and the browser's file chooser. */
  async chooseImage(name: string, png: Buffer): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.button('Choose image').click()]);
    await chooser.setFiles({ name, mimeType: 'image/png', buffer: png });
  }

  /** Pastes an image anywhere on the page, as a screenshot pasted from the clipboard lands. */
  async pasteImage(png: Buffer): Promise<void> {
    await this.page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, png.toString('base64'));
  }

  async waitForStatus(text: string | RegExp, timeoutMs = 20_000): Promise<void> {
    const exact = typeof text === 'string' ? new RegExp(`^${text}$`) : text;
    await this.status.filter({ hasText: exact }).waitFor({ timeout: timeoutMs });
  }

  async waitForAlert(text: RegExp, timeoutMs = 5_000): Promise<void> {
    await this.alert.filter({ hasText: text }).waitFor({ timeout: timeoutMs });
  }

  /** The whole manual exchange with `answerer`, purely through the UI: offer here → there, answer back. */
  async connectTo(answerer: PeerPage): Promise<void> {
    const offer = await this.createOffer();
    await answerer.paste(offer);
    const answer = await answerer.readBlob('Answer');
    await this.paste(answer);
    await waitUntilBothConnected(this, answerer);
  }
}

/** Fails with what both pages showed and how their links stood, not only with the timeout. */
export async function waitUntilBothConnected(a: PeerPage, b: PeerPage, timeoutMs?: number): Promise<void> {
  await explainFailure({ A: a.page, B: b.page }, () =>
    Promise.all([a.waitForStatus('Connected', timeoutMs), b.waitForStatus('Connected', timeoutMs)]),
  );
}
