import type { Locator, Page } from 'playwright-core';

/** The call's on/off controls, by their accessible names; each press flips one. */
export type CallToggle = 'Mute' | 'Camera off' | 'Share screen';

export interface RemoteVideo {
  readonly width: number;
  /** Frames decoded so far. */
  readonly frames: number;
}

/** The video call section of one peer's page, and what its media elements and statistics show. */
export class CallPart {
  constructor(private readonly page: Page) {}

  /** There whenever no call runs. */
  get startButton(): Locator {
    return this.button('Start video');
  }

  async start(): Promise<void> {
    await this.startButton.click();
  }

  async hangUp(): Promise<void> {
    await this.button('Hang up').click();
  }

  async toggle(control: CallToggle): Promise<void> {
    await this.button(control).click();
  }

  async remoteVideo(): Promise<RemoteVideo> {
    return this.page
      .locator('video[aria-label="Video from the other device"]')
      .evaluate((video: HTMLVideoElement) => ({ width: video.videoWidth, frames: video.getVideoPlaybackQuality().totalVideoFrames }));
  }

  /** Waits until the remote video has a size and its decoded frame count grows. */
  async waitForFlowingVideo(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let first: RemoteVideo | undefined;
    while (Date.now() < deadline) {
      const now = await this.remoteVideo().catch(() => undefined);
      if (now && now.width > 0) {
        if (first && now.frames > first.frames + 5) return;
        first ??= now;
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error(`remote video did not flow within ${timeoutMs} ms (last: ${JSON.stringify(first)})`);
  }

  /** What this page sends as its own video: 'camera', or the display surface it shares. */
  async localVideoSource(): Promise<string> {
    return this.page.locator('video[aria-label="Your camera"]').evaluate((video: HTMLVideoElement) => {
      const settings = (video.srcObject as MediaStream).getVideoTracks()[0]?.getSettings() as { displaySurface?: string };
      return settings?.displaySurface ?? 'camera';
    });
  }

  async signalingState(): Promise<string | undefined> {
    return this.page.evaluate(() => document.querySelector('p2p-app')?.signalingState);
  }

  /** Packets received so far on this page's inbound RTP streams of one kind (from getStats). */
  async packetsReceived(kind: 'audio' | 'video'): Promise<number> {
    return this.page.evaluate(async (wanted) => {
      const report = await document.querySelector('p2p-app')?.getStats();
      let total = 0;
      report?.forEach((stat: { type: string; kind?: string; packetsReceived?: number }) => {
        if (stat.type === 'inbound-rtp' && stat.kind === wanted) total += stat.packetsReceived ?? 0;
      });
      return total;
    }, kind);
  }

  private button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
