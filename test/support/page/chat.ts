import type { Locator, Page } from 'playwright-core';

/** The chat section of one peer's page. */
export class ChatPart {
  constructor(private readonly page: Page) {}

  get log(): Locator {
    return this.page.getByRole('log');
  }

  async send(text: string): Promise<void> {
    const box = this.page.getByRole('textbox', { name: 'Message', exact: true });
    await box.fill(text);
    await box.press('Enter');
  }

  /** How many messages in the log hold this text: what arrived twice shows twice. */
  async count(text: string): Promise<number> {
    return this.log.locator('li').filter({ hasText: text }).count();
  }

  /** Waits until an own message is shown as not sent yet. */
  async waitForNotSentYet(text: string, timeoutMs = 5_000): Promise<void> {
    await this.log.locator('li[data-from="mine"]').filter({ hasText: text }).filter({ hasText: 'not sent yet' }).waitFor({ timeout: timeoutMs });
  }

  /** Waits for a message in the log, marked as sent by `from`. */
  async waitFor(text: string, from: 'mine' | 'theirs', timeoutMs = 10_000): Promise<void> {
    await this.log.locator(`li[data-from="${from}"]`).filter({ hasText: text }).waitFor({ timeout: timeoutMs });
  }
}
