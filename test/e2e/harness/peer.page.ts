import type { BrowserContext, Locator, Page } from 'playwright-core';

/** Page object: one peer's page, driven only through roles and names, as a user would. */
export class PeerPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, url: string): Promise<PeerPage> {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Create offer', exact: true }).waitFor();
    return new PeerPage(page);
  }

  /** Opens a page that may act on its own at once (a link carrying a blob). */
  static async openLink(context: BrowserContext, url: string): Promise<PeerPage> {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('status').waitFor();
    return new PeerPage(page);
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  get log(): Locator {
    return this.page.getByRole('log');
  }

  blobBox(kind: 'Offer' | 'Answer'): Locator {
    return this.page.getByRole('textbox', { name: kind, exact: true });
  }

  async createOffer(timeoutMs = 10_000): Promise<string> {
    await this.page.getByRole('button', { name: 'Create offer', exact: true }).click();
    return this.readBlob('Offer', timeoutMs);
  }

  async readBlob(kind: 'Offer' | 'Answer', timeoutMs = 10_000): Promise<string> {
    const box = this.blobBox(kind);
    await box.waitFor({ timeout: timeoutMs });
    return box.inputValue();
  }

  /** Types the text into the paste box the way a user's paste lands there. */
  async paste(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Paste offer or answer', exact: true }).fill(text);
  }

  async apply(): Promise<void> {
    await this.page.getByRole('button', { name: 'Apply', exact: true }).click();
  }

  async waitForStatus(text: string | RegExp, timeoutMs = 20_000): Promise<void> {
    const exact = typeof text === 'string' ? new RegExp(`^${text}$`) : text;
    await this.status.filter({ hasText: exact }).waitFor({ timeout: timeoutMs });
  }

  async waitForAlert(text: RegExp, timeoutMs = 5_000): Promise<void> {
    await this.alert.filter({ hasText: text }).waitFor({ timeout: timeoutMs });
  }

  async sendChat(text: string): Promise<void> {
    const box = this.page.getByRole('textbox', { name: 'Message', exact: true });
    await box.fill(text);
    await box.press('Enter');
  }

  /** Waits for a message in the log, marked as sent by `from`. */
  async waitForChat(text: string, from: 'mine' | 'theirs', timeoutMs = 10_000): Promise<void> {
    await this.log.locator(`li[data-from="${from}"]`).filter({ hasText: text }).waitFor({ timeout: timeoutMs });
  }

  async openSettings(): Promise<void> {
    const summary = this.page.getByText('Settings', { exact: true });
    const details = this.page.locator('p2p-settings details');
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await summary.click();
  }

  async setNumberSetting(label: string, value: number): Promise<void> {
    await this.openSettings();
    const input = this.page.getByRole('spinbutton', { name: label });
    await input.fill(String(value));
    await input.press('Tab');
  }

  async removeAllIceServers(): Promise<void> {
    await this.openSettings();
    const remove = this.page.getByRole('button', { name: /^Remove server \d+$/ });
    while ((await remove.count()) > 0) await remove.first().click();
  }
}

/** The whole manual exchange, purely through the UI: offer A → B, answer B → A. */
export async function connectThroughUi(a: PeerPage, b: PeerPage): Promise<void> {
  const offer = await a.createOffer();
  await b.paste(offer);
  const answer = await b.readBlob('Answer');
  await a.paste(answer);
  await Promise.all([a.waitForStatus('Connected'), b.waitForStatus('Connected')]);
}

/** What this page's remote <video> shows: its size and how many frames it has decoded so far. */
export async function remoteVideo(peer: PeerPage): Promise<{ width: number; frames: number }> {
  return peer.page
    .locator('video[aria-label="Video from the other device"]')
    .evaluate((video: HTMLVideoElement) => ({ width: video.videoWidth, frames: video.getVideoPlaybackQuality().totalVideoFrames }));
}

/** Waits until the remote video has a size and its decoded frame count grows. */
export async function waitForFlowingVideo(peer: PeerPage, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let first: { width: number; frames: number } | undefined;
  while (Date.now() < deadline) {
    const now = await remoteVideo(peer).catch(() => undefined);
    if (now && now.width > 0) {
      if (first && now.frames > first.frames + 5) return;
      first ??= now;
    }
    await peer.page.waitForTimeout(200);
  }
  throw new Error(`remote video did not flow within ${timeoutMs} ms (last: ${JSON.stringify(first)})`);
}

export async function signalingState(peer: PeerPage): Promise<string | undefined> {
  return peer.page.evaluate(() => document.querySelector('p2p-app')?.signalingState);
}

/** Packets received so far on this page's inbound RTP streams of one kind (from getStats). */
export async function packetsReceived(peer: PeerPage, kind: 'audio' | 'video'): Promise<number> {
  return peer.page.evaluate(async (wanted) => {
    const report = await document.querySelector('p2p-app')?.getStats();
    let total = 0;
    report?.forEach((stat: { type: string; kind?: string; packetsReceived?: number }) => {
      if (stat.type === 'inbound-rtp' && stat.kind === wanted) total += stat.packetsReceived ?? 0;
    });
    return total;
  }, kind);
}
