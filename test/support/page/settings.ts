import type { Page } from 'playwright-core';

/** The Settings section of one peer's page (a <details> that opens on its summary). */
export class SettingsPart {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    const summary = this.page.getByText('Settings', { exact: true });
    const details = this.page.locator('p2p-settings details');
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await summary.click();
  }

  async setNumber(label: string, value: number): Promise<void> {
    await this.open();
    const input = this.page.getByRole('spinbutton', { name: label });
    await input.fill(String(value));
    await input.press('Tab');
  }

  async removeAllIceServers(): Promise<void> {
    await this.open();
    const remove = this.page.getByRole('button', { name: /^Remove server \d+$/ });
    while ((await remove.count()) > 0) await remove.first().click();
  }
}
