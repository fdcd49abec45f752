import type { Browser, ElementHandle, Page } from 'puppeteer-core';

/**
 * One peer's page in Firefox (puppeteer-core over WebDriver BiDi). Its ARIA selectors find nothing
 * there (TESTBED.md), so each step walks the page and its open shadow roots in the page itself and
 * finds controls by the words a user sees: a button's text, a box's label, a role.
 */
export class FirefoxPeer {
  private constructor(readonly page: Page) {}

  /** Opens the page at `url`: the start page, or a link that carries a code and acts at once. */
  static async open(browser: Browser, url: string): Promise<FirefoxPeer> {
    const peer = new FirefoxPeer(await browser.newPage());
    await peer.page.goto(url);
    await peer.page.evaluate(installDeepWalk);
    await peer.waitFor(() => peer.text('[role="status"]').then((status) => status !== ''), 'the status line');
    return peer;
  }

  /** A real click (trusted input), so the page gets the user activation that lets media play. */
  async press(button: string): Promise<void> {
    const target = await this.find('button:enabled', button);
    if (!target) throw new Error(`no enabled button "${button}"`);
    await target.click();
  }

  /** Text of the first element matching `selector` anywhere in the page; '' when there is none. */
  async text(selector: string): Promise<string> {
    const element = await this.find(selector);
    return element ? element.evaluate((el) => el.textContent?.trim() ?? '') : '';
  }

  status(): Promise<string> {
    return this.text('[role="status"]');
  }

  /** The code in the box labelled Offer or Answer, once it is there. */
  async readBlob(kind: 'Offer' | 'Answer', timeoutMs = 10_000): Promise<string> {
    let value = '';
    await this.waitFor(async () => (value = await this.boxValue(kind)) !== '', `the ${kind} box`, timeoutMs);
    return value;
  }

  async createOffer(): Promise<string> {
    await this.press('Create offer');
    return this.readBlob('Offer');
  }

  /** Puts the text in the paste box as a user's paste lands there (applied at once). */
  async paste(text: string): Promise<void> {
    const box = await this.labelled('Paste offer or answer');
    await box.evaluate((el, value) => {
      (el as HTMLTextAreaElement).value = value;
      el.dispatchEvent(new Event('paste', { bubbles: true, composed: true }));
    }, text);
  }

  async waitForStatus(expected: string | RegExp, timeoutMs = 20_000): Promise<void> {
    const matches = (status: string) => (typeof expected === 'string' ? status === expected : expected.test(status));
    await this.waitFor(async () => matches(await this.status()), `status ${expected}`, timeoutMs);
  }

  /** Typed and sent with Enter, as a person does. */
  async sendChat(message: string): Promise<void> {
    const input = await this.deep('input[aria-label="Message"]');
    await input.type(message);
    await input.press('Enter');
  }

  async waitForChat(message: string, from: 'mine' | 'theirs', timeoutMs = 10_000): Promise<void> {
    await this.waitFor(async () => (await this.text(`li[data-from="${from}"] .text`)).includes(message), `chat "${message}"`, timeoutMs);
  }

  /** Sends a file from disk through the files section's hidden file input. */
  async sendFile(path: string): Promise<void> {
    const input = (await this.deep('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
  }

  async waitForTransferPhase(phase: string, timeoutMs = 30_000): Promise<void> {
    await this.waitFor(async () => (await this.count(`li[data-phase="${phase}"]`)) > 0, `a transfer ${phase}`, timeoutMs);
  }

  /**
   * Video frames decoded so far from the other device, 0 while its video element has no picture.
   * Headless Firefox composites nothing, so getVideoPlaybackQuality() stays at 0: the count comes
   * from the connection's statistics instead.
   */
  async remoteFrames(): Promise<number> {
    return this.page.evaluate(async () => {
      const video = (globalThis as unknown as Walker)
        .p2pDeepAll()
        .find((el): el is HTMLVideoElement => el.matches('video[aria-label="Video from the other device"]'));
      if (!video || video.videoWidth === 0) return 0;
      const report = await document.querySelector('p2p-app')?.getStats();
      let frames = 0;
      report?.forEach((stat: { type: string; kind?: string; framesDecoded?: number }) => {
        if (stat.type === 'inbound-rtp' && stat.kind === 'video') frames += stat.framesDecoded ?? 0;
      });
      return frames;
    });
  }

  async waitForFlowingVideo(timeoutMs = 15_000): Promise<void> {
    const first = await this.waitForValue(() => this.remoteFrames(), (frames) => frames > 0, 'a remote video frame', timeoutMs);
    await this.waitForValue(() => this.remoteFrames(), (frames) => frames > first + 5, 'more remote video frames', timeoutMs);
  }

  async waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
    await this.waitForValue(check, (ok) => ok, what, timeoutMs);
  }

  private async waitForValue<T>(read: () => Promise<T>, good: (value: T) => boolean, what: string, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (good(value)) return value;
      if (Date.now() > deadline) throw new Error(`Firefox page: no ${what} within ${timeoutMs} ms (status: ${await this.status()})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private count(selector: string): Promise<number> {
    return this.page.evaluate((css) => (globalThis as unknown as Walker).p2pDeepAll().filter((el) => el.matches(css)).length, selector);
  }

  private async boxValue(label: string): Promise<string> {
    const box = await this.labelled(label).catch(() => undefined);
    return box ? box.evaluate((el) => (el as HTMLTextAreaElement).value) : '';
  }

  /** The control a <label> with exactly this text names (labels and controls share a shadow root here). */
  private async labelled(label: string): Promise<ElementHandle<Element>> {
    const found = await this.find('label', label);
    const box = await found?.evaluateHandle((el) => (el.getRootNode() as ShadowRoot).getElementById((el as HTMLLabelElement).htmlFor));
    const element = box?.asElement() as ElementHandle<Element> | null | undefined;
    if (!element) throw new Error(`no box labelled "${label}"`);
    return element;
  }

  private async deep(selector: string): Promise<ElementHandle<Element>> {
    const element = await this.find(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    return element;
  }

  /** The first element anywhere in the page matching `css` (and with exactly `text`, when given). */
  private async find(css: string, text?: string): Promise<ElementHandle<Element> | undefined> {
    const handle = await this.page.evaluateHandle(
      (selector, words) =>
        (globalThis as unknown as Walker)
          .p2pDeepAll()
          .find((el) => el.matches(selector) && (words === undefined || el.textContent?.trim() === words)) ?? null,
      css,
      text,
    );
    return (handle.asElement() as ElementHandle<Element> | null) ?? undefined;
  }
}

interface Walker {
  p2pDeepAll(): Element[];
}

/** Installs, in the page, a list of every element, open shadow roots included, in document order. */
function installDeepWalk(): void {
  (globalThis as unknown as Walker).p2pDeepAll = () => {
    const all: Element[] = [];
    const visit = (node: Document | ShadowRoot): void => {
      for (const el of node.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return all;
  };
}
